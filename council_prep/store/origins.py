"""Where each value of a record came from, so a merge can tell an old value from a newer one.

Every edit is named by a *dot*: the site that made it and its step there ("site:step"). A change
made here needs no note (its step and the step's site name it); a change a merge brought in keeps,
in the `origin` column, the dot of the edit that set each field and the dots the sender had seen of
the record (its history). Values alone cannot say which of two is newer when a record is sent whole
again by a third store, or when an edit comes back by another road: dots can.
"""

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from council_prep.store.changes import ADD, DELETE, TOMBSTONE


def dot(site: str | None, step_id: int) -> str:
    return f"{site or ''}:{step_id}"


@dataclass
class History:
    """A record's history as one store holds it: the edit behind each field's value, and every
    edit of the record it has seen (its own, and those the senders had seen)."""

    set_by: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    def take(self, op: str, after: Iterable[str], origin: str | None, implicit: str) -> dict[str, str]:
        """Add one change (its fields, its `origin` note, the dot of its step); returns the dot of
        each field it set."""
        noted = json.loads(origin) if origin else {}
        given = noted.get("set", {})
        dots = {name: given.get(name, implicit) for name in after}
        if op == ADD:
            self.set_by = dots
        elif op in (DELETE, TOMBSTONE):
            self.set_by = {}
        else:
            self.set_by.update(dots)
        self.seen.add(implicit)
        self.seen.update(dots.values())
        self.seen.update(noted.get("seen", ()))
        return dots

    def knows(self, edit: str | None) -> bool:
        """Whether this history has seen `edit`; a value older than the log (no dot) every copy has."""
        return edit is None or edit in self.seen

    def note(self) -> str:
        """The `origin` note of a change that brought this history in."""
        seen = sorted(self.seen - set(self.set_by.values()))
        return json.dumps({"set": self.set_by, "seen": seen} if seen else {"set": self.set_by})


def history_here(conn: sqlite3.Connection, kind: str, uid: str) -> History:
    """The history of one record in this store's change log."""
    history = History()
    for op, after, origin, site, step_id in conn.execute(
            "SELECT c.op, c.after, c.origin, s.site, s.id FROM changes c JOIN steps s ON s.id = c.step_id "
            "WHERE c.uid = ? AND c.kind = ? ORDER BY c.id", [uid, kind]):
        history.take(op, _fields(after), origin, dot(site, step_id))
    return history


def note_origins(conn: sqlite3.Connection, step_id: int, histories: Iterable[tuple[str, str, History]]) -> None:
    """Keep, on what the merge step `step_id` changed of each record (kind, uid), where it came from."""
    conn.executemany("UPDATE changes SET origin = ? WHERE step_id = ? AND kind = ? AND uid = ? AND op != ?",
                     ([history.note(), step_id, kind, uid, TOMBSTONE] for kind, uid, history in histories))


def _fields(after: str | None) -> Any:
    return json.loads(after) if after else {}
