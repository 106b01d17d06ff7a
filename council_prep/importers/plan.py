"""Import in two steps: plan (read, validate, match every row; nothing written) then apply (one transaction).

The plan is what a user confirms: how many records would be added, updated, left unchanged,
skipped as duplicates or rejected, and every problem found. Applying a plan with problems is refused.
"""

import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from council_prep.domain import Record
from council_prep.domain.fields import Field
from council_prep.importers.errors import ImportRejected
from council_prep.importers.reading import Row, Sheet, read_sheet
from council_prep.importers.values import TRUNCATED, CellProblem, as_text, text_cell
from council_prep.importers.xlsx_source import ErrorValue, Formula
from council_prep.store import Store

R = TypeVar("R", bound=Record)
MISSING: Any = object()  # a field whose column the file lacks, or whose cell could not be read
_IDENTITY = {"id", "uid", "created_at", "updated_at"}


@dataclass
class ImportPlan(Generic[R]):
    """What importing `path` would do; `problems` empty means it can be applied."""

    path: Path
    what: str  # "questions", "law changes"
    table: str  # the store's table attribute the records go to
    added: list[R] = field(default_factory=list)
    updated: list[R] = field(default_factory=list)
    unchanged: int = 0
    duplicates: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "updated": len(self.updated), "unchanged": self.unchanged,
                "duplicate": self.duplicates, "rejected": self.rejected}

    def summary(self) -> list[str]:
        """Lines for the user: the counts, then ignored columns and notes."""
        counts = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        lines = [f"{self.path}: {self.what}: {counts}"]
        if self.ignored_columns:
            lines.append(f"{self.path}: columns ignored: {', '.join(self.ignored_columns)}")
        lines += [f"{self.path}: {note}" for note in self.notes]
        return lines


def apply_import(store: Store, plan: ImportPlan) -> dict[str, int]:
    """Write the plan's additions and updates in one transaction; refuse a plan with problems."""
    if plan.problems:
        raise ImportRejected(plan.problems)
    table = getattr(store, plan.table)
    with store.transaction():
        table.add_many(plan.added)
        for record in plan.updated:
            table.update(record)
    return plan.counts


class RowReader:
    """Reads the cells of one row, collecting each problem as 'FILE row N, column X: ...'."""

    def __init__(self, sheet: Sheet, row: Row):
        self.sheet = sheet
        self.row = row
        self._problems: list[tuple[int, str]] = []  # (column position, message), listed left to right

    @property
    def problems(self) -> list[str]:
        return [message for _, message in sorted(self._problems, key=lambda p: p[0])]

    def has(self, name: str) -> bool:
        return name in self.row.values

    def filled(self, name: str) -> bool:
        value = self.row.values.get(name)
        return value is not None and as_text(value).strip() != ""

    def get(self, name: str, parse: Callable[[object], Any] = text_cell) -> Any:
        """The parsed cell, or MISSING when the file has no such column or the cell is wrong."""
        if name not in self.row.values:
            return MISSING
        raw = self.row.values[name]
        if isinstance(raw, Formula):
            return self.refuse(name, f"holds a formula ({raw.text}); replace it by its value "
                                     "(copy, then paste as values)")
        if isinstance(raw, ErrorValue):
            return self.refuse(name, f"shows the error {raw.code}; correct or clear the cell")
        try:
            return parse(raw)
        except CellProblem as exc:
            return self.refuse(name, str(exc))

    def refuse(self, name: str | None, message: str) -> Any:
        position = self.sheet.positions.get(name, -1) if name else -1
        self._problems.append((position, f"{self.sheet.where(self.row.number, name)}: {message}"))
        return MISSING


class Importer(Protocol[R]):
    """What one kind of record needs to be imported; `plan_import` does the rest."""

    what: str
    table: str
    sheet_name: str
    fields: tuple[Field, ...]
    required: tuple[str, ...]
    text_fields: tuple[str, ...]  # fields the export may have cut at Excel's cell limit

    def existing(self) -> list[R]: ...
    def find_elsewhere(self, uid: str) -> R | None: ...
    def new_record(self) -> R: ...
    def fill(self, record: R, reader: RowReader, existing: R | None) -> None: ...
    def duplicate_key(self, record: R) -> Hashable: ...


def plan_import(store: Store, path: Path, importer: Importer[R]) -> ImportPlan[R]:
    """Read every row, validate it as a record, and sort it into added/updated/unchanged/duplicate."""
    sheet = read_sheet(Path(path), importer.sheet_name, importer.fields, importer.required)
    plan: ImportPlan[R] = ImportPlan(Path(path), importer.what, importer.table, ignored_columns=sheet.ignored)
    stored = importer.existing()
    by_uid = {r.uid: r for r in stored}
    known = {importer.duplicate_key(r) for r in stored}
    uid_rows: dict[str, int] = {}
    for row in sheet.rows:
        reader = RowReader(sheet, row)
        record, existing = _record_for_row(importer, reader, by_uid, uid_rows)
        if record is not None and not reader.problems:
            for problem in record.problems():
                reader.refuse(problem.field if reader.has(problem.field) else None, problem.message)
        if reader.problems or record is None:
            plan.problems += reader.problems
            plan.rejected += 1
            continue
        key = importer.duplicate_key(record)
        if existing is not None:
            if _same(existing, record):
                plan.unchanged += 1
            else:
                plan.updated.append(record)
        elif key in known and not reader.filled("uid"):
            plan.duplicates += 1
            continue
        else:
            plan.added.append(record)
        known.add(key)
    plan.notes = sheet.notes
    return plan


def _record_for_row(importer: Importer[R], reader: RowReader, by_uid: dict[str, R],
                    uid_rows: dict[str, int]) -> tuple[R | None, R | None]:
    """The row's record (a changed copy of the stored one when its uid is known) and the stored one."""
    for name in importer.required:
        if not reader.filled(name):
            reader.refuse(name, "must not be empty (this row has other cells filled)")
    uid = reader.get("uid").strip() if reader.filled("uid") else ""
    existing = None
    if uid:
        if not _is_uid(uid):
            reader.refuse("uid", f"'{uid}' is not a uid; clear the cell to add the row as a new record")
        elif uid in uid_rows:
            reader.refuse("uid", f"the same uid is also in row {uid_rows[uid]}; each record may appear once")
        uid_rows.setdefault(uid, reader.row.number)
        existing = by_uid.get(uid)
        if existing is None and importer.find_elsewhere(uid) is not None:
            reader.refuse("uid", f"{uid} is a record of another meeting; clear the uid to add it as a new one")
    if reader.problems:
        return None, existing
    record = replace(existing) if existing is not None else importer.new_record()
    if uid and existing is None:
        record.uid = uid  # a record made in another store keeps its identity
    importer.fill(record, reader, existing)
    for name in importer.text_fields:
        value = getattr(record, name)
        if isinstance(value, str) and TRUNCATED.search(value):
            if existing is None:
                reader.refuse(name, "this text was cut to fit an Excel cell; the full text is not in the file")
            else:
                setattr(record, name, getattr(existing, name))  # keep the full text the store holds
    return record, existing


def _same(a: Record, b: Record) -> bool:
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(a) if f.name not in _IDENTITY)


def _is_uid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
