"""The Store: one SQLite file holding everything, opened safely and migrated after a backup."""

import contextlib
import itertools
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from council_prep.domain import (
    Agreement,
    Commitment,
    LawChange,
    Meeting,
    Partner,
    Project,
    Submission,
    Topic,
    kinds,
)
from council_prep.store import errors, history, sites
from council_prep.store.agenda import AgendaTable
from council_prep.store.changelog import ChangeLog
from council_prep.store.changes import TOMBSTONE, Changes
from council_prep.store.connection import connect, translated, translated_copy
from council_prep.store.figures import FigureTable
from council_prep.store.history import Change, Export
from council_prep.store.merge import OPEN_CONFLICTS, MergeReport, decide, merge_package
from council_prep.store.package import read_package, write_package
from council_prep.store.people import ParticipantTable, PersonTable
from council_prep.store.questions import QuestionTable
from council_prep.store.search import (
    CANDIDATES,
    COUNT_SQL,
    NEWEST_SQL,
    RANKED_SQL,
    SearchHit,
    hit_from_row,
    match_expression,
)
from council_prep.store.tables import RecordTable
from council_prep.store.undo import apply_step
from council_prep.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION


class _DryRun(Exception):
    """Rolls a merge back after it was worked out, carrying its report."""

    def __init__(self, report: MergeReport):
        self.report = report


class Store:
    """An open store. Use `Store.open(path)`; every write is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._savepoints = itertools.count()
        self._step_label: str | None = None
        self.last_changes = Changes()
        self.log: ChangeLog = None  # type: ignore[assignment]  # set by open() on a writable store
        self.topics: RecordTable[Topic] = RecordTable(self, kinds.kind("topic"))
        self.agreements: RecordTable[Agreement] = RecordTable(self, kinds.kind("agreement"))
        self.partners: RecordTable[Partner] = RecordTable(self, kinds.kind("partner"))
        self.meetings: RecordTable[Meeting] = RecordTable(self, kinds.kind("meeting"))
        self.agenda = AgendaTable(self, kinds.kind("agenda_item"))
        self.law_changes: RecordTable[LawChange] = RecordTable(self, kinds.kind("law_change"))
        self.submissions: RecordTable[Submission] = RecordTable(self, kinds.kind("submission"))
        self.questions = QuestionTable(self, kinds.kind("question"))
        self.people = PersonTable(self, kinds.kind("person"))
        self.participants = ParticipantTable(self, kinds.kind("participant"))
        self.commitments: RecordTable[Commitment] = RecordTable(self, kinds.kind("commitment"))
        self.enforcement = FigureTable(self, kinds.kind("enforcement_figure"))
        self.projects: RecordTable[Project] = RecordTable(self, kinds.kind("project"))
        self._by_kind = {t.kind.key: t for t in (
            self.topics, self.agreements, self.partners, self.meetings, self.agenda, self.law_changes,
            self.submissions, self.questions, self.people, self.participants, self.commitments, self.enforcement,
            self.projects)}

    def table(self, kind_key: str) -> RecordTable:
        """The table holding records of a kind ("law_change")."""
        return self._by_kind[kind_key]

    # Opening and closing
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> "Store":
        """Open (creating if needed) the store at `path`, upgrading its schema after a backup.

        A store from a newer council-prep, a foreign SQLite file or a damaged one is refused
        before anything in it is changed.
        """
        path = Path(path).expanduser()
        conn = connect(path, read_only=read_only)
        try:
            with translated(path):
                store = cls(path, conn, read_only=read_only)
                store._prepare()
                if not read_only:
                    store.log = ChangeLog(conn)
                    store.log.install()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        version = self.schema_version()
        applied = self._applied_migrations()
        unknown = [name for name in applied if name not in MIGRATION_NAMES]
        if version > SCHEMA_VERSION or unknown:
            raise errors.StoreTooNewError(
                f"{self.path}: written by a newer version of council-prep (schema {version}, this "
                f"version knows {SCHEMA_VERSION}); update council-prep to open it"
            )
        if not applied and self._has_foreign_tables():
            raise errors.NotAStoreError(f"{self.path}: an SQLite database, but not a council-prep store")
        if tuple(applied) == MIGRATION_NAMES and version == SCHEMA_VERSION:
            return  # the usual start: nothing to upgrade, and sqlite-utils is not even imported
        if self.read_only:
            raise errors.StoreReadOnlyError(
                f"{self.path}: the store needs a schema upgrade; open it once for editing first"
            )
        if applied:
            self.backup(self._upgrade_backup_path(version))
        from sqlite_utils import Database

        from council_prep.store.schema import migrations

        migrations.apply(Database(self.conn))
        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _applied_migrations(self) -> list[str]:
        if not self._table_names() & {"_sqlite_migrations"}:
            return []
        rows = self.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        )
        return [name for (name,) in rows]

    def _table_names(self) -> set[str]:
        return {name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _has_foreign_tables(self) -> bool:
        return any(not name.startswith("sqlite_") for name in self._table_names())

    def _upgrade_backup_path(self, version: int) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        return self.path.with_name(f"{self.path.stem}.schema-v{version}.{stamp}.backup{self.path.suffix}")

    @property
    def store_id(self) -> str:
        """The store's own identity, made when it was created; it travels with copies of the file."""
        with self.reading():
            return self.conn.execute("SELECT value FROM store_meta WHERE key = 'store_id'").fetchone()[0]

    def site_id(self) -> str:
        """The site this file's steps are made by (inside a write: a copy takes a new one first)."""
        if self.conn.in_transaction and not self.read_only:
            return sites.site_for_writing(self.conn, self.path)
        with self.reading():
            return sites.site_id(self.conn)

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Transactions and the change log
    @contextlib.contextmanager
    def transaction(self, label: str | None = None) -> Iterator[None]:
        """One user action: all of it is written, or none of it, and it is one step of the change log.

        Nested calls are savepoints of the same step; the step is named by the outermost label
        given, or else by the first inner one ("Import questions from form.csv" names the step
        in which each question is added). `last_changes` then says what the step changed.
        """
        with self._step(label, "do", None):
            yield

    @contextlib.contextmanager
    def _step(self, label: str | None, action: str, target: int | None) -> Iterator[None]:
        if self.read_only:
            raise errors.StoreReadOnlyError(f"{self.path}: opened read-only; changes are not saved")
        with translated(self.path):
            if self.conn.in_transaction:
                if self._step_label is None:
                    self._step_label = label
                with self._savepoint():
                    yield
                return
            # IMMEDIATE takes the write lock up front, so a busy store waits here (busy
            # timeout) instead of failing half-way through the action.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self._step_label = label
                step_id = self.log.begin(label or "Change", action, target, self.site_id())
                yield
                self.last_changes = self.log.finish(step_id, self._step_label or "Change")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def can_undo(self) -> tuple[int, str] | None:
        """(step id, label) of what Undo would take back, or None."""
        found = self.undoable_steps(1)
        return found[0] if found else None

    def undoable_steps(self, limit: int) -> list[tuple[int, str]]:
        """(id, label) of the steps Undo would take back one after another, latest first."""
        return [] if self.read_only else self.log.undoable(limit)

    def can_redo(self) -> tuple[int, str] | None:
        return None if self.read_only else self.log.redoable()

    def undo(self, step_id: int | None = None, **watch: Any) -> Changes:
        """Take back the latest step (it must be `step_id` when given), in one transaction that is
        itself a step of the log; survives restarts, back to the store's first step.

        `progress(done, total)` and `cancelled()` may watch a large step; a cancel rolls it all back.
        """
        return self._replay(self.can_undo(), step_id, "Undo", backwards=True, **watch)

    def redo(self, step_id: int | None = None, **watch: Any) -> Changes:
        """Do again the step undone last, if nothing was done since."""
        return self._replay(self.can_redo(), step_id, "Redo", backwards=False, **watch)

    def _replay(self, found: tuple[int, str] | None, wanted: int | None, verb: str, *, backwards: bool,
                **watch: Any) -> Changes:
        if found is None or (wanted is not None and found[0] != wanted):
            raise errors.StoreError(f"{self.path}: nothing to {verb.lower()}"
                                    + (" here: the store was changed by another program" if found else ""))
        target, label = found
        with self._step(f"{verb} {label}", verb.lower(), target):
            apply_step(self.log, target, backwards=backwards, **watch)
        return self.last_changes

    def step_size(self, step_id: int) -> int:
        """How many records a step changed (a large one is undone in the background)."""
        with self.reading():
            return self.conn.execute("SELECT count(*) FROM changes WHERE step_id = ? AND op != ?",
                                     [step_id, TOMBSTONE]).fetchone()[0]

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"step_{next(self._savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # an error may already have ended the transaction
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with translated(self.path):
            yield

    # The change log, read
    def history(self, **narrow: Any) -> list[Change]:
        """Changes in the order made; narrow by uid=, kinds=, since=, after_step=, limit= (history.changes)."""
        with self.reading():
            return history.changes(self.conn, **narrow)

    def record_export(self, meeting_uid: str, format: str, profile: str, file_name: str) -> None:
        """Remember that a book or workbook of a meeting was written (not a step: nothing to undo)."""
        with self._bookkeeping():
            history.record_export(self.conn, meeting_uid, format, profile, file_name)

    def last_export(self, meeting_uid: str, formats: tuple[str, ...] = (), profile: str | None = None) -> Export | None:
        with self.reading():
            return history.last_export(self.conn, meeting_uid, formats, profile)

    def steps_after(self, position: int) -> int:
        with self.reading():
            return history.steps_after(self.conn, position)

    # Exchanging changes with other stores
    def pack(self, output: str | os.PathLike[str], *, peer: str | None = None,
             since: datetime | None = None) -> int:
        """Write an exchange package of the steps made after the last one sent to `peer`, or after
        `since`, or all; returns how many steps it holds."""
        with self.reading():
            if peer is not None:
                row = self.conn.execute("SELECT sent_upto FROM exchanges WHERE peer = ?", [peer]).fetchone()
                after = row[0] if row else 0
            elif since is not None:
                after = self.conn.execute("SELECT coalesce(max(id), 0) FROM steps WHERE at < ?",
                                          [since.isoformat()]).fetchone()[0]
            else:
                after = 0
            count = write_package(self.conn, Path(output), store_id=self.store_id, site_id=sites.site_id(self.conn),
                                  after_step=after)
        if peer is not None and not self.read_only:
            upto = self.conn.execute("SELECT coalesce(max(id), 0) FROM steps").fetchone()[0]
            with self._bookkeeping():
                self.conn.execute("INSERT INTO exchanges (peer, sent_upto) VALUES (?, ?) ON CONFLICT (peer) "
                                  "DO UPDATE SET sent_upto = excluded.sent_upto", [peer, upto])
        return count

    def merge(self, package_path: str | os.PathLike[str], *, dry_run: bool = False) -> MergeReport:
        """Bring a package's changes in as one step (see merge.py); a dry run writes nothing."""
        package = read_package(Path(package_path))
        label = f"Merge from {Path(package_path).name}"
        try:
            with self._step(label, "do", None):
                step_id = self.conn.execute("SELECT step_id FROM temp.step_state").fetchone()[0]
                self.conn.execute("UPDATE steps SET merged = 1 WHERE id = ?", [step_id])  # not our own edits
                report = merge_package(self.log, package, self.site_id(), step_id)
                if dry_run:
                    raise _DryRun(report)
        except _DryRun as done:
            return done.report
        return report

    def open_conflicts(self) -> list[tuple[int, str, str, str, Any, Any, str]]:
        """(id, kind, uid, field, mine, theirs, peer) of conflicts not decided yet (or whose decision
        was undone)."""
        with self.reading():
            return [(i, k, u, f, json.loads(m) if m else None, json.loads(t) if t else None, p)
                    for i, k, u, f, m, t, p in self.conn.execute(
                        f"SELECT id, kind, uid, field, mine, theirs, peer FROM conflicts WHERE {OPEN_CONFLICTS} "
                        "ORDER BY id")]

    def decide(self, conflict_id: int, choice: str, value: Any = None) -> Changes:
        """Settle a conflict: keep 'mine', take 'theirs', or 'edit' the field to `value`; one step of the log."""
        found = [c for c in self.open_conflicts() if c[0] == conflict_id]
        if not found:
            raise errors.StoreError(f"{self.path}: no open conflict {conflict_id}")
        _, kind_key, uid, field, _mine, theirs, _peer = found[0]
        with self.transaction(f"Decide conflict on {field} of {kind_key.replace('_', ' ')} ({choice})"):
            if choice == "edit" and field.startswith("("):
                raise errors.StoreError(f"{self.path}: a whole record is kept or taken, not edited")
            if choice in ("theirs", "edit"):
                decide(self.log, kind_key, uid, field, theirs if choice == "theirs" else value)
            if choice == "edit":  # a value typed by hand is checked as any edit is
                edited = self.table(kind_key).find_uid(uid)
                if edited is not None:
                    edited.validate()
            self.conn.execute("UPDATE conflicts SET decided = ?, decided_step = (SELECT step_id FROM "
                              "temp.step_state) WHERE id = ?", [choice, conflict_id])
        return self.last_changes

    @contextlib.contextmanager
    def _bookkeeping(self) -> Iterator[None]:
        """A write that is no step of the log (exports made, exchanges): nothing to undo."""
        if self.read_only:
            raise errors.StoreReadOnlyError(f"{self.path}: opened read-only; changes are not saved")
        with translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # Queries across tables
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Records matching every word of `query` (the last as a prefix), best first."""
        expression = match_expression(query)
        if expression is None:
            return []
        with self.reading():
            many = self.conn.execute(COUNT_SQL, [expression]).fetchone()[0] >= CANDIDATES
            rows = self.conn.execute(NEWEST_SQL if many else RANKED_SQL, [expression, limit]).fetchall()
        return [hit_from_row(row) for row in rows]

    def is_empty(self) -> bool:
        """True when the store holds no records but the bundled reference data."""
        return not any(t.count() for t in self._by_kind.values() if not t.kind.reference)

    # Maintenance
    def backup(self, destination: str | os.PathLike[str]) -> Path:
        """Copy the store through SQLite's backup API (consistent even while in use).

        The copy is written to a temporary file beside the destination and renamed into
        place, so an interrupted backup never leaves a half-written file.
        """
        destination = Path(destination).expanduser()
        if not destination.parent.is_dir():
            raise errors.StoreNotFoundError(f"{destination}: the folder {destination.parent} does not exist")
        with translated_copy(self.path, destination):
            fd, temp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=destination.parent)
            os.close(fd)
            try:
                target = sqlite3.connect(temp_name)
                try:
                    self.conn.backup(target)
                    target.execute("PRAGMA journal_mode = DELETE")
                finally:
                    target.close()
                os.replace(temp_name, destination)
            except BaseException:
                for leftover in (temp_name, temp_name + "-journal"):  # a copy cut short may leave its journal
                    with contextlib.suppress(OSError):
                        os.unlink(leftover)
                raise
        return destination

    def check(self) -> list[str]:
        """Problems found in the store, one line each naming table, row and column; [] if sound."""
        from council_prep.store.check import check_store

        return check_store(self)
