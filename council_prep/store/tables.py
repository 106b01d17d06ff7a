"""One generic repository for every record table: read, add, update, delete, all by id or uid."""

import json
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from council_prep.domain import Problem, Record, ValidationError
from council_prep.domain.kinds import Kind
from council_prep.store import codec
from council_prep.store.bulk import adding_in_bulk
from council_prep.store.cascade import delete_with_dependents
from council_prep.store.errors import RecordNotFoundError
from council_prep.store.links import links_of
from council_prep.store.search import SEARCH_KINDS, WIDTH, match_expression

if TYPE_CHECKING:
    from council_prep.store.store import Store

R = TypeVar("R", bound=Record)


# Fields that name reference records: field -> (table, key column, what to call it in a message)
_REFERENCES = {
    "topic_key": ("topics", "key", "topic"),
    "topic_keys": ("topics", "key", "topic"),
    "partner_code": ("partners", "code", "partner country code"),
    "partner_codes": ("partners", "code", "partner country code"),
    "agreement_key": ("agreements", "key", "agreement"),
}


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RecordTable(Generic[R]):
    """Rows of `table` as records of `cls`; every write is validated and is its own transaction."""

    def __init__(self, store: "Store", kind: Kind):
        self._store = store
        self.kind = kind
        self.cls: type[R] = kind.cls  # type: ignore[assignment]
        self.table = kind.table
        self.what = kind.noun  # "law change", for messages
        self.searchable = kind.key in SEARCH_KINDS
        self._columns = codec.columns(self.cls)
        self._links = links_of(kind.key)

    # Reading
    def get(self, record_id: int) -> R:
        rows = self.rows("id = ?", [record_id])
        if not rows:
            raise RecordNotFoundError(f"No {self.what} with id {record_id} (it may have been deleted)")
        return rows[0]

    def find_uid(self, uid: str) -> R | None:
        rows = self.rows("uid = ?", [uid])
        return rows[0] if rows else None

    # rows(), ids() and count() take SQL conditions: for this package's own queries only.
    def rows(self, where: str | None = None, params: Sequence[Any] = (), *, order_by: str = "id") -> list[R]:
        sql = f"SELECT * FROM {self.table}" + (f" WHERE {where}" if where else "") + f" ORDER BY {order_by}"
        with self._store.reading():
            cursor = self._store.conn.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [self._build(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def ids(self, where: str | None = None, params: Sequence[Any] = (), *, order_by: str = "id") -> list[int]:
        sql = f"SELECT id FROM {self.table}" + (f" WHERE {where}" if where else "") + f" ORDER BY {order_by}"
        with self._store.reading():
            return [row[0] for row in self._store.conn.execute(sql, list(params))]

    def count(self, where: str | None = None, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {self.table}" + (f" WHERE {where}" if where else "")
        with self._store.reading():
            return self._store.conn.execute(sql, list(params)).fetchone()[0]

    def count_of(self, **equals: Any) -> int:
        """How many records have fields equal to the given values (as `find`), without reading them."""
        return self.count(*self._criteria(equals))

    def find(self, **equals: Any) -> list[R]:
        """Records whose fields equal the given values (a list field: contains the value)."""
        where, params = self._criteria(equals)
        return self.rows(where, params)

    def one(self, **equals: Any) -> R | None:
        found = self.find(**equals)
        return found[0] if found else None

    def select_ids(self, *, text: str | None = None, order_by: str = "id", descending: bool = False,
                   **equals: Any) -> list[int]:
        """Ids of matching records in display order; `text` goes through the full-text index.

        A table view keeps only these ids and fetches rows as they scroll into sight.
        """
        if order_by not in self._columns:
            raise ValueError(f"cannot order {self.table} by {order_by!r}")
        expression = match_expression(text) if text is not None else None
        # With words to match, the full-text index finds the few rows; a column index (the
        # meeting's) would make SQLite scan every row of the meeting instead: unary plus stops that.
        where, params = self._criteria(equals, indexed=expression is None)
        if expression is not None:
            code = SEARCH_KINDS[self.kind.key]
            clause = (f"id IN (SELECT rowid / {WIDTH} FROM search_index WHERE search_index MATCH ? "
                      f"AND rowid % {WIDTH} = {code})")
            where = f"({where}) AND {clause}" if where else clause
            params.append(expression)
        if order_by == "id":
            return sorted(self._id_array(where, params), reverse=descending)
        direction = "DESC" if descending else "ASC"
        collation = " COLLATE NOCASE" if codec.column_kinds(self.cls)[order_by] is str else ""
        return self.ids(where, params, order_by=f'"{order_by}"{collation} {direction}, id {direction}')

    def _id_array(self, where: str | None, params: Sequence[Any]) -> list[int]:
        """Ids of the rows matching `where`, in no order, read as one JSON array.

        Not ordered by SQLite: told to return them in id order, it walks the whole table in that order
        (every page of every meeting's rows) where the meeting's index holds the ids alone. One array
        rather than a row per id: 100,000 rows made into Python tuples cost twice the reading.
        """
        sql = f"SELECT json_group_array(id) FROM {self.table}" + (f" WHERE {where}" if where else "")
        with self._store.reading():
            return json.loads(self._store.conn.execute(sql, list(params)).fetchone()[0])

    def get_many(self, ids: Sequence[int]) -> list[R]:
        """Records for `ids`, in the order given; ids no longer in the store are left out."""
        found: dict[int, R] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ", ".join("?" for _ in chunk)
            for record in self.rows(f"id IN ({marks})", chunk):
                found[record.id] = record  # type: ignore[index]
        return [found[i] for i in ids if i in found]

    def _criteria(self, equals: dict[str, Any], *, indexed: bool = True) -> tuple[str | None, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        kinds = codec.column_kinds(self.cls)
        for name, value in equals.items():
            if value is None:
                continue
            if name not in kinds:
                raise ValueError(f"{self.table} has no field {name!r}")
            if kinds[name] is list:
                clauses.append(f'EXISTS (SELECT 1 FROM json_each("{name}") WHERE value = ?)')
            else:
                clauses.append(f'{"" if indexed else "+"}"{name}" = ?')
            params.append(codec.to_column(kinds[name], value))
        return (" AND ".join(clauses) or None), params

    def _build(self, row: dict[str, Any]) -> R:
        relations = {
            link.field: [r[0] for r in self._store.conn.execute(
                f"SELECT {link.other} FROM {link.table} WHERE {link.own} = ? ORDER BY {link.other}", [row["id"]])]
            for link in self._links
        }
        return codec.from_row(self.cls, row, **relations)  # type: ignore[return-value]

    def iterate(self, *, batch_size: int = 2_000, **equals: Any) -> Iterable[list[R]]:
        """Records whose fields equal the given values, in id order, a batch at a time.

        A keyset cursor: each batch is one short read starting after the last id seen, so memory
        stays flat however many records match. The rows are walked in id order (NOT INDEXED keeps
        the planner from re-reading the whole index of matches for every batch).
        """
        where, params = self._criteria(equals)
        sql = (f"SELECT * FROM {self.table} NOT INDEXED WHERE {f'({where}) AND ' if where else ''}id > ? "
               "ORDER BY id LIMIT ?")
        last = 0
        while True:
            with self._store.reading():
                cursor = self._store.conn.execute(sql, [*params, last, batch_size])
                names = [d[0] for d in cursor.description]
                batch = [self._build(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
            if not batch:
                return
            yield batch
            last = batch[-1].id

    # Writing
    def add(self, record: R) -> R:
        """Insert a validated copy of `record`; returns it with id and timestamps set."""
        with self._store.transaction(f"Add {self.what} {self.kind.describe(record)}".strip()):
            self._insert([record], {})
            self._after_write(record)
        return record

    def add_many(self, records: Iterable[R]) -> int:
        """Validate and insert `records` all or nothing, a batch per statement (large imports)."""
        added = 0
        known: dict[str, set[str]] = {}
        iterator = iter(records)
        with self._store.transaction(f"Add {self.kind.plural}"), adding_in_bulk(self._store.log, self.kind.key) as done:
            while batch := list(islice(iterator, 5_000)):
                self._insert(batch, known)
                done([record.id for record in batch])  # type: ignore[misc]
                for record in batch:
                    self._after_write(record)
                added += len(batch)
        return added

    def _insert(self, batch: list[R], known: dict[str, set[str]]) -> None:
        """One INSERT for the whole batch; sets each record's id and timestamps.

        Inside one write transaction the rowids of a batch are consecutive, ending at
        last_insert_rowid().
        """
        now = utc_now()
        rows = []
        for record in batch:
            record.validate()
            self._check_references(record, known)
            record.created_at = record.created_at or now
            record.updated_at = now
            row = codec.to_row(record)
            row.pop("id")
            rows.append(list(row.values()))
        names = ", ".join(f'"{n}"' for n in self._columns if n != "id")
        marks = ", ".join("?" for _ in rows[0])
        self._store.conn.executemany(f"INSERT INTO {self.table} ({names}) VALUES ({marks})", rows)
        last = self._store.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        for record_id, record in enumerate(batch, start=last - len(batch) + 1):
            record.id = record_id

    def update(self, record: R, label: str | None = None) -> bool:
        """Write `record` over the row with its id; returns False, writing nothing, when no value
        differs from what is stored (showing a record and leaving it must never rewrite it)."""
        if record.id is None:
            raise RecordNotFoundError(f"This {self.what} has not been saved yet")
        record.validate()
        with self._store.transaction(label or f"Edit {self.what} {self.kind.describe(record)}".strip()):
            stored = self.get(record.id)
            if not self._differs(stored, record):
                record.updated_at = stored.updated_at
                return False
            self._check_references(record, {})
            record.updated_at = utc_now()
            row = codec.to_row(record)
            row.pop("id")
            row.pop("created_at")
            assignments = ", ".join(f'"{n}" = ?' for n in row)
            self._store.conn.execute(f"UPDATE {self.table} SET {assignments} WHERE id = ?", [*row.values(), record.id])
            self._after_write(record)
        return True

    def _differs(self, stored: R, record: R) -> bool:
        ignored = {"updated_at", "created_at"}
        return any(getattr(stored, f.name) != getattr(record, f.name)
                   for f in fields(self.cls) if f.name not in ignored)

    def delete(self, record_id: int) -> None:
        """Delete the record and what depends on it as the schema says (an agenda with its meeting,
        a duplicate mark with its original), row by row, so the change log can bring all back."""
        record = self.get(record_id)
        with self._store.transaction(f"Delete {self.what} {self.kind.describe(record)}".strip()):
            delete_with_dependents(self._store.conn, self._store.log.tables, self.table, [record_id])

    def _check_references(self, record: R, known: dict[str, set[str]]) -> None:
        """Refuse unknown topic, partner or agreement keys with a message rather than a FK error.

        `known` caches each reference table's keys across the records of one write.
        """
        for field_name, (table, column, noun) in _REFERENCES.items():
            if field_name not in self._columns:
                continue
            value = getattr(record, field_name)
            values = value if isinstance(value, list) else [value] if value else []
            if table not in known:
                known[table] = {key for (key,) in self._store.conn.execute(f"SELECT {column} FROM {table}")}
            for key in values:
                if key not in known[table]:
                    raise ValidationError([Problem(field_name, f"Unknown {noun} '{key}'")])

    def _after_write(self, record: R) -> None:
        """Bring the link tables in line with the record's lists, touching only links that changed."""
        conn = self._store.conn
        for link in self._links:
            stored = {r[0] for r in conn.execute(f"SELECT {link.other} FROM {link.table} WHERE {link.own} = ?",
                                                  [record.id])}
            wanted = dict.fromkeys(getattr(record, link.field))
            for gone in stored - set(wanted):
                conn.execute(f"DELETE FROM {link.table} WHERE {link.own} = ? AND {link.other} = ?", [record.id, gone])
            for linked in wanted:
                if linked not in stored:
                    conn.execute(f"INSERT INTO {link.table} ({link.own}, {link.other}) VALUES (?, ?)",
                                 [record.id, linked])
