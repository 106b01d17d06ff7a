"""`check`: everything that can be wrong in a store file, found without changing it.

SQLite's own integrity and foreign-key checks, the schema version, every stored value read the
way the app reads it (so a row `check` passes is a row the app can open), and the full-text index:
its own structural check and its coverage of the records. Each problem is one line naming the
table, the row (id and uid) and the column where there is one.
"""

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from council_prep.domain.text import clean
from council_prep.store import codec
from council_prep.store.search import SEARCH_KINDS, SEARCH_TABLES, WIDTH
from council_prep.store.tables import RecordTable
from council_prep.store.versions import SCHEMA_VERSION

if TYPE_CHECKING:
    from council_prep.store.store import Store

# Rows named one by one for each kind of problem in one column; the rest are counted.
NAMED_ROWS = 20


def check_store(store: "Store") -> list[str]:
    """Problems found in `store`, one line each; [] when it is sound."""
    steps: list[Callable[[Store], list[str]]] = [
        _integrity, _foreign_keys, _schema_version, _values, _search_index_structure, _search_index_coverage]
    problems: list[str] = []
    with store.reading():
        for step in steps:
            try:
                problems += step(store)
            except sqlite3.DatabaseError as exc:  # damage bad enough to stop a check is itself the answer
                problems.append(f"{step.__name__.strip('_').replace('_', ' ')}: {exc}")
    return problems


def _integrity(store: "Store") -> list[str]:
    return [f"integrity: {result}" for (result,) in store.conn.execute("PRAGMA integrity_check") if result != "ok"]


def _foreign_keys(store: "Store") -> list[str]:
    problems = []
    for table, rowid, parent, key in store.conn.execute("PRAGMA foreign_key_check").fetchall():
        keys = store.conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        column = next((source for (number, _, _, source, *_) in keys if number == key), "?")
        problems.append(f"{_row(store, table, rowid)}, column {column}: refers to a missing {parent} record")
    return problems


def _schema_version(store: "Store") -> list[str]:
    version = store.schema_version()
    return [] if version == SCHEMA_VERSION else [f"schema version {version}, expected {SCHEMA_VERSION}"]


def _values(store: "Store") -> list[str]:
    """Every value of every record table, read as the app reads it (codec), and text as typed text is kept."""
    problems = []
    for table in (value for value in vars(store).values() if isinstance(value, RecordTable)):
        readers = codec.readers(table.cls)
        names = ", ".join(f'"{name}"' for name, _, _ in readers)
        found: dict[str, list[str]] = {}
        for row in store.conn.execute(f"SELECT id, uid, {names} FROM {table.table}"):
            for (name, read, _), value in zip(readers, row[2:], strict=True):
                if value is None:
                    continue
                reason = codec.unreadable(read, value)
                if reason is None and type(value) is str and clean(value) != value:
                    reason = "holds control characters or unnormalised text that exports cannot store"
                if reason is not None:
                    found.setdefault(name, []).append(f"{_named(table.table, row[0], row[1])}, column {name}: {reason}")
        for name, lines in found.items():
            problems += _capped(lines, f"{table.table} rows with the same problem in column {name}")
    return problems


def _search_index_structure(store: "Store") -> list[str]:
    """FTS5's own integrity check. It is a write statement, so on a store opened read-only it runs
    on an in-memory copy made with SQLite's backup API."""
    copy = sqlite3.connect(":memory:") if store.read_only else None
    try:
        if copy is not None:
            store.conn.backup(copy)
        (copy or store.conn).execute("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return [f"search index: damaged ({exc}); searches may fail or miss records"]
    finally:
        if copy is not None:
            copy.close()
    return []


def _search_index_coverage(store: "Store") -> list[str]:
    """Every searchable record has its index entry and nothing else is indexed."""
    problems: list[str] = []
    for kind, (table, _, _) in SEARCH_TABLES.items():
        missing = store.conn.execute(
            f"SELECT id, uid FROM {table} WHERE id * {WIDTH} + ? NOT IN (SELECT rowid FROM search_index) ORDER BY id",
            [SEARCH_KINDS[kind]],
        ).fetchall()
        problems += _capped([f"{_named(table, row_id, uid)}: missing from the search index" for row_id, uid in missing],
                            f"{table} rows missing from the search index")
    expected = sum(store.table(kind).count() for kind in SEARCH_TABLES)
    indexed = store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
    if indexed != expected:
        problems.append(f"search index holds {indexed} entries for {expected} records")
    return problems


def _row(store: "Store", table: str, rowid: int) -> str:
    """A row named by table, id and uid (link tables have no uid)."""
    try:
        found = store.conn.execute(f'SELECT uid FROM "{table}" WHERE rowid = ?', [rowid]).fetchone()
    except sqlite3.OperationalError:
        found = None
    return _named(table, rowid, found[0] if found else None)


def _named(table: str, row_id: int, uid: str | None) -> str:
    return f"{table} row {row_id}" + (f" (uid {uid})" if uid else "")


def _capped(lines: list[str], rest: str) -> list[str]:
    if len(lines) <= NAMED_ROWS:
        return lines
    return [*lines[:NAMED_ROWS], f"... and {len(lines) - NAMED_ROWS} more {rest}"]
