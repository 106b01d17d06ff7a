"""The People tab: the directory (table, editor, photo) above the participants of the meeting shown."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from council_prep.domain import Meeting
from council_prep.gui.brief import tables
from council_prep.gui.brief.editors import PhotoPanel
from council_prep.gui.lookups import Lookups
from council_prep.gui.people.participants import ParticipantsPane
from council_prep.gui.session import Session
from council_prep.gui.tables.table_tab import TableTab
from council_prep.store.changes import Changes


class PeopleTab(TableTab):
    """The directory is shared by every meeting; the participants below follow the meeting chosen."""

    def __init__(self, session: Session, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(session, tables.people(lookups, session.clock, session.store), lookups, parent=parent)
        self.photo = PhotoPanel(session)
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        self.splitter.insertWidget(1, details)
        column.addWidget(self.form, 1)  # taken from the splitter into the column
        column.addWidget(self.photo)
        self.participants = ParticipantsPane(session, self.current_id)
        self.outer = QSplitter(Qt.Orientation.Vertical)
        self.outer.setObjectName("people-outer-splitter")
        self.layout().addWidget(self.outer, 1)
        self.outer.addWidget(self.splitter)  # taken from the tab's layout into the outer splitter
        self.outer.addWidget(self.participants)
        self.outer.setStretchFactor(0, 3)
        self.outer.setStretchFactor(1, 2)
        self.outer.setSizes([480, 320])  # the participants get room for a delegation, not two rows
        self.photo.show_person(self.current_id())
        self._apply_read_only(session.read_only)

    def set_meeting(self, meeting: Meeting | None) -> None:
        super().set_meeting(meeting)
        self.participants.set_meeting(meeting)

    def _show(self, row: int) -> None:
        super()._show(row)
        if hasattr(self, "photo"):  # the first rows are shown while the tab is still being built
            self.photo.show_person(self.form.record.id if self.form.record else None)

    def _store_changed(self, changes: Changes, initiator: object) -> None:
        super()._store_changed(changes, initiator)
        if changes.touches("person"):
            self.photo.show_person(self.form.record.id if self.form.record else None)

    def _apply_read_only(self, read_only: bool) -> None:
        super()._apply_read_only(read_only)
        if hasattr(self, "participants"):
            self.participants.set_read_only(read_only)
            self.photo.set_read_only(read_only)
