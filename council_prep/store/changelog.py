"""The change log: every write of a record is recorded in the same transaction as the write.

A *step* is one user action ("Edit talking points of item 4", "Import questions from form.csv");
each of its *changes* names a record (kind and uid) with its values before and after, as JSON of
the changed fields (the whole record for an add or a delete, which makes a delete's tombstone).
Temporary triggers of the writing connection do the recording, so a cascade, a renumbering or a
link written anywhere in the store is logged without each write having to remember it; they log
only while a step is open, which keeps migrations out of the log.
"""

import json
import sqlite3
from datetime import UTC, datetime

from council_prep.store.changes import ADD, DELETE, TOMBSTONE, UPDATE, Changes
from council_prep.store.schema_map import LoggedTable, read_schema

# The open step, if any: its id and whether a bulk addition logs by range instead of by trigger.
_STATE_TABLE = "CREATE TEMP TABLE IF NOT EXISTS step_state (step_id INTEGER NOT NULL, bulk INTEGER NOT NULL)"
# Fields the store sets on every write: an undo does not refuse to set them back.
BOOKKEEPING = frozenset({"updated_at"})


def log_time() -> str:
    """Now in UTC with microseconds: steps of one second stay in order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class ChangeLog:
    """Records steps on one writable connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.tables = read_schema(conn)

    def install(self) -> None:
        """Create this connection's logging triggers (temporary: they live as long as it does)."""
        self.conn.execute(_STATE_TABLE)
        for logged in self.tables.values():
            self._triggers(logged)

    def _triggers(self, logged: LoggedTable) -> None:
        log = ("INSERT INTO changes (step_id, kind, uid, op, before, after) "
               "SELECT step_id, '{kind}', {uid}, '{op}', {before}, {after} FROM temp.step_state")
        when = "WHEN (SELECT bulk FROM temp.step_state) = 0"
        table, kind = logged.table, logged.kind
        statements = {
            "INSERT": log.format(kind=kind, uid=logged.uid_sql("new"), op=ADD, before="NULL",
                                 after=logged.snapshot_sql("new")),
            "UPDATE": log.format(kind=kind, uid=logged.uid_sql("new"), op=UPDATE,
                                 before=logged.snapshot_sql("old"), after=logged.snapshot_sql("new")),
            "DELETE": log.format(kind=kind, uid=logged.uid_sql("old"), op=DELETE,
                                 before=logged.snapshot_sql("old"), after="NULL"),
        }
        for event, statement in statements.items():
            name = f"log_{table}_{event.lower()}"
            self.conn.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
            guard = when if event == "INSERT" else "WHEN (SELECT step_id FROM temp.step_state) IS NOT NULL"
            self.conn.execute(f"CREATE TEMP TRIGGER {name} AFTER {event} ON main.{table} {guard} "
                              f"BEGIN {statement}; END")

    # Steps
    def begin(self, label: str, action: str, target: int | None, site: str) -> int:
        """Open a step of `site` inside the caller's transaction; returns its id."""
        cursor = self.conn.execute("INSERT INTO steps (at, label, action, target, site) VALUES (?, ?, ?, ?, ?)",
                                   [log_time(), label, action, target, site])
        self.conn.execute("INSERT INTO temp.step_state (step_id, bulk) VALUES (?, 0)", [cursor.lastrowid])
        return cursor.lastrowid  # type: ignore[return-value]

    def finish(self, step_id: int, label: str) -> Changes:
        """Close the step: fold repeated changes of one record, keep only changed fields, and drop
        the step if nothing really changed. A new step that did something ends every redo; an undo
        or a redo marks the step it applied."""
        self.conn.execute("DELETE FROM temp.step_state")
        self._fold(step_id)
        # Only a moved agenda item's values are looked at: an import's step holds thousands of records.
        rows = self.conn.execute("SELECT kind, uid, op, CASE WHEN kind = 'agenda_item' AND op = ? THEN after END "
                                 "FROM changes WHERE step_id = ? AND op != ?", [UPDATE, step_id, TOMBSTONE]).fetchall()
        action, target = self.conn.execute("SELECT action, target FROM steps WHERE id = ?", [step_id]).fetchone()
        if action == "do" and not rows and not self._has_conflicts(step_id) and not self._remembers(step_id):
            self.conn.execute("DELETE FROM steps WHERE id = ?", [step_id])
            return Changes(None, label)
        self.conn.execute("UPDATE steps SET label = ? WHERE id = ?", [label, step_id])
        if action == "do":
            self.conn.execute("UPDATE steps SET undone = 2 WHERE action = 'do' AND undone = 1")
        else:
            self.conn.execute("UPDATE steps SET undone = ? WHERE id = ?", [int(action == "undo"), target])
        moved = any(kind == "agenda_item" and op == UPDATE and "position" in json.loads(after)
                    for kind, _, op, after in rows)
        return Changes.of(step_id, label, ((kind, uid, op) for kind, uid, op, _ in rows), moved)

    def _has_conflicts(self, step_id: int) -> bool:
        """A merge that only found conflicts, or a conflict decided as "keep mine", is still a step
        (undone, it opens the conflict again): the conflicts name it."""
        return self.conn.execute("SELECT 1 FROM conflicts WHERE step_id = ? OR decided_step = ?",
                                 [step_id, step_id]).fetchone() is not None

    def _remembers(self, step_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM changes WHERE step_id = ? AND op = ?",
                                 [step_id, TOMBSTONE]).fetchone() is not None

    def undoable(self, limit: int) -> list[tuple[int, str]]:
        """The steps undo would take back, latest first: those done and not undone."""
        return self.conn.execute("SELECT id, label FROM steps WHERE action = 'do' AND undone = 0 "
                                 "ORDER BY id DESC LIMIT ?", [limit]).fetchall()

    def redoable(self) -> tuple[int, str] | None:
        """The step a redo would do again: the one undone last, if nothing was done since."""
        return self.conn.execute(
            "SELECT s.id, s.label FROM steps s JOIN steps u ON u.target = s.id AND u.action = 'undo' "
            "WHERE s.action = 'do' AND s.undone = 1 ORDER BY u.id DESC LIMIT 1").fetchone()

    def bulk(self, on: bool, kind: str) -> None:
        """Stop (or restart) logging row by row: a bulk addition logs its rows by range. The insert
        trigger of the table of `kind`, which the rows go to, is taken away meanwhile: even silent,
        it checks the state of the step for every row (a tenth of the insert's time)."""
        self.conn.execute("UPDATE temp.step_state SET bulk = ?", [int(on)])
        if on:
            self.conn.execute(f"DROP TRIGGER IF EXISTS temp.log_{self.tables[kind].table}_insert")
        else:
            self._triggers(self.tables[kind])

    def log_added(self, kind: str, ids: list[int]) -> None:
        """Log records added while logging row by row was paused (`bulk`)."""
        self.conn.execute(
            f"INSERT INTO changes (step_id, kind, uid, op, after) SELECT (SELECT step_id FROM temp.step_state), "
            f"'{kind}', log_uid, '{ADD}', snapshot "
            f"FROM ({self.tables[kind].select_sql('r.id IN (SELECT value FROM json_each(?))')})", [json.dumps(ids)])

    def _fold(self, step_id: int) -> None:
        """One change per record per step, holding only the fields that differ. A remembered delete
        (TOMBSTONE) gives way to what the step really did to the record.

        Each pass runs only when the step holds changes it could act on (counted once): a step of
        thousands of additions, such as an import, has no tombstone, no update and no repeat."""
        ops = dict(self.conn.execute("SELECT op, count(*) FROM changes WHERE step_id = ? GROUP BY op", [step_id]))
        if ops.get(TOMBSTONE) and len(ops) > 1:
            self.conn.execute("DELETE FROM changes WHERE step_id = ?1 AND op = ?2 AND uid IN "
                              "(SELECT uid FROM changes WHERE step_id = ?1 AND op != ?2)", [step_id, TOMBSTONE])
        repeated = self.conn.execute(
            "SELECT kind, uid FROM changes WHERE step_id = ? GROUP BY kind, uid HAVING count(*) > 1", [step_id]
        ).fetchall()
        for kind, uid in repeated:
            rows = self.conn.execute(
                "SELECT id, op, before, after FROM changes WHERE step_id = ? AND kind = ? AND uid = ? ORDER BY id",
                [step_id, kind, uid]).fetchall()
            first, last = rows[0], rows[-1]
            op = _folded_op(first[1], last[1])
            self.conn.execute(f"DELETE FROM changes WHERE id IN ({', '.join(str(r[0]) for r in rows[1:])})")
            if op is None:
                self.conn.execute("DELETE FROM changes WHERE id = ?", [first[0]])
            else:
                self.conn.execute("UPDATE changes SET op = ?, before = ?, after = ? WHERE id = ?",
                                  [op, first[2] if op != ADD else None, last[3] if op != DELETE else None, first[0]])
        if not ops.get(UPDATE) and not repeated:  # folding repeats is what can make an update of other changes
            return
        empty, reduced = [], []
        for change_id, before, after in self.conn.execute(
                "SELECT id, before, after FROM changes WHERE step_id = ? AND op = ?", [step_id, UPDATE]).fetchall():
            old, new = json.loads(before), json.loads(after)
            changed = [k for k in new if old.get(k) != new[k]]
            if not changed:
                empty.append([change_id])
            else:
                reduced.append([json.dumps({k: old.get(k) for k in changed}, ensure_ascii=False),
                                json.dumps({k: new[k] for k in changed}, ensure_ascii=False), change_id])
        self.conn.executemany("DELETE FROM changes WHERE id = ?", empty)
        self.conn.executemany("UPDATE changes SET before = ?, after = ? WHERE id = ?", reduced)


def _folded_op(first: str, last: str) -> str | None:
    """The one operation a record's first and last changes in a step amount to (None: nothing)."""
    if first == ADD:
        return None if last == DELETE else ADD
    if last == DELETE:
        return DELETE
    return UPDATE  # update…update, or delete…add: the update reduction drops it if nothing differs
