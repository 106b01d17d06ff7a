"""What keeps a meeting's book from being final: draft agenda items, commitments nobody owns, gaps in the
participants' page. Listed on the Book tab so the officer sees it before the book is due."""

from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from council_prep.domain import AgendaStatus, Meeting, ParticipantRole, Side
from council_prep.gui.icons import icon
from council_prep.store import Store


def still_draft(store: Store, meeting: Meeting) -> list[str]:
    """One line per thing still to finish, in the order of the book."""
    lines: list[str] = []
    items = store.agenda.for_meeting(meeting.id)  # type: ignore[arg-type]
    lines += [f"Agenda item {n}, “{item.title}”, is still a draft" for n, item in enumerate(items, start=1)
              if item.status == AgendaStatus.DRAFT]
    participants = store.participants.for_meeting(meeting.id)  # type: ignore[arg-type]
    people = {p.id: p for p in store.people.get_many([p.person_id for p in participants])}
    if not participants:
        lines.append("No participants yet (People tab)")
    else:
        sides = {people[p.person_id].side for p in participants if p.person_id in people
                 and p.role == ParticipantRole.HEAD}
        lines += [f"No head of delegation on the {side} side" for side, present in
                  (("US", Side.US in sides), ("partner", Side.PARTNER in sides)) if not present]
        lines += [f"No biography for {person.name}" for person in people.values()
                  if person.side != Side.US and not person.biography.strip()]
    item_ids = {item.id for item in items}
    lines += [f"Commitment “{c.text[:60]}” has no owner" for c in store.commitments.find()
              if c.owner_person_id is None and c.status.is_pending
              and (c.source_meeting_id == meeting.id or item_ids & set(c.agenda_item_ids))]
    return lines


class DraftList(QGroupBox):
    """The lines of `still_draft`, each with a warning sign, or a word that nothing is left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Still draft", parent)
        self.list = QListWidget()
        self.list.setObjectName("still-draft")
        self.list.setAccessibleName("Still draft")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def show_meeting(self, store: Store, meeting: Meeting | None) -> None:
        lines = still_draft(store, meeting) if meeting else []
        self.list.clear()
        for line in lines:
            self.list.addItem(QListWidgetItem(icon("warning"), line))
        if meeting and not lines:
            self.list.addItem("Nothing is left in draft: agenda items final, commitments owned, participants complete.")
        self.setTitle(f"Still draft ({len(lines)})" if lines else "Still draft")
