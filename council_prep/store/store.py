"""The Store: one SQLite file holding everything, opened safely and migrated after a backup."""

import contextlib
import itertools
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from council_prep.domain import (
    AgendaItem,
    Agreement,
    LawChange,
    Meeting,
    Partner,
    Question,
    Submission,
    Topic,
)
from council_prep.store import errors
from council_prep.store.agenda import AgendaTable
from council_prep.store.connection import connect, translated, translated_copy
from council_prep.store.search import SEARCH_SQL, SearchHit, hit_from_row, match_expression
from council_prep.store.tables import RecordTable
from council_prep.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION


class Store:
    """An open store. Use `Store.open(path)`; every write is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._savepoints = itertools.count()
        self.topics = RecordTable(self, Topic, "topics", "topic")
        self.agreements = RecordTable(self, Agreement, "agreements", "agreement")
        self.partners = RecordTable(self, Partner, "partners", "partner")
        self.meetings = RecordTable(self, Meeting, "meetings", "meeting")
        self.agenda = AgendaTable(self, AgendaItem, "agenda_items", "agenda item", "agenda_item")
        self.law_changes = RecordTable(self, LawChange, "law_changes", "law change", "law_change")
        self.submissions = RecordTable(self, Submission, "submissions", "submission", "submission")
        self.questions = RecordTable(self, Question, "questions", "question", "question")

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

    # Transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action: all of it is written, or none of it. Nested calls are savepoints."""
        if self.read_only:
            raise errors.StoreReadOnlyError(f"{self.path}: opened read-only; changes are not saved")
        with translated(self.path):
            if self.conn.in_transaction:
                with self._savepoint():
                    yield
                return
            # IMMEDIATE takes the write lock up front, so a busy store waits here (busy
            # timeout) instead of failing half-way through the action.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

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

    # Queries across tables
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Records matching every word of `query` (the last as a prefix), best first."""
        expression = match_expression(query)
        if expression is None:
            return []
        with self.reading():
            rows = self.conn.execute(SEARCH_SQL, [expression, limit]).fetchall()
        return [hit_from_row(row) for row in rows]

    def is_empty(self) -> bool:
        """True when the store holds no meetings, law changes, submissions or questions."""
        return not any(t.count() for t in (self.meetings, self.law_changes, self.submissions, self.questions))

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
                with contextlib.suppress(OSError):
                    os.unlink(temp_name)
                raise
        return destination

    def check(self) -> list[str]:
        """Problems found in the store, one line each naming table, row and column; [] if sound."""
        from council_prep.store.check import check_store

        return check_store(self)

    def searchable_tables(self) -> list[RecordTable]:
        return [self.agenda, self.law_changes, self.submissions, self.questions]
