"""Imports of records that a natural key names (a partner's figure for a year, a partner's project by title).

A row of such a file may hold several records (one per indicator column of a wide table). Each
record is matched to the stored one with the same key (or uid), so importing the file again, or a
corrected file, updates what is stored and never adds it twice; the same key twice in one file is
refused naming both rows, since nobody can say which of the two is right. The plan is an
ImportPlan, so apply_import writes it in one transaction, as one step of the change log.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from council_prep.domain import Record
from council_prep.importers.plan import ImportPlan, RowReader, _state, _values, uid_owner
from council_prep.importers.reading import Sheet
from council_prep.store import Store

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """One record a row asks for: its key, the column it came from, and how to set its fields."""

    key: Hashable
    label: str  # the key in words, for messages: "Mexico 2022, Inspectors"
    column: str | None  # field whose column a problem of this record is reported under
    fill: Callable[[R], None]
    uid: str = ""  # a uid given in the file: it names the stored record before the key does


class KeyedImporter(Protocol[R]):
    """What one kind of keyed record needs to be imported; `plan_keyed_import` does the rest."""

    what: str  # "enforcement figures"
    table: str  # the store's table attribute the records go to

    def sheet(self, path: Path) -> Sheet:
        """The file's header read and checked (layout, columns); raises ImportRejected or UnreadableFileError."""
    def existing(self) -> list[R]: ...
    def key(self, record: R) -> Hashable: ...
    def new_record(self) -> R: ...
    def entries(self, reader: RowReader) -> list[Entry[R]]:
        """The records the row asks for; problems with its cells go to `reader`."""


def plan_keyed_import(store: Store, path: Path, make_importer: Callable[[], KeyedImporter[R]]) -> ImportPlan[R]:
    """Read every row, match each record it holds to the stored one, and sort them into added/updated/unchanged."""
    importer = make_importer()
    sheet = importer.sheet(Path(path))
    stored = importer.existing()
    plan: ImportPlan[R] = ImportPlan(Path(path), importer.what, importer.table, ignored_columns=sheet.ignored,
                                     stored_state=_state(stored), state_now=lambda: _state(make_importer().existing()),
                                     remake=partial(plan_keyed_import, store, path, make_importer))
    by_key = {importer.key(r): r for r in stored}
    by_uid = {r.uid: r for r in stored}
    seen: dict[Hashable, int] = {}  # key or uid -> the row that first gave it
    for row in sheet.rows:
        reader = RowReader(sheet, row)
        entries = importer.entries(reader)
        matched = [] if reader.problems else [_match(store, reader, entry, by_uid, by_key, seen, importer)
                                              for entry in entries]
        if reader.problems:
            plan.problems += reader.problems
            plan.rejected += 1
            continue
        for entry in entries:
            seen.setdefault(entry.key, row.number)
            if entry.uid:
                seen.setdefault(entry.uid, row.number)
        for existing, record in matched:
            if existing is None:
                plan.added.append(record)
            elif _values(existing) == _values(record):
                plan.unchanged += 1
            else:
                plan.updated.append(record)
    plan.notes = sheet.notes
    return plan


def _match(store: Store, reader: RowReader, entry: Entry[R], by_uid: dict[str, R], by_key: dict[Hashable, R],
           seen: dict[Hashable, int], importer: KeyedImporter[R]) -> tuple[R | None, R]:
    """(the stored record, the record as the row leaves it); problems go to `reader`."""
    for given in (entry.uid, entry.key):
        if given and given in seen:
            what = "uid" if given == entry.uid else entry.label
            reader.refuse("uid" if given == entry.uid else entry.column,
                          f"{what} is also in row {seen[given]}; each may appear once")
    existing = by_uid.get(entry.uid) if entry.uid else None
    if entry.uid and existing is None:
        owner = uid_owner(store, entry.uid)
        if owner is not None:
            reader.refuse("uid", f"{entry.uid} belongs to {owner}; clear the uid to add the row as a new record")
    if existing is None:
        existing = by_key.get(entry.key)
        if existing is not None and entry.uid:
            reader.refuse("uid", f"{entry.label} is already stored under another uid ({existing.uid}); "
                                 "clear the uid to update it")
    record = replace(existing) if existing is not None else importer.new_record()
    if entry.uid and existing is None:
        record.uid = entry.uid  # a record made in another store keeps its identity
    entry.fill(record)
    for problem in record.problems():
        reader.refuse(problem.field if reader.has(problem.field) else entry.column, problem.message)
    return existing, record
