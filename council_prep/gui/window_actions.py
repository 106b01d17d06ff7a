"""What the window's menus do with records and stores: open a store, write a meeting, show a
record's history, search everything and jump to a hit. A mixin of MainWindow, kept apart so the
window's own module stays about building and wiring."""

from pathlib import Path
from typing import TYPE_CHECKING, cast

from council_prep.domain import Meeting
from council_prep.errors import CouncilPrepError
from council_prep.gui.brief.window import BRIEF_TITLES
from council_prep.gui.opening import open_session

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from council_prep.domain import Record
    from council_prep.gui.meetings.dialog import MeetingDialog
    from council_prep.gui.search import SearchDialog
    from council_prep.gui.tables.table_tab import TableTab

# Tab positions, in the order the window builds its tabs.
TAB_TITLES = ("&Agenda", "&Law changes", "S&ubmissions", "&Questions", "&Book", "&Reading view", *BRIEF_TITLES)
AGENDA, LAW_CHANGES, SUBMISSIONS, QUESTIONS, BOOK, READING, PEOPLE, COMMITMENTS, ENFORCEMENT, PROJECTS = range(
    len(TAB_TITLES))


class WindowActions:
    """Methods of MainWindow (`self` is the window)."""

    def open_store(self, path: Path, *, read_only: bool = False) -> bool:
        try:
            session = open_session(path, read_only=read_only, ask=self.ask_read_only)
        except CouncilPrepError as exc:
            from council_prep.gui import messages

            messages.error(self, "Cannot open store", str(exc), name="open-failed")
            return False
        self.install(session)
        return True

    def choose_store(self, *, review: bool = False) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Open for review" if review else "Open store",
                                              str(self.session.path.parent),
                                              "council-prep stores (*.db *.sqlite);;All files (*)")
        if path:
            self.open_store(Path(path), read_only=review)

    def choose_new_store(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "New store", str(self.session.path.parent / "council-prep.db"),
                                              "council-prep stores (*.db)")
        if path:
            self.open_store(Path(path))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for n, path in enumerate(self.settings.recent_stores(), start=1):
            action = self.recent_menu.addAction(f"&{n} {path.name}  —  {path.parent}")
            action.triggered.connect(lambda _c=False, p=path: self.open_store(p))
        self.recent_menu.setEnabled(True)

    # Meetings
    def new_meeting(self) -> "MeetingDialog":
        from council_prep.gui.meetings.dialog import MeetingDialog

        dialog = MeetingDialog(self.lookups, None, self)
        dialog.accepted.connect(lambda: self._meeting_saved(None, dialog.meeting()))
        dialog.open()
        return dialog

    def edit_meeting(self) -> "MeetingDialog | None":
        from council_prep.gui.meetings.dialog import MeetingDialog

        meeting = self.current_meeting()
        if meeting is None:
            return None
        dialog = MeetingDialog(self.lookups, meeting, self)
        dialog.accepted.connect(lambda: self._meeting_saved(meeting, dialog.meeting()))
        dialog.open()
        return dialog

    def _meeting_saved(self, before: Meeting | None, after: Meeting) -> None:
        if before is None:
            added = self.session.add("meetings", after)
            if added is not None:
                self._fill_meetings(added.uid)
        else:
            self.session.update("meetings", before, after)

    # History
    def selected_record(self) -> "Record | None":
        """The record the current tab's pane shows (what it holds saved first), else the meeting."""
        form = getattr(self.tabs.currentWidget(), "form", None)
        if form is not None:
            form.commit()
        shown = getattr(form, "record", None)
        return shown if shown is not None else self.current_meeting()

    def show_history(self) -> "QDialog | None":
        from council_prep.domain.kinds import kind_of
        from council_prep.gui.history import HistoryDialog

        record = self.selected_record()
        if record is None:
            return None
        kind = kind_of(record)
        dialog = HistoryDialog(self.session.store.history(uid=record.uid), kind.key,
                               f"{kind.noun} {kind.describe(record)}", self)
        dialog.open()
        return dialog

    # Search
    @property
    def search(self) -> "SearchDialog":
        """The search popup of this session, made the first time it is opened."""
        if self._search is None:
            from council_prep.gui.search import SearchDialog

            self._search = SearchDialog(self.session, self)
            self._search.chosen.connect(self.jump_to)
        return self._search

    def open_search(self) -> None:
        self.search.start()

    def jump_to(self, kind: str, record_id: int) -> None:
        """Show a search hit: switch to its tab (and meeting) and select it."""
        self.activateWindow()
        store = self.session.store
        if kind == "agenda_item":
            item = store.agenda.get(record_id)
            self.select_meeting(item.meeting_id)
            self.tabs.setCurrentWidget(self.agenda_tab)
            self.agenda_tab.select_item(record_id)
            self.agenda_tab.view.setFocus()
            return
        if kind == "question":
            self.select_meeting(store.questions.get(record_id).meeting_id)
        index = {"law_change": LAW_CHANGES, "submission": SUBMISSIONS, "question": QUESTIONS, "person": PEOPLE,
                 "commitment": COMMITMENTS, "project": PROJECTS}[kind]
        tab = cast("TableTab", self.tabs.page(index))
        self.tabs.setCurrentWidget(tab)
        tab.select_record(record_id)
        tab.table.setFocus()

