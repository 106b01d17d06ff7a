"""Light queries for pickers: (id, label) pairs without building whole records."""

from typing import Any

from council_prep.store.tables import RecordTable


def labels(table: RecordTable, column: str, **equals: Any) -> list[tuple[int, str]]:
    """(id, `column`) of the records matching `equals` (as RecordTable.find), ordered by `column`."""
    if column not in table._columns:
        raise ValueError(f"{table.table} has no column {column!r}")
    where, params = table._criteria(equals)
    sql = f'SELECT id, "{column}" FROM {table.table}' + (f" WHERE {where}" if where else "")
    with table._store.reading():
        rows = table._store.conn.execute(f'{sql} ORDER BY "{column}" COLLATE NOCASE, id', params).fetchall()
    return [(row[0], row[1]) for row in rows]
