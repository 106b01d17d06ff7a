"""Merging another store's changes into this one: by uid, field by field, against the common base.

Every change in a package says what a field was before the other side changed it: that value is
the common base. Where this store still holds the base, the other side's value is taken; where it
already holds their value, nothing is to do; where it holds a third value, both sides changed the
field: a conflict, left as it is here and recorded for the officer to decide. A delete is taken
only if the record is as the other side last saw it (else: delete against edit, a conflict).
Links and duplicate marks travel by uid. The whole merge is one step, undone in one go, and a
package merged twice changes nothing the second time.
"""

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from council_prep.store.cascade import delete_with_dependents
from council_prep.store.changelog import BOOKKEEPING, ChangeLog, log_time
from council_prep.store.changes import ADD, DELETE
from council_prep.store.errors import StoreError
from council_prep.store.package import Package
from council_prep.store.schema_map import LoggedTable
from council_prep.store.undo import UndoConflictError, column_values, insert_records, rowid_of

GONE = "(deleted)"


@dataclass
class Conflict:
    kind: str
    uid: str
    field: str
    mine: Any
    theirs: Any


@dataclass
class MergeReport:
    """What a merge did (or would do, in a dry run), counted by kind."""

    source: str
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def lines(self) -> list[str]:
        def counted(what: str, counts: Counter) -> str:
            parts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(counts.items()))
            return f"{what}: {sum(counts.values())}" + (f" ({parts})" if parts else "")

        lines = [counted("added", self.added), counted("updated", self.updated), counted("deleted", self.deleted),
                 f"already here: {self.unchanged}", f"conflicts: {len(self.conflicts)}"]
        lines += [f"  conflict: {c.kind.replace('_', ' ')} {c.uid}, {c.field}: here {_show(c.mine)}, "
                  f"theirs {_show(c.theirs)}" for c in self.conflicts]
        return lines


def merge_package(log: ChangeLog, package: Package, own_site: str, step_id: int) -> MergeReport:
    """Apply `package` inside the caller's step (`step_id`)."""
    conn = log.conn
    report = MergeReport(source=package.site_id)
    own_steps = {s[0] for s in package.steps if s[4] == own_site}
    deleted_here = _deleted_here(conn)
    for _, step, kind, uid, op, before, after in package.changes:
        if step in own_steps:  # our own changes, come back: already here
            report.unchanged += 1
            continue
        logged = log.tables.get(kind)
        if logged is None:
            raise StoreError(f"{package.path}: holds records of a kind this store does not know ({kind})")
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
        current = _current(conn, logged, uid)
        if op == ADD:
            _add(log, logged, uid, new, current, uid in deleted_here, report)
        elif op == DELETE:
            _delete(log, logged, uid, old, current, report)
        else:
            _update(conn, logged, uid, old, new, current, uid in deleted_here, report)
    for conflict in report.conflicts:
        conn.execute("INSERT INTO conflicts (step_id, peer, kind, uid, field, mine, theirs) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [step_id, package.site_id, conflict.kind, conflict.uid, conflict.field,
                      json.dumps(conflict.mine, ensure_ascii=False), json.dumps(conflict.theirs, ensure_ascii=False)])
    conn.execute("INSERT INTO exchanges (peer, received_upto, received_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (peer) DO UPDATE SET received_upto = max(received_upto, excluded.received_upto), "
                 "received_at = excluded.received_at", [package.site_id, package.upto, log_time()])
    return report


def _deleted_here(conn: sqlite3.Connection) -> set[str]:
    """Uids this store deleted and has not brought back."""
    return {uid for (uid,) in conn.execute(
        "SELECT uid FROM changes c WHERE op = 'delete' AND id = (SELECT max(id) FROM changes WHERE uid = c.uid)")}


def _current(conn: sqlite3.Connection, logged: LoggedTable, uid: str) -> dict[str, Any] | None:
    try:
        rowid = rowid_of(conn, logged, uid)
    except UndoConflictError:
        return None
    return json.loads(conn.execute(logged.select_sql("r.rowid = ?"), [rowid]).fetchone()[1])


def _add(log: ChangeLog, logged: LoggedTable, uid: str, values: dict[str, Any], current: dict[str, Any] | None,
         deleted_here: bool, report: MergeReport) -> None:
    if current is not None:
        report.unchanged += 1
        return
    if deleted_here:  # they added it, we deleted it since we got it: stays deleted
        report.unchanged += 1
        return
    try:
        insert_records(log, logged, [values])
    except UndoConflictError as exc:  # it refers to a record deleted here
        report.conflicts.append(Conflict(logged.kind, uid, "(record)", GONE, f"added, but {exc}"))
        return
    report.added[logged.kind] += 1


def _delete(log: ChangeLog, logged: LoggedTable, uid: str, tombstone: dict[str, Any],
            current: dict[str, Any] | None, report: MergeReport) -> None:
    if current is None:
        report.unchanged += 1
        return
    edited = [name for name, value in tombstone.items()
              if name not in BOOKKEEPING and name != "id" and current.get(name) != value]
    if edited:
        report.conflicts.append(Conflict(logged.kind, uid, "(record)", "edited here", GONE))
        return
    delete_with_dependents(log.conn, log.tables, logged.table, [rowid_of(log.conn, logged, uid)])
    report.deleted[logged.kind] += 1


def _update(conn: sqlite3.Connection, logged: LoggedTable, uid: str, base: dict[str, Any], theirs: dict[str, Any],
            current: dict[str, Any] | None, deleted_here: bool, report: MergeReport) -> None:
    if current is None:
        if deleted_here:
            report.conflicts.append(Conflict(logged.kind, uid, "(record)", GONE, "edited there"))
        else:
            report.unchanged += 1  # never here: its addition was not in what we received
        return
    take: dict[str, Any] = {}
    for name, value in theirs.items():
        if name in BOOKKEEPING or current.get(name) == value:
            continue
        if current.get(name) == base.get(name):
            take[name] = value
        else:
            report.conflicts.append(Conflict(logged.kind, uid, name, current.get(name), value))
    if not take:
        report.unchanged += 1
        return
    if "updated_at" in theirs:
        take["updated_at"] = max(theirs["updated_at"], current.get("updated_at") or "")
    try:
        row = column_values(conn, logged, take)
    except UndoConflictError as exc:
        report.conflicts.append(Conflict(logged.kind, uid, ", ".join(take), current, f"refers to {exc}"))
        return
    assignments = ", ".join(f'"{n}" = ?' for n in row)
    conn.execute(f"UPDATE {logged.table} SET {assignments} WHERE rowid = ?",
                 [*row.values(), rowid_of(conn, logged, uid)])
    report.updated[logged.kind] += 1


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return repr(text if len(text) <= 60 else text[:59] + "…")
