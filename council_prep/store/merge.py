"""Merging another store's changes into this one: by uid, field by field, against the common base.

Every change in a package says what a field was before the other side changed it: that value is
the common base. Where this store still holds the base, the other side's value is taken; where it
already holds their value, nothing is to do; where it holds a third value, both sides changed the
field: a conflict, left as it is here and recorded for the officer to decide. A delete is taken
only if the record is as the other side last saw it (else: delete against edit, a conflict).
Links and duplicate marks travel by uid. The whole merge is one step, undone in one go, and a
package merged twice changes nothing the second time.
"""

import contextlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from council_prep.store.cascade import delete_with_dependents
from council_prep.store.changelog import BOOKKEEPING, ChangeLog, log_time
from council_prep.store.changes import ADD, DELETE, TOMBSTONE
from council_prep.store.errors import StoreError
from council_prep.store.origins import History, dot, history_here, note_origins
from council_prep.store.package import Package
from council_prep.store.schema_map import LoggedTable
from council_prep.store.undo import UndoConflictError, column_values, insert_records, rowid_of

GONE = "(deleted)"
_LOCAL = BOOKKEEPING | {"id"}
_UNKNOWN = object()  # a base no value equals: both sides set the field, neither having seen the other


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
                  f"theirs {_show(c.theirs)}" for c in self.conflicts]  # a dict is a whole record
        return lines


@dataclass
class _Net:
    """One record's changes in a package folded into one: its first and last operation, each
    field's value before the package changed it (the base) and after (theirs)."""

    kind: str
    uid: str
    first_op: str
    last_op: str = ""
    base: dict[str, Any] = field(default_factory=dict)
    theirs: dict[str, Any] = field(default_factory=dict)
    tombstone: dict[str, Any] | None = None
    history: History = field(default_factory=History)  # the edits behind theirs, and those the sender had seen
    sent_by: dict[str, str] = field(default_factory=dict)  # the edit behind each field of the record sent whole

    def fold(self, op: str, before: dict[str, Any], after: dict[str, Any], origin: str | None, implicit: str) -> None:
        dots = self.history.take(op, after, origin, implicit)
        if op == ADD and not self.last_op:
            self.sent_by = dots
        if op == ADD:  # the record as created is the base of every field the package did not change
            self.theirs = dict(after)
            self.base = {**after, **self.base}
        elif op == DELETE:
            self.tombstone = before  # the record as the sender last held it
            for name, value in before.items():
                self.base.setdefault(name, value)
        else:
            for name, value in before.items():
                self.base.setdefault(name, value)
            self.theirs.update(after)
        self.last_op = op


def merge_package(log: ChangeLog, package: Package, own_site: str, step_id: int) -> MergeReport:
    """Apply `package` inside the caller's step (`step_id`): each record's changes folded first, so
    an edit the sender settled later in the package is not a conflict here."""
    conn = log.conn
    report = MergeReport(source=package.site_id)
    sites = {s[0]: s[4] for s in package.steps}
    nets: dict[tuple[str, str], _Net] = {}
    for _, step, kind, uid, op, before, after, origin in package.changes:
        if sites.get(step) == own_site:  # our own changes, come back: already here
            continue
        if kind not in log.tables:
            raise StoreError(f"{package.path}: holds records of a kind this store does not know ({kind})")
        op = DELETE if op == TOMBSTONE else op  # the sender remembered a delete it received: one to take
        net = nets.setdefault((kind, uid), _Net(kind, uid, op))  # a photo shares its person's uid
        net.fold(op, json.loads(before) if before else {}, json.loads(after) if after else {},
                 origin, dot(sites.get(step), step))
    deleted_here = _deleted_here(conn)
    waiting = _waiting(conn, package.site_id)
    for net in nets.values():  # in order of first appearance: a record's parent comes before it
        found = len(report.conflicts)
        _merge_net(log, net, deleted_here, own_site, step_id, report)
        _supersede(conn, step_id, net, waiting.get((net.kind, net.uid), []), report.conflicts[found:])
    note_origins(conn, step_id, ((net.kind, net.uid, net.history) for net in nets.values()))
    for conflict in report.conflicts:
        conn.execute("INSERT INTO conflicts (step_id, peer, kind, uid, field, mine, theirs) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [step_id, package.site_id, conflict.kind, conflict.uid, conflict.field,
                      json.dumps(conflict.mine, ensure_ascii=False), json.dumps(conflict.theirs, ensure_ascii=False)])
    conn.execute("INSERT INTO exchanges (peer, received_upto, received_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (peer) DO UPDATE SET received_upto = max(received_upto, excluded.received_upto), "
                 "received_at = excluded.received_at", [package.site_id, package.upto, log_time()])
    return report


def _merge_net(log: ChangeLog, net: "_Net", deleted_here: set[tuple[str, str]], own_site: str, step_id: int,
               report: MergeReport) -> None:
    """Bring one record's folded changes in."""
    conn = log.conn
    logged = log.tables[net.kind]
    current = _current(conn, logged, net.uid)
    if net.last_op == DELETE:  # as the record was when the package began (or was created in it)
        if current is None and (net.kind, net.uid) not in deleted_here:
            _remember_gone(conn, step_id, net)
        _delete(log, logged, net.uid, net.tombstone or {}, current, own_site, report)
    elif current is not None and net.first_op == ADD:
        # Known here, and sent whole (they made it, or received it from a third store): a field's
        # value as sent is the base where this store has seen the edit behind it; what is here is the
        # base where they had seen the edit behind it (theirs is newer); else both set it unseen.
        here = history_here(conn, net.kind, net.uid)

        def sent_base(name: str, value: Any) -> Any:
            sent, held = net.sent_by.get(name), here.set_by.get(name)
            if sent == held or (sent is not None and here.knows(sent)):
                return value
            return current.get(name) if net.history.knows(held) else _UNKNOWN

        base = {name: sent_base(name, value) for name, value in net.base.items()}
        _update(conn, logged, net, base, current, report, here)
    elif current is not None:
        base = {name: net.base.get(name, value) for name, value in net.theirs.items()}
        _update(conn, logged, net, base, current, report)
    elif (net.kind, net.uid) in deleted_here:
        # Their edits this store had not seen when it deleted the record (its own edits, come back
        # through a third store, were seen): delete against edit.
        seen = _tombstone(conn, net.kind, net.uid)
        edited = [n for n, v in net.theirs.items()
                  if n not in _LOCAL and net.base.get(n, v) != v and seen.get(n) != v]
        if edited:  # theirs: what they hold, to bring the record back with if the officer says so
            report.conflicts.append(Conflict(logged.kind, net.uid, "(record)", GONE, net.theirs))
        else:
            report.unchanged += 1  # deleted here since it was received: stays deleted
    elif ADD in (net.first_op, net.last_op):
        _add(log, logged, net.uid, net.theirs, report)
    else:
        report.unchanged += 1  # never here: its addition was not in what we received


# Conflicts not decided yet, or whose decision was undone.
OPEN_CONFLICTS = "(decided IS NULL OR decided_step IN (SELECT id FROM steps WHERE undone != 0))"


def _waiting(conn: sqlite3.Connection, peer: str) -> dict[tuple[str, str], list[tuple[int, str, Any]]]:
    """The open conflicts earlier packages of `peer` left, by record: (id, field, theirs)."""
    waiting: dict[tuple[str, str], list[tuple[int, str, Any]]] = {}
    for number, kind, uid, name, theirs in conn.execute(
            f"SELECT id, kind, uid, field, theirs FROM conflicts WHERE peer = ? AND {OPEN_CONFLICTS}", [peer]):
        waiting.setdefault((kind, uid), []).append((number, name, json.loads(theirs) if theirs else None))
    return waiting


def _supersede(conn: sqlite3.Connection, step_id: int, net: "_Net", waiting: list[tuple[int, str, Any]],
               new: list[Conflict]) -> None:
    """Close what a peer's earlier package left open on a record its new package looked at afresh (a
    whole-record conflict, any conflict when it now deletes the record, a field it sends again): a
    decision taken later must not act on what the peer no longer holds. The conflicts found now stand
    instead; a record deleted here keeps, for bringing back, what the peer sent before as well."""
    for number, name, theirs in waiting:
        if name != "(record)" and net.last_op != DELETE and name not in net.theirs:
            continue
        for conflict in new:
            if conflict.field == name == "(record)" and isinstance(theirs, dict) and isinstance(conflict.theirs, dict):
                conflict.theirs = {**theirs, **conflict.theirs}
        conn.execute("UPDATE conflicts SET decided = 'superseded', decided_step = ? WHERE id = ?", [step_id, number])


def _edited_here(conn: sqlite3.Connection, kind: str, uid: str, own_site: str) -> set[str]:
    """Fields of a record this store's own site changed by hand (not values a merge brought in)."""
    fields: set[str] = set()
    for (after,) in conn.execute("SELECT c.after FROM changes c JOIN steps s ON s.id = c.step_id "
                                 "WHERE c.kind = ? AND c.uid = ? AND c.op = 'update' AND s.site = ? AND s.merged = 0",
                                 [kind, uid, own_site]):
        fields.update(json.loads(after))
    return fields


def _deleted_here(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(kind, uid) of the records this store deleted, or learnt were deleted before it held them, and
    has not brought back."""
    return set(conn.execute(
        "SELECT kind, uid FROM changes c WHERE op IN (?, ?) AND id = (SELECT max(c2.id) FROM changes c2 "
        "JOIN steps s ON s.id = c2.step_id WHERE c2.uid = c.uid AND c2.kind = c.kind "
        "AND NOT (c2.op = ? AND s.undone = 1))", [DELETE, TOMBSTONE, TOMBSTONE]).fetchall())


def _remember_gone(conn: sqlite3.Connection, step_id: int, net: "_Net") -> None:
    """Keep the delete of a record never held here, so its addition coming later by way of a third
    store that has not heard of the delete is recognised (see changes.TOMBSTONE)."""
    conn.execute("INSERT INTO changes (step_id, kind, uid, op, before) VALUES (?, ?, ?, ?, ?)",
                 [step_id, net.kind, net.uid, TOMBSTONE, json.dumps(net.tombstone or net.theirs, ensure_ascii=False)])


def _tombstone(conn: sqlite3.Connection, kind: str, uid: str) -> dict[str, Any]:
    """The record as this store last held it before deleting it."""
    row = conn.execute("SELECT before FROM changes WHERE kind = ? AND uid = ? AND op IN (?, ?) "
                       "ORDER BY id DESC LIMIT 1", [kind, uid, DELETE, TOMBSTONE]).fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def _current(conn: sqlite3.Connection, logged: LoggedTable, uid: str) -> dict[str, Any] | None:
    try:
        rowid = rowid_of(conn, logged, uid)
    except UndoConflictError:
        return None
    return json.loads(conn.execute(logged.one_row_sql, [rowid]).fetchone()[1])


def _add(log: ChangeLog, logged: LoggedTable, uid: str, values: dict[str, Any], report: MergeReport) -> None:
    cleared = _cleared_marks(log.conn, logged, uid, values)
    try:
        insert_records(log, logged, [values], lenient=True)
    except UndoConflictError:  # it refers to a record deleted here (perhaps brought back by a decision)
        report.conflicts.append(Conflict(logged.kind, uid, "(record)", GONE, values))
        return
    report.added[logged.kind] += 1
    report.conflicts += cleared


def _cleared_marks(conn: sqlite3.Connection, logged: LoggedTable, uid: str, values: dict[str, Any]) -> list[Conflict]:
    """A mark on a record deleted here (a duplicate's original) is cleared, as the schema would have
    done, and kept as a conflict: if the officer brings the original back, the mark can follow it."""
    return [Conflict(logged.kind, uid, r.column, None, values[r.column]) for r in logged.references
            if r.on_delete == "SET NULL" and values.get(r.column) is not None
            and _missing(conn, r.table, values[r.column])]


def _missing(conn: sqlite3.Connection, table: str, uid: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [uid]).fetchone() is None


def _delete(log: ChangeLog, logged: LoggedTable, uid: str, tombstone: dict[str, Any],
            current: dict[str, Any] | None, own_site: str, report: MergeReport) -> None:
    """Taken unless this store itself changed a field the sender had not seen (delete against edit)."""
    if current is None:
        report.unchanged += 1
        return
    differ = {name for name, value in tombstone.items() if name not in _LOCAL and current.get(name) != value}
    edited = differ & _edited_here(log.conn, logged.kind, uid, own_site)
    if edited:
        report.conflicts.append(Conflict(logged.kind, uid, "(record)", current, GONE))
        return
    delete_with_dependents(log.conn, log.tables, logged.table, [rowid_of(log.conn, logged, uid)])
    report.deleted[logged.kind] += 1


def _update(conn: sqlite3.Connection, logged: LoggedTable, net: "_Net", base: dict[str, Any],
            current: dict[str, Any], report: MergeReport, here: History | None = None) -> None:
    """Take what they changed from the base where this store still holds the base; where both
    changed a field, the history decides when one side had seen the other's edit, else a conflict."""
    take: dict[str, Any] = {}
    for name, value in net.theirs.items():
        if name in _LOCAL or current.get(name) == value or base.get(name) == value:
            continue  # already so here, or not changed there (ids are each store's own)
        if current.get(name) == base.get(name):
            take[name] = value
            continue
        here = here or history_here(conn, net.kind, net.uid)
        theirs_by = net.history.set_by.get(name)
        if theirs_by is not None and here.knows(theirs_by):
            continue  # their edit came here before, and what is here came after it
        if net.history.knows(here.set_by.get(name)):
            take[name] = value  # they had seen what is here, and changed it since
        else:
            report.conflicts.append(Conflict(logged.kind, net.uid, name, current.get(name), value))
    if not take:
        report.unchanged += 1
        return
    if "updated_at" in net.theirs:
        take["updated_at"] = max(net.theirs["updated_at"], current.get("updated_at") or "")
    try:
        row = column_values(conn, logged, take, lenient=True)
    except UndoConflictError as exc:
        report.conflicts.append(Conflict(logged.kind, net.uid, ", ".join(take), current, f"refers to {exc}"))
        return
    report.conflicts += _cleared_marks(conn, logged, net.uid, take)
    assignments = ", ".join(f'"{n}" = ?' for n in row)
    rowid = current["id"] if not logged.is_link else rowid_of(conn, logged, net.uid)  # a record's id is its rowid
    conn.execute(f"UPDATE {logged.table} SET {assignments} WHERE rowid = ?", [*row.values(), rowid])
    report.updated[logged.kind] += 1


def decide(log: ChangeLog, kind: str, uid: str, name: str, theirs: Any) -> None:
    """Take their side of a conflict: their field value, their delete, or their record back.
    A conflict settled meanwhile (the record came or went since) asks nothing more."""
    conn, logged = log.conn, log.tables[kind]
    current = _current(conn, logged, uid)
    if name != "(record)":
        if current is not None:
            row = column_values(conn, logged, {name: theirs}, lenient=True)
            conn.execute(f'UPDATE {logged.table} SET "{name}" = ? WHERE rowid = ?',
                         [row[name], rowid_of(conn, logged, uid)])
    elif theirs == GONE:
        if current is not None:
            delete_with_dependents(conn, log.tables, logged.table, [rowid_of(conn, logged, uid)])
    elif isinstance(theirs, dict) and current is None:  # deleted (or never added) here: as they hold it
        # A record that needs one gone here (a link to a deleted law change) stays gone, as the
        # schema's cascade would have left it.
        with contextlib.suppress(UndoConflictError):
            insert_records(log, logged, [{**_tombstone(conn, kind, uid), **theirs}], lenient=True)
    elif isinstance(theirs, dict):  # brought back by an earlier decision: now as these hold it
        row = column_values(conn, logged, {k: v for k, v in theirs.items() if k not in ("id", "uid")}, lenient=True)
        assignments = ", ".join(f'"{n}" = ?' for n in row)
        conn.execute(f"UPDATE {logged.table} SET {assignments} WHERE rowid = ?",
                     [*row.values(), rowid_of(conn, logged, uid)])


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "(the whole record)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return repr(text if len(text) <= 60 else text[:59] + "…")
