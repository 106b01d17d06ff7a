"""Reading the change log: the history of a record or of the store, and the exports made.

An export is recorded with the log's position at that moment, so "what changed since the book of
Friday" is the steps after that position.
"""

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from council_prep.store.changelog import log_time
from council_prep.store.changes import TOMBSTONE


@dataclass(frozen=True)
class Change:
    """One record's change in one step."""

    step_id: int
    at: datetime
    label: str  # the step's name
    action: str  # do | undo | redo
    kind: str
    uid: str
    op: str  # add | update | delete
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def fields(self) -> list[str]:
        """The fields this change set, in the record's own order."""
        return list(dict.fromkeys([*self.before, *self.after]))

    def as_json(self) -> dict[str, Any]:
        return {"step": self.step_id, "at": self.at.isoformat(), "label": self.label, "action": self.action,
                "kind": self.kind, "uid": self.uid, "op": self.op, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Export:
    at: datetime
    meeting_uid: str
    format: str  # docx | xlsx | pdf
    profile: str
    file_name: str
    last_step: int  # the log's position when it was made


def changes(conn: sqlite3.Connection, *, uid: str | None = None, kinds: tuple[str, ...] = (),
            since: datetime | None = None, after_step: int | None = None, limit: int | None = None) -> list[Change]:
    """Changes in the order they were made, narrowed to a record, kinds, a time or a log position."""
    clauses, params = ["c.op != ?"], [TOMBSTONE]
    if uid is not None:
        clauses.append("c.uid = ?")
        params.append(uid)
    if kinds:
        clauses.append(f"c.kind IN ({', '.join('?' for _ in kinds)})")
        params += kinds
    if since is not None:
        clauses.append("s.at >= ?")
        params.append(since.isoformat())
    if after_step is not None:
        clauses.append("s.id > ?")
        params.append(after_step)
    sql = ("SELECT s.id, s.at, s.label, s.action, c.kind, c.uid, c.op, c.before, c.after "
           "FROM changes c JOIN steps s ON s.id = c.step_id WHERE " + " AND ".join(clauses) + " ORDER BY c.id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    return [Change(step_id, datetime.fromisoformat(at), label, action, kind, uid, op,
                   json.loads(before) if before else {}, json.loads(after) if after else {})
            for step_id, at, label, action, kind, uid, op, before, after in conn.execute(sql, params)]


def record_export(conn: sqlite3.Connection, meeting_uid: str, format: str, profile: str, file_name: str) -> None:
    """Remember an export of a meeting's book or workbook, at the log's current position."""
    last = conn.execute("SELECT max(id) FROM steps").fetchone()[0] or 0
    conn.execute("INSERT INTO exports (at, meeting_uid, format, profile, file_name, last_step) "
                 "VALUES (?, ?, ?, ?, ?, ?)", [log_time(), meeting_uid, format, profile, file_name, last])


def last_export(conn: sqlite3.Connection, meeting_uid: str, formats: tuple[str, ...] = (),
                profile: str | None = None) -> Export | None:
    where = "meeting_uid = ?" + (f" AND format IN ({', '.join('?' for _ in formats)})" if formats else "")
    params = [meeting_uid, *formats]
    if profile is not None:
        where += " AND profile = ?"
        params.append(profile)
    row = conn.execute(f"SELECT at, meeting_uid, format, profile, file_name, last_step FROM exports WHERE {where} "
                       f"ORDER BY id DESC LIMIT 1", params).fetchone()
    return Export(datetime.fromisoformat(row[0]), *row[1:]) if row else None


def steps_after(conn: sqlite3.Connection, position: int) -> int:
    """How many steps were made after a log position."""
    return conn.execute("SELECT count(*) FROM steps WHERE id > ?", [position]).fetchone()[0]
