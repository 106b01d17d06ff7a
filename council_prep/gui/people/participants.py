"""A meeting's participants: added from the directory, each with a role, in the order of the book's page."""

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Meeting, Participant, ParticipantRole, Person, Side, label
from council_prep.gui.brief.agenda_brief import people_choices
from council_prep.gui.brief.people_fields import Directory, name_box
from council_prep.gui.icons import icon
from council_prep.gui.session import Session
from council_prep.gui.wording import counted
from council_prep.store.changes import Changes

COLUMNS = ("Name", "Title", "Organization", "Side", "Role")
SIDE_ORDER = {Side.US: 0, Side.PARTNER: 1, Side.OTHER: 2}


def in_order(participants: list[Participant], people: dict[int, Person]) -> list[Participant]:
    """The book's order: side by side (ours first), the head of each delegation first, then as placed."""
    def key(p: Participant) -> tuple:
        person = people.get(p.person_id)  # type: ignore[arg-type]
        side = SIDE_ORDER.get(person.side, 3) if person else 3
        return side, p.role != ParticipantRole.HEAD, p.position, p.id
    return sorted(participants, key=key)


class ParticipantsPane(QWidget):
    """The participants of the meeting shown; `selected_person` gives the directory's selection."""

    def __init__(self, session: Session, selected_person: Callable[[], int | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.selected_person = selected_person
        self.meeting: Meeting | None = None
        self.shown: list[Participant] = []
        self.directory = Directory()
        self.heading = QLabel()
        self.heading.setAccessibleName("Participants heading")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("participants-table")
        self.table.setAccessibleName("Participants")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_role(row))
        self.add_box, self.completer = name_box("Type a name from the directory, or select one above")
        self.add_box.setAccessibleName("Person to add")
        self.add_box.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(icon("add"), "Add to &meeting")
        self.add_button.setToolTip("Add the person typed, or the one selected in the directory, to this meeting")
        self.add_button.clicked.connect(self.add_typed)
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in ParticipantRole:
            self.role.addItem(label(role), role)
        self.role.activated.connect(lambda _i: self.set_role(self.role.currentData()))
        self.remove_button = QPushButton(icon("delete"), "Remove")
        self.remove_button.setToolTip("Remove the selected participant from this meeting (Del)")
        self.remove_button.clicked.connect(self.delete_selected)
        self.up_action = self._move_action("Move &up", "up", "Ctrl+Up", -1)
        self.down_action = self._move_action("Move do&wn", "down", "Ctrl+Down", +1)
        adding = QHBoxLayout()
        adding.addWidget(self.add_box, 1)
        adding.addWidget(self.add_button)
        editing = QHBoxLayout()
        role_label = QLabel("R&ole")
        role_label.setBuddy(self.role)
        editing.addWidget(role_label)
        editing.addWidget(self.role)
        editing.addStretch()
        for action in (self.up_action, self.down_action):
            button = QPushButton(action.icon(), action.text())
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
            button.clicked.connect(action.trigger)
            editing.addWidget(button)
        editing.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(editing)
        session.changed.connect(self._store_changed)
        self._read_people()

    def _move_action(self, text: str, icon_name: str, shortcut: str, step: int) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.move_selected(step))
        self.table.addAction(action)
        return action

    # Showing
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.reload()

    def _read_people(self) -> None:
        choices = people_choices(self.session.store)
        self.directory.set(choices)
        self.completer.model().setStringList([text for _id, text in choices])  # type: ignore[attr-defined]

    def reload(self, keep: int | None = None) -> None:
        current = self.current()
        keep = keep if keep is not None else current.id if current else None
        store = self.session.store
        found = store.participants.find(meeting_id=self.meeting.id) if self.meeting else []
        people = {p.id: p for p in store.people.get_many([p.person_id for p in found])}
        self.shown = in_order(found, people)
        self.heading.setText(f"<b>Participants</b> in {self.meeting.title} · {counted(len(found), 'person', 'people')}"
                             if self.meeting else "No meeting selected")
        self.table.setRowCount(0)
        for row, participant in enumerate(self.shown):
            person = people.get(participant.person_id)  # type: ignore[arg-type]
            self.table.insertRow(row)
            cells = (person.name if person else "?", person.title if person else "",
                     person.organization if person else "", label(person.side) if person else "",
                     label(participant.role))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        rows = [p.id for p in self.shown]
        if self.shown:
            self.table.setCurrentCell(rows.index(keep) if keep in rows else 0, 0)
        self._show_role(self.table.currentRow())
        self.setEnabled(self.meeting is not None)

    def current(self) -> Participant | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_role(self, row: int) -> None:
        participant = self.shown[row] if 0 <= row < len(self.shown) else None
        self.role.setEnabled(participant is not None and not self.session.read_only)
        if participant is not None:
            self.role.setCurrentIndex(self.role.findData(participant.role))

    def _store_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("person"):
            self._read_people()
        if changes.touches("participant", "person", "meeting"):
            self.reload()

    # Editing
    def add_typed(self) -> None:
        """Add the person named in the box (or, the box empty, the one selected in the directory)."""
        if self.meeting is None:
            return
        text = self.add_box.text().strip()
        person_id = self.directory.find(text) if text else self.selected_person()
        if person_id is None:
            self.session.refused.emit(f"'{text}' is not in the people directory: add the person above first"
                                      if text else "Type a name, or select a person in the directory")
            return
        self.add_person(person_id)

    def add_person(self, person_id: int) -> None:
        assert self.meeting is not None
        store = self.session.store
        person = store.people.get(person_id)
        if any(p.person_id == person_id for p in self.shown):
            self.session.refused.emit(f"{person.name} already takes part in this meeting")
            return
        position = max((p.position for p in self.shown), default=0) + 1
        added = Participant(meeting_id=self.meeting.id, person_id=person_id, position=position)
        if self.session.write(None, lambda: store.participants.add(added)):
            self.add_box.clear()
            self.reload(keep=added.id)

    def set_role(self, role: ParticipantRole) -> None:
        participant = self.current()
        if participant is None or participant.role == role:
            return
        self.session.update("participants", participant, replace(participant, role=role), self)

    def move_selected(self, step: int) -> None:
        """Swap the selected participant with the neighbour above or below, as one step."""
        row = self.table.currentRow()
        if not (0 <= row < len(self.shown) and 0 <= row + step < len(self.shown)):
            return
        order = list(self.shown)
        order[row], order[row + step] = order[row + step], order[row]
        meeting_id, ids = self.meeting.id, [p.id for p in order]  # type: ignore[union-attr]
        self.session.write(None, lambda: self.session.store.participants.reorder(meeting_id, ids))
        self.reload(keep=order[row + step].id)

    def delete_selected(self) -> None:
        participant = self.current()
        if participant is not None:
            self.session.write(None, lambda: self.session.store.participants.delete(participant.id))

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.add_box, self.add_button, self.remove_button):
            widget.setVisible(not read_only)
        for action in (self.up_action, self.down_action):
            action.setEnabled(not read_only)
        self.role.setEnabled(not read_only)
