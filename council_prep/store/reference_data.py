"""The reference data every store starts with (topics, agreements, partner countries), written by a
migration so that a store has it whoever creates the store."""

import sqlite3
from collections.abc import Iterator

from council_prep.domain import Agreement, AgreementKind, Partner, Record, Topic
from council_prep.resources_path import load_json
from council_prep.store import codec


def reference_records() -> Iterator[tuple[str, str, Record]]:
    """(table, natural key, record) for every bundled topic, agreement and partner."""
    for row in load_json("reference", "topics.json"):
        yield "topics", row["key"], Topic(key=row["key"], label=row["label"], group=row.get("group", "other"),
                                          description=row.get("description", ""), keywords=row.get("keywords", []))
    for row in load_json("reference", "agreements.json"):
        yield "agreements", row["key"], Agreement(
            key=row["key"], name=row["name"], short_name=row.get("short_name", ""),
            kind=AgreementKind(row["kind"]), entered_into_force=row.get("entered_into_force"),
            labor_body=row.get("labor_body") or "", labor_body_checked=bool(row.get("labor_body_checked")))
    for row in load_json("reference", "partners.json"):
        yield "partners", row["code"], Partner(code=row["code"], name=row["name"], name_local=row.get("name_local", ""),
                                               agreement_keys=row.get("agreements", []))


_KEY_COLUMN = {"topics": "key", "agreements": "key", "partners": "code"}


def seed(conn: sqlite3.Connection, now: str) -> int:
    """Add the bundled records the store lacks (by natural key); returns how many were added."""
    added = 0
    for table, key, record in reference_records():
        column = _KEY_COLUMN[table]
        if conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", [key]).fetchone():
            continue
        record.validate()
        record.created_at = record.updated_at = now
        row = codec.to_row(record)
        row.pop("id")
        names = ", ".join(f'"{n}"' for n in row)
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
        added += 1
    return added
