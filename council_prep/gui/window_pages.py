"""The window's pages: each tab built the first time it is shown, and handed out showing the
meeting chosen now. A mixin of MainWindow (`self` is the window)."""

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from PySide6.QtWidgets import QWidget

from council_prep.domain import Meeting
from council_prep.gui.agenda.tab import AgendaTab
from council_prep.gui.window_actions import AGENDA, BOOK, LAW_CHANGES, QUESTIONS, READING, SUBMISSIONS

if TYPE_CHECKING:
    from council_prep.gui.book_tab import BookTab
    from council_prep.gui.desk.questions_tab import QuestionsTab
    from council_prep.gui.reading.view import ReadingView
    from council_prep.gui.tables.table_tab import TableTab
    from council_prep.notes import Notebook


class MeetingPage(Protocol):
    """What every tab's page does when another meeting is chosen."""

    def set_meeting(self, meeting: Meeting | None) -> None: ...


Editor = TypeVar("Editor", bound="AgendaTab | TableTab")


class WindowPages:
    """Methods of MainWindow that build its pages and hand them out."""

    def _agenda_page(self) -> AgendaTab:
        return self._editor_page(AgendaTab(self.session, self.lookups))

    def _table_page(self, kind: str) -> "TableTab":
        """The tab of store table `kind`, as `columns.<kind>` describes it."""
        from council_prep.gui.tables import columns
        from council_prep.gui.tables.table_tab import TableTab

        spec = getattr(columns, kind)(self.lookups)
        # A reviewer keeps private notes on law changes and questions too, beside the record.
        notebook = self.notebook if self.session.read_only else None
        if kind == "questions":
            from council_prep.gui.desk.questions_tab import QuestionsTab

            return self._editor_page(QuestionsTab(self.session, spec, self.lookups, self.settings, notebook))
        return self._editor_page(TableTab(self.session, spec, self.lookups, notebook))

    def _editor_page(self, tab: Editor) -> Editor:
        """Restore the tab's splitter and remember the tab, so its form and splitter are saved on closing."""
        state = self.settings.bytes(tab.splitter.objectName())
        if state is None or not tab.splitter.restoreState(state):
            tab.splitter.setSizes([760, 520])
        self._editors.append(tab)
        return tab

    def _book_page(self) -> "BookTab":
        from council_prep.gui.book_tab import BookTab

        tab = BookTab(self.session, self.settings)
        tab.status.connect(self.say)
        tab.public.toggled.connect(lambda _on: tab.show_waiting())
        # Counting reads the log since the last export: done when the tab is in sight, not on every edit.
        self.session.changed.connect(lambda _changes, _by: tab.show_waiting() if tab.isVisible() else None)
        return tab

    def _reading_page(self) -> "ReadingView":
        from council_prep.gui.reading.view import ReadingView

        view = ReadingView(self.session, self.lookups, self.settings, self.notebook)
        view.status.connect(self.say)
        view.open_record.connect(self.jump_to)
        return view

    @property
    def notebook(self) -> "Notebook":
        """The delegate's notes on this store, read the first time they are needed (one per session)."""
        if self._notebook is None:
            from council_prep.notes import Notebook

            self._notebook = Notebook.for_store(self.session.store, self.settings.notes_folder())
            if self._notebook.notice:
                self.say(self._notebook.notice)
        return self._notebook

    @property
    def reading_view(self) -> "ReadingView":
        return cast("ReadingView", self.tabs.page(READING))

    def _fresh(self, page: QWidget) -> QWidget:
        """`page`, shown the current meeting first if it was hidden when another was chosen."""
        if page in self._stale:
            self._stale.discard(page)
            cast(MeetingPage, page).set_meeting(self.current_meeting())
        return page

    @property
    def agenda_tab(self) -> AgendaTab:
        return cast(AgendaTab, self._fresh(self.tabs.page(AGENDA)))

    @property
    def law_tab(self) -> "TableTab":
        return cast("TableTab", self._fresh(self.tabs.page(LAW_CHANGES)))

    @property
    def submissions_tab(self) -> "TableTab":
        return cast("TableTab", self._fresh(self.tabs.page(SUBMISSIONS)))

    @property
    def questions_tab(self) -> "QuestionsTab":
        return cast("QuestionsTab", self._fresh(self.tabs.page(QUESTIONS)))

    @property
    def book_tab(self) -> "BookTab":
        return cast("BookTab", self._fresh(self.tabs.page(BOOK)))
