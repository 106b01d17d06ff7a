"""Adding many records at once (large imports, benchmark stores): one transaction, one executemany."""

from collections.abc import Iterable
from itertools import islice

from council_prep.domain import Record
from council_prep.store import codec
from council_prep.store.tables import RecordTable, utc_now

BATCH = 5_000


def add_many(table: RecordTable, records: Iterable[Record]) -> int:
    """Validate and insert `records` into `table`, all or nothing; returns how many were added.

    Tables with link rows (the agenda) are written record by record through `add`, since
    their links need each new id.
    """
    if type(table).add is not RecordTable.add:
        with table._store.transaction():
            return sum(1 for record in records if table.add(record))
    store = table._store
    added = 0
    iterator = iter(records)
    with store.transaction():
        while batch := list(islice(iterator, BATCH)):
            now = utc_now()
            rows = []
            for record in batch:
                record.validate()
                record.created_at = record.created_at or now
                record.updated_at = now
                row = codec.to_row(record)
                row.pop("id")
                rows.append(row)
            names = ", ".join(f'"{n}"' for n in rows[0])
            marks = ", ".join("?" for _ in rows[0])
            store.conn.executemany(f"INSERT INTO {table.table} ({names}) VALUES ({marks})",
                                   [list(r.values()) for r in rows])
            added += len(rows)
    return added
