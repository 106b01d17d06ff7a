"""What the change log needs to know of each logged table, read from the schema itself.

References between records are the schema's foreign keys to an `id`: the log writes them as the
referenced record's uid (ids differ between laptops and after an undo), and a delete follows
them the way the schema says (cascade, or set to NULL) so every row it touches is logged.
"""

import sqlite3
from dataclasses import dataclass
from functools import cached_property

from council_prep.domain.kinds import KINDS
from council_prep.store import codec
from council_prep.store.links import OWNED_TABLES


@dataclass(frozen=True)
class Reference:
    column: str
    table: str  # the referenced table (by its id)
    on_delete: str  # CASCADE | SET NULL | NO ACTION


@dataclass(frozen=True)
class LoggedTable:
    """A table whose rows the change log records: a kind of record, or a link table."""

    kind: str  # "question", or the link table's name
    table: str
    columns: tuple[str, ...]
    references: tuple[Reference, ...]  # this table's columns that hold another record's id
    list_columns: frozenset[str]  # JSON lists of plain values
    blob_columns: frozenset[str] = frozenset()  # bytes (a photo): logged as hexadecimal text

    @property
    def is_link(self) -> bool:
        """Identified by the records it refers to (a link, a photo), not by a uid of its own."""
        return self.table in OWNED_TABLES

    @cached_property
    def reference_of(self) -> dict[str, Reference]:
        return {r.column: r for r in self.references}

    def snapshot_sql(self, row: str) -> str:
        """SQL for the row `row` (new, old, or the table's name) as portable JSON: references as uids."""
        parts = []
        for column in self.columns:
            value = f"{row}.\"{column}\""
            if column in self.reference_of:
                value = f"(SELECT uid FROM {self.reference_of[column].table} WHERE id = {value})"
            elif column in self.list_columns:
                value = f"json({value})"
            elif column in self.blob_columns:
                value = f"hex({value})"
            parts.append(f"'{column}', {value}")
        return f"json_object({', '.join(parts)})"

    def select_sql(self, where: str = "") -> str:
        """SELECT of (uid, snapshot) of this table's rows, aliased so a reference to the same table
        (a question's original) is not read from the row itself."""
        return (f"SELECT {self.uid_sql('r')} AS log_uid, {self.snapshot_sql('r')} AS snapshot FROM {self.table} AS r"
                + (f" WHERE {where}" if where else ""))

    @cached_property
    def one_row_sql(self) -> str:
        """select_sql of the row whose rowid is the parameter: read once per record an undo or a merge
        touches, so made once."""
        return self.select_sql("r.rowid = ?")

    def uid_sql(self, row: str) -> str:
        """SQL for the row's uid in the log; a link's is its records' uids joined by a colon, owner first."""
        if not self.is_link:
            return f"{row}.uid"
        return " || ':' || ".join(f"(SELECT uid FROM {r.table} WHERE id = {row}.{r.column})" for r in self.references)


def read_schema(conn: sqlite3.Connection) -> dict[str, LoggedTable]:
    """Every logged table by kind, as the open store's schema has it."""
    tables: dict[str, LoggedTable] = {}
    for record_kind in KINDS:
        tables[record_kind.key] = _logged(conn, record_kind.key, record_kind.table,
                                          frozenset(n for n, t in codec.column_kinds(record_kind.cls).items()
                                                    if t is list))
    for table in OWNED_TABLES:
        tables[table] = _logged(conn, table, table, frozenset())
    return tables


def _logged(conn: sqlite3.Connection, kind: str, table: str, list_columns: frozenset[str]) -> LoggedTable:
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    columns = tuple(row[1] for row in info)
    blobs = frozenset(row[1] for row in info if row[2].upper() == "BLOB")
    references = tuple(
        Reference(column=row[3], table=row[2], on_delete=row[6].upper())
        for row in conn.execute(f"PRAGMA foreign_key_list({table})")
        if row[4] == "id"
    )
    if table in OWNED_TABLES:  # in the order of the primary key: owner first
        references = tuple(sorted(references, key=lambda r: columns.index(r.column)))
    return LoggedTable(kind, table, columns, references, list_columns, blobs)


def referrers(tables: dict[str, LoggedTable], table: str) -> list[tuple[LoggedTable, Reference]]:
    """The tables and columns whose rows refer to rows of `table` by id."""
    return [(t, r) for t in tables.values() for r in t.references if r.table == table]
