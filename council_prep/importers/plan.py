"""Import in two steps: plan (read, validate, match every row; nothing written) then apply (one transaction).

The plan is what a user confirms: how many records would be added, updated, left unchanged,
skipped as duplicates or rejected, and every problem found. Applying a plan with problems is refused.
"""

import gc
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from functools import partial
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from council_prep.domain import Record
from council_prep.domain.fields import Field
from council_prep.domain.kinds import kind_of_table
from council_prep.domain.uids import normalise_uid
from council_prep.importers.errors import ImportRejected
from council_prep.importers.header_meaning import ColumnMapping
from council_prep.importers.reading import Row, Sheet, read_sheet
from council_prep.importers.values import TRUNCATED, CellProblem, as_text, text_cell
from council_prep.importers.xlsx_source import ErrorValue, Formula
from council_prep.store import Store
from council_prep.store.tables import RecordTable

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
    skipped: int = 0  # rows read and left out on purpose (no question, another subject): never refused
    late: int = 0  # rows received after the meeting's question deadline: kept, counted
    problems: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Why repeats updated stored records: "asker{s} now kept confidential" -> how many.
    reasons: dict[str, int] = field(default_factory=dict)
    skip_reasons: dict[str, int] = field(default_factory=dict)  # "no question" -> how many
    columns_read: str = ""  # which column was read as which field, for the user to check
    # (record, the new record it is a duplicate of): set once both have their ids.
    links: list[tuple[R, R]] = field(default_factory=list)
    # The stored records the plan was made against, and how to read them again (see apply_import).
    stored_state: frozenset = field(default=frozenset(), repr=False)
    state_now: Callable[[], frozenset] | None = field(default=None, repr=False)
    # Makes the same plan again from the file and the store as they are now.
    remake: Callable[[], "ImportPlan[R]"] | None = field(default=None, repr=False)

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "updated": len(self.updated), "unchanged": self.unchanged,
                "duplicate": self.duplicates, "rejected": self.rejected}

    def summary(self) -> list[str]:
        """Lines for the user: the counts (with why repeats changed stored records), then ignored columns and notes."""
        why = ", ".join(f"{n} {reason.format(s='' if n == 1 else 's')}" for reason, n in self.reasons.items())
        counts = ", ".join(f"{n} {what}" + (f" ({why})" if what == "updated" and why else "")
                           for what, n in self.counts.items())
        lines = [f"{self.path}: {self.what}: {counts}"]
        if self.skipped:
            why = ", ".join(f"{reason}: {n}" for reason, n in self.skip_reasons.items())
            lines.append(f"{self.path}: {self.skipped} row{'' if self.skipped == 1 else 's'} skipped ({why})")
        if self.late:
            lines.append(f"{self.path}: {self.late} received after the question deadline (kept, marked late)")
        if self.columns_read:
            lines.append(f"{self.path}: columns read: {self.columns_read}")
        if self.ignored_columns:
            lines.append(f"{self.path}: columns ignored: {', '.join(self.ignored_columns)}")
        lines += [f"{self.path}: {note}" for note in self.notes]
        return lines


def apply_import(store: Store, plan: ImportPlan) -> dict[str, int]:
    """Write the plan's additions and updates in one transaction; refuse a plan with problems.

    Inside the write transaction, which holds the store's write lock, the stored records are read
    again; if they changed since the plan was made (another import of the same file, an edit), the
    plan is made again and nothing is written unless it is the same plan: no row is ever added twice.
    """
    if plan.problems:
        raise ImportRejected(plan.problems)
    table = getattr(store, plan.table)
    with cycles_uncollected(), store.transaction(f"Import {plan.what} from {Path(plan.path).name}"):
        if plan.state_now is not None and plan.remake is not None and plan.state_now() != plan.stored_state:
            fresh = plan.remake()
            if fresh.problems:
                raise ImportRejected(fresh.problems)
            if _outline(fresh) != _outline(plan):
                raise ImportRejected([f"{plan.path}: the store changed while the file was being checked (another "
                                      f"import or an edit); check the file again: {fresh.summary()[0]}"])
            plan = fresh
        table.add_many(plan.added)
        for record, target in plan.links:
            record.duplicate_of = target.id
        linked = {id(record) for record, _ in plan.links}
        for record in plan.updated + [r for r in plan.added if id(r) in linked]:
            table.update(record)
    return plan.counts


def _outline(plan: ImportPlan) -> tuple:
    """What a plan would write, without the uids it makes up for new records."""
    return (plan.counts, [_values(r) for r in plan.added], [(r.uid, _values(r)) for r in plan.updated],
            [(_values(a), _values(b)) for a, b in plan.links])


class RowReader:
    """Reads the cells of one row, collecting each problem as 'FILE row N, column X: ...'."""

    def __init__(self, sheet: Sheet, row: Row):
        self.sheet = sheet
        self.row = row
        self._problems: list[tuple[int, str]] = []  # (column position, message), listed left to right

    @property
    def problems(self) -> list[str]:
        if not self._problems:
            return []
        return [message for _, message in sorted(self._problems, key=lambda p: p[0])]

    def has(self, name: str) -> bool:
        return name in self.row.values

    def filled(self, name: str) -> bool:
        value = self.row.values.get(name)
        return value is not None and as_text(value).strip() != ""

    def get(self, name: str, parse: Callable[[object], Any] = text_cell) -> Any:
        """The parsed cell, or MISSING when the file has no such column or the cell is wrong."""
        raw = self.row.values.get(name, MISSING)
        if raw is MISSING:
            return MISSING
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

    def note(self, name: str, message: str) -> None:
        """Something the user should know about this cell, though the row is imported."""
        self.sheet.notes.append(f"row {self.row.number}, column {self.sheet.headers.get(name, name)}: {message}")


class Importer(Protocol[R]):
    """What one kind of record needs to be imported; `plan_import` does the rest."""

    what: str
    table: str
    sheet_name: str
    fields: tuple[Field, ...]
    required: tuple[str, ...]
    text_fields: tuple[str, ...]  # fields the export may have cut at Excel's cell limit

    def existing(self) -> list[R]: ...
    def skip(self, reader: "RowReader") -> str | None:
        """Why a row is left out on purpose ("no question"), or None to read it."""
    def new_record(self) -> R: ...
    def fill(self, record: R, reader: RowReader, existing: R | None) -> None: ...
    def duplicate_keys(self, record: R) -> tuple[Hashable, ...]:
        """What makes two records the same: a row sharing any one of these with a known record repeats it."""
    def stricter(self, target: R, repeat: R) -> str | None:
        """Make `target` as strict as its `repeat` asks; the reason ("asker{s} now kept confidential"), or None."""
    def finish(self, plan: "ImportPlan[R]", sheet: Sheet, accepted: list[tuple[int, R]]) -> None:
        """Checks that need every row (links between rows); `accepted` holds (row number, record) of
        every row not refused; problems go to plan.problems."""


def plan_import(store: Store, path: Path, make_importer: Callable[[], Importer[R]],
                mapping: ColumnMapping | None = None) -> ImportPlan[R]:
    """Read every row, validate it as a record, and sort it into added/updated/unchanged/duplicate/skipped."""
    with cycles_uncollected():
        return _plan(store, path, make_importer, mapping)


def _plan(store: Store, path: Path, make_importer: Callable[[], Importer[R]],
          mapping: ColumnMapping | None) -> ImportPlan[R]:
    importer = make_importer()
    sheet = read_sheet(Path(path), importer.sheet_name, importer.fields, importer.required, mapping)
    stored = importer.existing()
    plan: ImportPlan[R] = ImportPlan(Path(path), importer.what, importer.table, ignored_columns=sheet.ignored,
                                     columns_read=sheet.columns_read(importer.fields),
                                     stored_state=_state(stored), state_now=lambda: _state(make_importer().existing()),
                                     remake=partial(plan_import, store, path, make_importer, sheet.mapping))
    by_uid = {_canonical(r.uid): r for r in stored}
    known: _Known[R] = _Known()
    for record in stored:
        known.add(record, importer.duplicate_keys(record), replacing=False)
    planned: set[int] = set()  # ids of the plan's own records, which a repeat may change in place
    uid_rows: dict[str, int] = {}
    accepted: list[tuple[int, R]] = []
    for row in sheet.rows:
        reader = RowReader(sheet, row)
        reason = importer.skip(reader)
        if reason is not None:
            plan.skipped += 1
            plan.skip_reasons[reason] = plan.skip_reasons.get(reason, 0) + 1
            continue
        record, existing = _record_for_row(store, importer, reader, by_uid, uid_rows)
        if record is not None and not reader.problems:
            for problem in record.problems():
                reader.refuse(problem.field if reader.has(problem.field) else None, problem.message)
        if reader.problems or record is None:
            plan.problems += reader.problems
            plan.rejected += 1
            continue
        keys = importer.duplicate_keys(record)
        repeated = known.find(keys)
        if existing is not None or repeated is None or reader.filled("uid"):
            accepted.append((row.number, record))
        if existing is not None:
            if _same(existing, record):
                plan.unchanged += 1
            else:
                plan.updated.append(record)
                planned.add(id(record))
        elif repeated is not None and not reader.filled("uid"):
            _repeat(plan, importer, known, repeated, record, planned)
            continue
        else:
            plan.added.append(record)
            planned.add(id(record))
        known.add(record, keys)
    importer.finish(plan, sheet, accepted)
    plan.notes = sheet.notes
    return plan


@contextmanager
def cycles_uncollected() -> Iterator[None]:
    """Python's cycle collector paused while an import makes its records: it would walk every record
    made so far again and again as their number grows (a tenth of a large import), and they hold no
    cycles to collect. Whatever is left to collect is collected at its next run after this."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class _Known(Generic[R]):
    """The records met so far, by each of their duplicate keys."""

    def __init__(self) -> None:
        self._by_key: dict[Hashable, R] = {}

    def add(self, record: R, keys: tuple[Hashable, ...], replacing: bool = True) -> None:
        for key in keys:
            if replacing or key not in self._by_key:
                self._by_key[key] = record

    def find(self, keys: tuple[Hashable, ...]) -> R | None:
        """The first known record sharing one of these keys, or None."""
        return next((self._by_key[k] for k in keys if k in self._by_key), None)


def _repeat(plan: ImportPlan[R], importer: Importer[R], known: _Known[R], target: R, repeat: R,
            planned: set[int]) -> None:
    """A row that repeats a stored or earlier record: skipped, unless it asks for more (confidentiality)."""
    if id(target) in planned:
        importer.stricter(target, repeat)
        plan.duplicates += 1
        return
    copy = replace(target)
    reason = importer.stricter(copy, repeat)
    if reason is None:
        plan.duplicates += 1
        return
    plan.updated.append(copy)
    planned.add(id(copy))
    known.add(copy, importer.duplicate_keys(copy))
    plan.reasons[reason] = plan.reasons.get(reason, 0) + 1


def _record_for_row(store: Store, importer: Importer[R], reader: RowReader, by_uid: dict[str, R],
                    uid_rows: dict[str, int]) -> tuple[R | None, R | None]:
    """The row's record (a changed copy of the stored one when its uid is known) and the stored one."""
    for name in importer.required:
        if not reader.filled(name):
            reader.refuse(name, "must not be empty (this row has other cells filled)")
    uid = reader.get("uid", normalise_uid_cell) if reader.filled("uid") else ""
    existing = None
    if uid and uid is not MISSING:
        if uid in uid_rows:
            reader.refuse("uid", f"the same uid is also in row {uid_rows[uid]}; each record may appear once")
        uid_rows.setdefault(uid, reader.row.number)
        existing = by_uid.get(uid)
        if existing is None:
            owner = uid_owner(store, uid)
            if owner is not None:
                reader.refuse("uid", f"{uid} belongs to {owner}; clear the uid to add the row as a new record")
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


def normalise_uid_cell(value: object) -> str:
    """A uid cell in its one canonical spelling (see council_prep.domain.uids)."""
    try:
        return normalise_uid(text_cell(value))
    except ValueError as exc:
        raise CellProblem(f"{exc}; clear the cell to add the row as a new record") from None


def uid_owner(store: Store, uid: str) -> str | None:
    """Words for the stored record holding `uid` in any table ("a law change “Decree 12…”"), or None."""
    for table in vars(store).values():
        if isinstance(table, RecordTable):
            found = table.find_uid(uid) or table.find_uid(uid.upper())
            if found is not None:
                kind = kind_of_table(table.table)
                scope = " of another meeting" if kind.key == "question" else ""
                return f"a {kind.noun}{scope} {kind.describe(found)}".rstrip()
    return None


def _canonical(uid: str) -> str:
    """A stored uid in its canonical spelling; one written before uids were normalised may differ."""
    try:
        return normalise_uid(uid)
    except ValueError:
        return uid


def _state(records: list[R]) -> frozenset:
    """Every stored record's uid and values: equal states mean an equal plan for the same file."""
    return frozenset((r.uid, tuple(tuple(v) if isinstance(v, list) else v for v in _values(r))) for r in records)


def _values(record: Record) -> tuple:
    return tuple(getattr(record, f.name) for f in fields(record) if f.name not in _IDENTITY)


def _same(a: Record, b: Record) -> bool:
    return _values(a) == _values(b)
