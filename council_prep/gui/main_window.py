"""The main window: menus, toolbar, meeting selector, the five tabs and a status bar.

The tabs other than the first, the search popup, the meeting dialog and message boxes are built (and
their modules imported) the first time they are used: the window appears sooner, and what is never
opened costs nothing.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Meeting
from council_prep.gui import mnemonics
from council_prep.gui.agenda.tab import AgendaTab
from council_prep.gui.brief.window import MENU_TEXTS, BriefPages, book_due_label
from council_prep.gui.exchange import Exchange
from council_prep.gui.icons import app_icon, icon
from council_prep.gui.keys import focus_first_control, quit_keys, redo_keys, show_shortcut_in_tooltip
from council_prep.gui.lazy_tabs import LazyTabs
from council_prep.gui.lookups import Lookups
from council_prep.gui.opening import AskReadOnly, StoreWatch, ask_with_dialog
from council_prep.gui.session import Session
from council_prep.gui.settings import Settings
from council_prep.gui.tasks import TaskRunner
from council_prep.gui.window_actions import (
    BOOK,
    READING,
    TAB_TITLES,
    WindowActions,
)
from council_prep.gui.window_pages import MeetingPage, WindowPages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from council_prep.gui.book_tab import BookTab
    from council_prep.gui.search import SearchDialog
    from council_prep.gui.tables.table_tab import TableTab
    from council_prep.notes import Notebook
    from council_prep.store.changes import Changes



def marking_banner() -> QLabel:
    """The meeting's handling marking across the window, as on every page of its book."""
    banner = QLabel()
    banner.setObjectName("handling-marking")
    banner.setAccessibleName("Handling marking")
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setStyleSheet("QLabel#handling-marking { background: #8a1c1c; color: white; font-weight: bold;"
                         " letter-spacing: 1px; padding: 3px; }")
    banner.hide()
    return banner




class MainWindow(WindowActions, WindowPages, BriefPages, QMainWindow):
    def __init__(self, session: Session, settings: Settings, ask_read_only: AskReadOnly | None = None):
        super().__init__()
        self.settings = settings
        self.ask_read_only = ask_read_only or ask_with_dialog(self)
        self.session: Session | None = None
        self._search: SearchDialog | None = None
        self.undo_group = QUndoGroup(self)
        self.runner = TaskRunner(self)
        self.setWindowIcon(app_icon())
        self.setObjectName("main-window")
        self.meeting_selector = QComboBox()
        self.meeting_selector.setAccessibleName("Meeting")
        # Readable at 1024 pixels, wider when the window is: it takes the toolbar's spare room, up to a long title.
        self.meeting_selector.setMinimumContentsLength(30)
        self.meeting_selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_selector.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.meeting_selector.setMaximumWidth(self.meeting_selector.fontMetrics().averageCharWidth() * 110)
        self.meeting_selector.currentIndexChanged.connect(self._meeting_chosen)
        self.book_due = book_due_label()
        self.statusBar().addPermanentWidget(self.book_due)
        self.path_label = QLabel()
        self.path_label.setAccessibleName("Store")
        self.statusBar().addPermanentWidget(self.path_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.install(session)
        geometry = settings.bytes("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1320, 820)
        state = settings.bytes("state")
        if state is not None:
            self.restoreState(state)

    # Building
    def _action(self, text: str, icon_name: str | None, shortcut, slot, tip: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        show_shortcut_in_tooltip(action)
        return action

    def _build_actions(self) -> None:
        self.new_store_action = self._action("&New store…", "new-store", QKeySequence.StandardKey.New,
                                             self.choose_new_store)
        self.open_store_action = self._action("&Open store…", "open", QKeySequence.StandardKey.Open,
                                              self.choose_store)
        self.review_action = self._action("Open for re&view…", None, "Ctrl+Shift+O",
                                          lambda: self.choose_store(review=True),
                                          "Open a store read-only, in the reading view, to read it and keep notes")
        self.import_indicators_action = self._action("Import &indicators…", None, None, self.import_indicators,
                                                     "Import partner enforcement figures from a spreadsheet")
        self.exchange = Exchange(self)
        self.import_questions_action = self._action(
            "Import q&uestions…", None, "Ctrl+Shift+I", self.import_questions,
            "Import questions for this meeting from a spreadsheet or CSV file (or drop one on the Questions tab)")
        self.quit_action = self._action("&Quit", None, None, self.close)
        self.quit_action.setShortcuts(quit_keys())
        show_shortcut_in_tooltip(self.quit_action)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.setIcon(icon("redo"))
        for action in (self.undo_action, self.redo_action):
            show_shortcut_in_tooltip(action)
            action.changed.connect(lambda a=action: show_shortcut_in_tooltip(a))
        self.find_action = self._action("Fi&lter this tab…", None, QKeySequence.StandardKey.Find,
                                        lambda: self._to_page("focus_filter"))
        self.delete_action = self._action("&Delete selected", "delete", QKeySequence.StandardKey.Delete,
                                          self.delete_selected)
        self.search_action = self._action("&Find everywhere…", "search", "Ctrl+K", self.open_search,
                                          "Search agenda items, law changes, submissions and questions")
        self.new_meeting_action = self._action("&New meeting…", "meeting", "Ctrl+Shift+N", self.new_meeting)
        self.edit_meeting_action = self._action("&Edit meeting…", "edit", "Ctrl+E", self.edit_meeting)
        self.history_action = self._action("Record &history…", None, "Ctrl+H", self.show_history,
                                           "Every change to the selected record, old and new text side by side")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_store_action, self.open_store_action, self.review_action])
        file_menu.addSeparator()
        file_menu.addAction(self.import_indicators_action)
        file_menu.addActions([self.exchange.merge_action, self.exchange.merge_folder_action,
                              self.exchange.send_action])
        file_menu.addAction(self.import_questions_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.search_action, self.history_action])
        self.view_menu = bar.addMenu("&View")
        meeting_menu = bar.addMenu("&Meeting")
        meeting_menu.addActions([self.new_meeting_action, self.edit_meeting_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About council-prep", None, None, self._about))

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        label = QLabel("Mee&ting: ")
        label.setBuddy(self.meeting_selector)
        self.meeting_label = label
        toolbar.addWidget(label)
        toolbar.addWidget(self.meeting_selector)
        toolbar.addActions([self.new_meeting_action, self.edit_meeting_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        for action in (self.undo_action, self.redo_action):  # the step's name is in the tooltip and menu
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addSeparator()
        toolbar.addAction(self.search_action)
        self.addToolBar(toolbar)

    # Sessions
    def install(self, session: Session) -> None:
        """Show `session`'s store: new tabs, undo stack and meeting list."""
        if self.session is not None:
            self._save_state()
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.close()
        self.session = session
        session.runner = self.runner
        self.lookups = Lookups.read(session.store)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.failed.connect(self._store_failed)
        session.changed.connect(self._store_changed)
        session.refused.connect(self.say)
        session.saved.connect(lambda text: self.say(f"Saved: {text}"))
        session.read_only_changed.connect(lambda _ro: self._update_title())
        session.clock.day_changed.connect(lambda _today: self.show_book_due())
        self._pages: list[MeetingPage] = []
        self._stale: set[MeetingPage] = set()  # hidden pages still showing an earlier meeting
        self._editors: list[AgendaTab | TableTab] = []
        self._notebook: Notebook | None = None
        if self._search is not None:
            self._search.deleteLater()
            self._search = None
        self.tabs = LazyTabs()
        self.tabs.currentChanged.connect(lambda index: self._fresh(self.tabs.widget(index)))
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        builders: list[Callable[[], MeetingPage]] = [
            self._agenda_page, lambda: self._table_page("law_changes"),
            lambda: self._brief_table("submissions"), lambda: self._table_page("questions"),
            self._book_page, self._reading_page, *self.brief_builders()]
        self.view_menu.clear()  # the tabs, with their Ctrl+number keys
        for n, (build, title) in enumerate(zip(builders, TAB_TITLES, strict=True)):
            self.tabs.add_lazy(lambda b=build: self._page(b), title)
            self.view_menu.addAction(self._action(MENU_TEXTS.get(title, title), None,
                                                  f"Ctrl+{n + 1}" if n < 9 else None,
                                                  lambda _c=False, i=n: self.tabs.setCurrentIndex(i)))
        self.tabs.currentChanged.connect(self._focus_into_page)
        self.marking = marking_banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.exchange.banner)
        layout.addWidget(self.marking)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        session.changed.connect(lambda _changes, _by: self.exchange.refresh())
        self.exchange.refresh()
        self.watch = StoreWatch(session, parent=self.tabs)
        self.watch.lost.connect(self._store_lost)
        self.settings.remember_store(session.path)
        self.path_label.setText(f"{session.path}" + ("  (read-only)" if session.read_only else ""))
        self._fill_meetings(self.settings.last_meeting(session.path))
        if session.read_only:  # review mode: the window opens as a reader
            self.tabs.setCurrentIndex(READING)
        self.tabs.page(self.tabs.currentIndex())  # the tab on show, once its meeting is known
        self.say(f"Opened {session.path.name}" + (" for review: read-only; your notes are kept apart"
                                                  if session.read_only else ""))

    # Tabs, each built the first time it is shown or used
    def _page(self, build: Callable[[], MeetingPage]) -> QWidget:
        page = build()
        page.set_meeting(self.current_meeting())
        self._pages.append(page)
        mnemonics.assign(cast(QWidget, page), self.window_mnemonics())
        return cast(QWidget, page)

    def window_mnemonics(self) -> set[str]:
        """The Alt+letters the window itself uses (menus, tabs, the meeting label): a tab's controls avoid them."""
        texts = [a.text() for a in self.menuBar().actions()]
        texts += [self.tabs.tabText(n) for n in range(self.tabs.count())] + [self.meeting_label.text()]
        return {m for m in map(mnemonics.letter, texts) if m}

    def _focus_into_page(self) -> None:
        """Ctrl+Tab or Ctrl+2 lands in the new page: its first control takes the focus unless the tabs hold it."""
        focus = QApplication.focusWidget()
        if focus is not None and self.tabs.isAncestorOf(focus):
            return
        focus_first_control(self.tabs.currentWidget())

    def _to_page(self, method: str) -> None:
        """Run `method` of the tab on show, when it has one (Find, Delete act on the tab in front)."""
        action = getattr(self.tabs.currentWidget(), method, None)
        if action is not None:
            action()

    def import_questions(self) -> None:
        self.tabs.setCurrentWidget(self.questions_tab)
        self.questions_tab.choose_import()

    def delete_selected(self) -> None:
        """Delete what is selected where the focus is: a talking point, else the tab's row.

        The nearest widget around the focus that can delete its selection does; a field of the details
        pane has none, and Del there deletes nothing (refused quietly, as in a read-only store).
        """
        if self.session.read_only:
            self.say(f"{self.session.path.name} is open read-only: nothing is deleted")
            return
        page = self.tabs.currentWidget()
        owner = QApplication.focusWidget()
        while owner is not None and owner is not page and not hasattr(owner, "delete_selected"):
            owner = owner.parentWidget()
        form = getattr(page, "form", None)
        if owner is page and form is not None and form.isAncestorOf(QApplication.focusWidget()):
            self.say("Del deletes the row selected in the table; the details pane keeps Del for its fields")
            return
        getattr(owner if owner is not None else page, "delete_selected", lambda: None)()

    # Meetings
    def meetings(self) -> list[Meeting]:
        return sorted(self.session.store.meetings.find(), key=lambda m: (m.session_date, m.id))

    def _fill_meetings(self, select_uid: str | None) -> None:
        self.meeting_selector.blockSignals(True)
        self.meeting_selector.clear()
        for meeting in self.meetings():
            # Date and agreement first: a long title is cut at the end, and these tell meetings apart.
            known = self.lookups.agreements.get(meeting.agreement_key)
            agreement = known.display_name if known else meeting.agreement_key
            self.meeting_selector.addItem(icon("meeting"),
                                          f"{meeting.session_date:%d %b %Y}  ·  {agreement}  ·  {meeting.title}",
                                          meeting.uid)
            self.meeting_selector.setItemData(self.meeting_selector.count() - 1, meeting.title,
                                              Qt.ItemDataRole.ToolTipRole)
        self.meeting_selector.blockSignals(False)
        index = self.meeting_selector.findData(select_uid) if select_uid else -1
        if index < 0:
            index = self.meeting_selector.count() - 1
        if index == self.meeting_selector.currentIndex():
            self._meeting_chosen()  # same index: no signal, but the meeting itself may have changed
        else:
            self.meeting_selector.setCurrentIndex(index)

    def current_meeting(self) -> Meeting | None:
        uid = self.meeting_selector.currentData()
        return self.session.store.meetings.find_uid(uid) if uid else None

    def _meeting_chosen(self) -> None:
        meeting = self.current_meeting()
        shown = self.tabs.currentWidget()
        for page in self._pages:  # hidden pages catch up when shown or asked for (see _fresh)
            if page is shown:
                page.set_meeting(meeting)
            else:
                self._stale.add(page)
        self.settings.set_last_meeting(self.session.path, meeting.uid if meeting else None)
        self.marking.setText(meeting.handling_marking if meeting else "")
        self.marking.setVisible(bool(meeting and meeting.handling_marking))
        self.show_book_due()
        self._update_title()

    def select_meeting(self, meeting_id: int) -> None:
        meeting = self.session.store.meetings.get(meeting_id)
        index = self.meeting_selector.findData(meeting.uid)
        if index != self.meeting_selector.currentIndex():
            self.meeting_selector.setCurrentIndex(index)

    # Store events
    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _store_changed(self, changes: "Changes", _initiator: object) -> None:
        if changes.touches("meeting"):
            self._fill_meetings(self.meeting_selector.currentData())

    def _store_failed(self, message: str) -> None:
        from council_prep.gui import messages

        self.say("Not saved: " + message)
        messages.error(self, "Not saved", message, name="store-failed")

    def _store_lost(self, message: str) -> None:
        from council_prep.gui import messages

        self.say(message)
        messages.error(self, "Store unavailable", message, name="store-lost")

    def _update_title(self) -> None:
        meeting = self.current_meeting() if self.session else None
        read_only = self.session.read_only
        # Qt adds the application's name after the title itself.
        parts = [self.session.path.name] + ([meeting.title] if meeting else [])
        self.setWindowTitle(" — ".join(parts) + ("  [read-only]" if read_only else ""))
        for action in (self.new_meeting_action, self.edit_meeting_action, self.exchange.merge_action,
                       self.exchange.merge_folder_action, self.import_indicators_action, self.import_questions_action):
            action.setEnabled(not read_only)
        self.path_label.setText(f"{self.session.path}" + ("  (read-only)" if read_only else ""))

    def _about(self) -> None:
        from council_prep import __version__
        from council_prep.gui import messages

        messages.inform(self, "About council-prep",
                        f"council-prep {__version__}\nPreparing Labor Affairs Council meetings offline.",
                        name="about")

    # Window state
    def _save_state(self) -> None:
        """Save the open forms, the window and the splitters of the tabs built (the others keep their saved state)."""
        for tab in self._editors:
            tab.form.commit()
        self.settings.set_bytes("geometry", self.saveGeometry())
        self.settings.set_bytes("state", self.saveState())
        for tab in self._editors:
            self.settings.set_bytes(tab.splitter.objectName(), tab.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: "QCloseEvent") -> None:
        self.runner.wait()  # a write in progress is finished, never cut off
        self._save_state()
        book = cast("BookTab | None", self.tabs.built(BOOK))
        if book is not None and book.operation is not None:
            book.operation.cancel()
            book.operation.done.wait(10)
        if self._search is not None:
            self._search.debounce.stop()  # a search typed just before closing must not run on a closed store
            self._search.close()
        self.session.close()
        event.accept()
