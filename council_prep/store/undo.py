"""Undo and redo: a step of the change log applied backwards or forwards, inside a new step.

Changes name records by uid and hold references as uids, so a record brought back by an undo
finds its meeting, its links and its original again whatever ids they have now (a record gets its
old id back when the id is free). Before a field is set back, its current value must still be the
one the step left there; otherwise the undo is refused rather than overwriting a later change.
"""

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from council_prep.store.bulk import adding_in_bulk
from council_prep.store.cascade import delete_with_dependents
from council_prep.store.changelog import BOOKKEEPING, ChangeLog
from council_prep.store.changes import ADD, DELETE, TOMBSTONE, UPDATE
from council_prep.store.errors import StoreError
from council_prep.store.schema_map import LoggedTable


class StepCancelledError(StoreError):
    """An undo or redo was cancelled; its transaction was rolled back."""


class UndoConflictError(StoreError):
    """A record the step changed has been changed again since, so the step cannot be undone or redone."""


def apply_step(log: ChangeLog, step_id: int, *, backwards: bool,
               progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None) -> None:
    """Apply a step's changes; `cancelled()` is asked every few hundred changes (raise: the caller's
    transaction rolls back everything)."""
    conn, tables = log.conn, log.tables
    order = "DESC" if backwards else "ASC"
    rows = conn.execute(f"SELECT kind, uid, op, before, after FROM changes WHERE step_id = ? AND op != ? "
                        f"ORDER BY id {order}", [step_id, TOMBSTONE]).fetchall()
    group: list[Any] = []  # consecutive adds or deletes of one kind: (op, logged, [values or rowids])

    def flush() -> None:
        if group:
            op, logged, items = group
            if op == DELETE:
                delete_with_dependents(conn, tables, logged.table, items)
            else:
                insert_records(log, logged, items)
            group.clear()

    for done, (kind, uid, op, before, after) in enumerate(rows):
        if done % 500 == 0:
            if cancelled is not None and cancelled():
                raise StepCancelledError("cancelled; nothing was changed")
            if progress is not None:
                progress(done, len(rows))
        logged = tables[kind]
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
        if backwards:
            old, new = new, old
            op = {ADD: DELETE, DELETE: ADD}.get(op, op)
        if group and (group[0] != op or group[1] is not logged):
            flush()
        if op == UPDATE:
            _update(conn, logged, uid, expected=old, values=new)
            continue
        if not group:
            group.extend([op, logged, []])
        group[2].append(new if op == ADD else rowid_of(conn, logged, uid))
    flush()


def rowid_of(conn: sqlite3.Connection, logged: LoggedTable, uid: str) -> int:
    if logged.is_link:
        ids = [_id_of(conn, r.table, part) for r, part in zip(logged.references, uid.split(":", 1), strict=True)]
        where = " AND ".join(f'"{r.column}" = ?' for r in logged.references)
        found = conn.execute(f"SELECT rowid FROM {logged.table} WHERE {where}", ids).fetchone()
    else:
        found = conn.execute(f"SELECT rowid FROM {logged.table} WHERE uid = ?", [uid]).fetchone()
    if found is None:
        raise UndoConflictError(f"the {_noun(logged)} {uid} is no longer in the store")
    return found[0]


def _id_of(conn: sqlite3.Connection, table: str, uid: str | None) -> int | None:
    if uid is None:
        return None
    found = conn.execute(f"SELECT id FROM {table} WHERE uid = ?", [uid]).fetchone()
    if found is None:
        raise UndoConflictError(f"a record of {table.replace('_', ' ')} it refers to ({uid}) is no longer in the store")
    return found[0]


def column_values(conn: sqlite3.Connection, logged: LoggedTable, values: dict[str, Any],
                   batch: dict[str, int] | None = None, *, lenient: bool = False) -> dict[str, Any]:
    """Portable values as the row holds them: uids back to ids (`batch`: ids of rows of the same
    table being added with it), lists back to JSON text. `lenient`: a reference the schema would
    clear when its record is deleted (a duplicate's original) is cleared when that record is gone."""
    row: dict[str, Any] = {}
    for column, value in values.items():
        if column not in logged.columns or column == "id":
            continue
        reference = logged.reference_of.get(column)
        if reference is not None:
            same = batch if reference.table == logged.table else None
            if same and value in same:
                value = same[value]
            else:
                try:
                    value = _id_of(conn, reference.table, value)
                except UndoConflictError:
                    if not (lenient and reference.on_delete == "SET NULL"):
                        raise
                    value = None
        elif column in logged.list_columns and value is not None:
            value = json.dumps(value, ensure_ascii=False)
        elif column in logged.blob_columns and value is not None:
            value = bytes.fromhex(value)
        row[column] = value
    return row


def insert_records(log: ChangeLog, logged: LoggedTable, records: list[dict[str, Any]], *,
                   lenient: bool = False) -> None:
    """Add rows back; a record gets its old id when that id is free (`lenient`: see column_values)."""
    conn = log.conn
    if logged.is_link:
        for values in records:
            row = column_values(conn, logged, values, lenient=lenient)
            conn.execute(f"INSERT INTO {logged.table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                         list(row.values()))
        return
    taken = {r for (r,) in conn.execute(
        f"SELECT id FROM {logged.table} WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps([v.get("id") for v in records])])}
    next_free = (conn.execute(f"SELECT max(id) FROM {logged.table}").fetchone()[0] or 0) + 1
    ids: dict[str, int] = {}
    for values in records:
        wanted = values.get("id")
        if wanted is None or wanted in taken:
            while next_free in taken:
                next_free += 1
            wanted = next_free
        taken.add(wanted)
        ids[values["uid"]] = wanted
    rows = [{"id": ids[values["uid"]], **column_values(conn, logged, values, ids, lenient=lenient)}
            for values in records]
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    with adding_in_bulk(log, logged.kind) as added:
        conn.executemany(f"INSERT INTO {logged.table} ({columns}) VALUES ({', '.join('?' for _ in names)})",
                         [[row.get(n) for n in names] for row in rows])
        added(list(ids.values()))


def _update(conn: sqlite3.Connection, logged: LoggedTable, uid: str, *, expected: dict[str, Any],
            values: dict[str, Any]) -> None:
    rowid = rowid_of(conn, logged, uid)
    current = json.loads(conn.execute(logged.one_row_sql, [rowid]).fetchone()[1])
    stale = [k for k, v in expected.items() if k not in BOOKKEEPING and k in current and current[k] != v]
    if stale:
        raise UndoConflictError(f"the {_noun(logged)} {uid} has been changed since ({', '.join(stale)})")
    row = column_values(conn, logged, values)
    assignments = ", ".join(f'"{n}" = ?' for n in row)
    conn.execute(f"UPDATE {logged.table} SET {assignments} WHERE rowid = ?", [*row.values(), rowid])


def _noun(logged: LoggedTable) -> str:
    return "link" if logged.is_link else logged.kind.replace("_", " ")
