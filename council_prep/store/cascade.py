"""Deleting rows together with the rows that depend on them, one statement per table, children first.

The schema's foreign keys cascade or set NULL on their own; doing it here instead means every
dependent row is deleted (or cleared) while its parent still exists, so the change log records
it with the parent's uid and an undo can put it all back.
"""

import sqlite3

from council_prep.store.schema_map import LoggedTable, referrers


def delete_with_dependents(conn: sqlite3.Connection, tables: dict[str, LoggedTable], table: str,
                           rowids: list[int]) -> None:
    doomed = set(rowids)
    for child, reference in referrers(tables, table):
        found: list[int] = []
        for chunk in _chunks(rowids):
            found += [r for (r,) in conn.execute(
                f'SELECT rowid FROM {child.table} WHERE "{reference.column}" IN ({_marks(chunk)})', chunk)
                if child.table != table or r not in doomed]
        if reference.on_delete == "SET NULL":
            for chunk in _chunks(found):
                conn.execute(f'UPDATE {child.table} SET "{reference.column}" = NULL WHERE rowid IN ({_marks(chunk)})',
                             chunk)
        elif reference.on_delete == "CASCADE":
            delete_with_dependents(conn, tables, child.table, found)
    for batch in _referrers_first(conn, tables, table, rowids):
        for chunk in _chunks(batch):
            conn.execute(f"DELETE FROM {table} WHERE rowid IN ({_marks(chunk)})", chunk)


def _chunks(rowids: list[int], size: int = 500) -> list[list[int]]:
    """Lists short enough for SQLite's limit on the parameters of one statement."""
    return [rowids[start:start + size] for start in range(0, len(rowids), size)]


def _marks(values: list[int]) -> str:
    return ", ".join("?" for _ in values)


def _referrers_first(conn: sqlite3.Connection, tables: dict[str, LoggedTable], table: str,
                     rowids: list[int]) -> list[list[int]]:
    """`rowids` in rounds such that a row referring to another of them (a duplicate to its original)
    is deleted before it: otherwise the schema would clear the reference first, and the log would
    keep a tombstone without it."""
    own = [r for t, r in referrers(tables, table) if t.table == table]
    if not own:
        return [rowids]
    left = set(rowids)
    rounds = []
    pointing = {row: target for reference in own for chunk in _chunks(rowids) for row, target in conn.execute(
        f'SELECT rowid, "{reference.column}" FROM {table} WHERE rowid IN ({_marks(chunk)})', chunk)
        if target in left}
    while left:
        referenced = {pointing[r] for r in left if r in pointing}
        batch = sorted(left - referenced) or sorted(left)  # a cycle: no order can keep every mark
        rounds.append(batch)
        left -= set(batch)
    return rounds
