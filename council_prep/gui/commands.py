"""Undoable edits. Each command writes to the store at once and names itself for the Edit menu.

Commands hold records by uid, not id: undoing a delete re-adds the record with its uid and
fields, under a new id, and later commands must still find it.
"""

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from council_prep.domain import AgendaItem, Question, Record
from council_prep.store import RecordNotFoundError

if TYPE_CHECKING:
    from council_prep.gui.session import Session

WHAT = {"meetings": "meeting", "agenda": "agenda item", "law_changes": "law change",
        "submissions": "submission", "questions": "question"}


def describe(record: Record) -> str:
    """A short name for a record in menu texts."""
    for name in ("title", "identifier", "text"):
        value = getattr(record, name, "")
        if value:
            return f"“{value[:40]}{'…' if len(value) > 40 else ''}”"
    return ""


class StoreCommand(QUndoCommand):
    """Base: `apply()` runs once before the command enters the stack; redo() skips that first time."""

    def __init__(self, session: "Session", kind: str, text: str):
        super().__init__(text)
        self.session = session
        self.kind = kind
        self._fresh = True

    @property
    def table(self):
        return getattr(self.session.store, self.kind)

    def id_of(self, uid: str) -> int:
        found = self.table.find_uid(uid)
        if found is None:
            raise RecordNotFoundError(f"The {WHAT[self.kind]} is no longer in the store")
        return found.id

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.session.guarded(self.apply, self.kind)

    def undo(self) -> None:
        self.session.guarded(self.revert, self.kind)


class AddRecord(StoreCommand):
    def __init__(self, session: "Session", kind: str, record: Record):
        super().__init__(session, kind, f"Add {WHAT[kind]} {describe(record)}".strip())
        self.record = replace(record, id=None)

    def apply(self) -> None:
        added = self.table.add(replace(self.record, id=None))
        self.record = replace(added, id=None)
        self.added_id = added.id

    def revert(self) -> None:
        self.table.delete(self.id_of(self.record.uid))


class UpdateRecord(StoreCommand):
    def __init__(self, session: "Session", kind: str, before: Record, after: Record, text: str | None = None):
        super().__init__(session, kind, text or f"Edit {WHAT[kind]} {describe(after)}".strip())
        self.before = before
        self.after = after

    def _write(self, record: Record) -> None:
        self.table.update(replace(record, id=self.id_of(record.uid)))

    def apply(self) -> None:
        self._write(self.after)

    def revert(self) -> None:
        self._write(self.before)


class DeleteRecord(StoreCommand):
    """Delete, remembering what pointed at the record (agenda links, duplicates) to restore on undo."""

    def __init__(self, session: "Session", kind: str, record: Record):
        super().__init__(session, kind, f"Delete {WHAT[kind]} {describe(record)}".strip())
        self.record = record
        self.linked_items: list[str] = []
        self.duplicates: list[str] = []

    def apply(self) -> None:
        store = self.session.store
        record_id = self.id_of(self.record.uid)
        self.record = self.table.get(record_id)
        field = {"law_changes": "law_change_ids", "submissions": "submission_ids"}.get(self.kind)
        if field:
            self.linked_items = [i.uid for i in store.agenda.find() if record_id in getattr(i, field)]
        if self.kind == "questions":
            self.duplicates = [q.uid for q in store.questions.find(duplicate_of=record_id)]
        self.table.delete(record_id)

    def revert(self) -> None:
        store = self.session.store
        with store.transaction():
            new_id = self.table.add(replace(self.record, id=None)).id
            field = {"law_changes": "law_change_ids", "submissions": "submission_ids"}.get(self.kind)
            for uid in self.linked_items:
                item: AgendaItem | None = store.agenda.find_uid(uid)
                if item is not None and field:
                    store.agenda.update(replace(item, **{field: [*getattr(item, field), new_id]}))
            for uid in self.duplicates:
                question: Question | None = store.questions.find_uid(uid)
                if question is not None:
                    store.questions.update(replace(question, duplicate_of=new_id))


class ReorderAgenda(StoreCommand):
    def __init__(self, session: "Session", meeting_id: int, before: list[AgendaItem], after: list[AgendaItem],
                 moved: AgendaItem):
        super().__init__(session, "agenda", f"Move agenda item {describe(moved)}")
        self.meeting_uid = session.store.meetings.get(meeting_id).uid
        self.before = [i.uid for i in before]
        self.after = [i.uid for i in after]

    def _order(self, uids: list[str]) -> None:
        meeting = self.session.store.meetings.find_uid(self.meeting_uid)
        if meeting is None:
            raise RecordNotFoundError("The meeting of this agenda is no longer in the store")
        self.session.store.agenda.reorder(meeting.id, [self.id_of(uid) for uid in uids])

    def apply(self) -> None:
        self._order(self.after)

    def revert(self) -> None:
        self._order(self.before)
