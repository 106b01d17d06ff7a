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


def distinct_values(table: RecordTable, column: str, limit: int = 2_000, **equals: Any) -> list[str]:
    """The different non-empty values of `column` among the records matching `equals`, most used first
    (what a completer offers: an organization typed before is typed again)."""
    if column not in table._columns:
        raise ValueError(f"{table.table} has no column {column!r}")
    where, params = table._criteria(equals)
    where = f'({where}) AND "{column}" != \'\'' if where else f'"{column}" != \'\''
    sql = (f'SELECT "{column}", count(*) AS uses FROM {table.table} WHERE {where} '
           f'GROUP BY "{column}" ORDER BY uses DESC, "{column}" COLLATE NOCASE LIMIT ?')
    with table._store.reading():
        return [row[0] for row in table._store.conn.execute(sql, [*params, limit])]


def counts_by(table: RecordTable, column: str, **equals: Any) -> dict[Any, int]:
    """How many of the records matching `equals` have each value of `column` (one query for a whole header)."""
    if column not in table._columns:
        raise ValueError(f"{table.table} has no column {column!r}")
    where, params = table._criteria(equals)
    sql = f'SELECT "{column}", count(*) FROM {table.table}' + (f" WHERE {where}" if where else "") + \
        f' GROUP BY "{column}"'
    with table._store.reading():
        return {row[0]: row[1] for row in table._store.conn.execute(sql, params)}


def answered_ids(table: RecordTable, ids: list[int], *, answered: bool) -> list[int]:
    """`ids` (kept in their order) of the questions that have (or, `answered` False, lack) a suggested answer."""
    if not ids:
        return ids
    condition = "trim(suggested_answer) != ''" if answered else "trim(suggested_answer) = ''"
    kept = {row[0] for row in _by_ids(table, "id", ids, f" AND {condition}")}
    return [i for i in ids if i in kept]


def values_of(table: RecordTable, ids: list[int], column: str) -> dict[int, Any]:
    """`column` of each of `ids` (ids no longer in the store left out), without building whole records."""
    if column not in table._columns:
        raise ValueError(f"{table.table} has no column {column!r}")
    return dict(_by_ids(table, f'id, "{column}"', ids))


def _by_ids(table: RecordTable, columns: str, ids: list[int], condition: str = "") -> list[tuple]:
    """`columns` of the rows of `ids` (that also meet `condition`), read in chunks SQLite's
    parameter limit allows."""
    rows: list[tuple] = []
    with table._store.reading():
        for start in range(0, len(ids), 5_000):
            chunk = ids[start:start + 5_000]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {columns} FROM {table.table} WHERE id IN ({marks}){condition}"
            rows += table._store.conn.execute(sql, chunk).fetchall()
    return rows
