"""The reading view: the agenda as a sidebar, one item as a page in large type, and private notes beside it.

Notes are saved as they are typed into the delegate's notebook, a file of its own (see NotesBox): the
store is only ever read here.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import AgendaItem, Meeting
from council_prep.domain.schedule import Slot, running_clock
from council_prep.errors import CouncilPrepError
from council_prep.gui.keys import show_shortcut_in_tooltip
from council_prep.gui.lookups import Lookups
from council_prep.gui.reading.notes_box import NotesBox
from council_prep.gui.reading.page import ItemPage, item_html, orphans_html
from council_prep.gui.session import Session
from council_prep.gui.settings import Settings
from council_prep.notes import Note, Notebook, export_notes_docx
from council_prep.store.changes import Changes

BASE_POINTS = 13  # the page's type at zoom 0; each Ctrl+= adds ZOOM_STEP points
ZOOM_STEP = 2
LINE_CHARS = 90
ORPHANS = "orphans"  # the sidebar entry of notes whose record is gone
NOUNS = {"law_change": "Law change", "submission": "Submission", "question": "Question"}


class ReadingView(QWidget):
    open_record = Signal(str, int)  # a linked law change, submission or question: (kind, id)
    status = Signal(str)

    def __init__(self, session: Session, lookups: Lookups, settings: Settings, notebook: Notebook,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lookups = lookups
        self.settings = settings
        self.meeting: Meeting | None = None
        self.items: list[AgendaItem] = []
        self._slots: list[Slot] = []
        self.notebook = notebook
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("reading-agenda")
        self.sidebar.setAccessibleName("Agenda")
        self.sidebar.setWordWrap(True)  # a long title wraps rather than hiding behind a scroll bar
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setSpacing(2)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.page = QTextBrowser()
        self.page.setObjectName("reading-page")
        self.page.setAccessibleName("Agenda item")
        self.page.setOpenLinks(False)
        self.page.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
        self.page.viewport().installEventFilter(self)  # the line length follows the width and the type size
        self.page.anchorClicked.connect(self._link)
        self.find_box = QLineEdit(placeholderText="Find on this page (Enter: next, Esc: close)")
        self.find_box.setAccessibleName("Find on this page")
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.hide()
        self.notes_box = NotesBox(notebook, "item")
        self.notes_box.setObjectName("reading-notes")
        self.notes_box.failed.connect(self.status)
        self.export_button = QPushButton("E&xport my notes to Word…")
        self.export_button.clicked.connect(self.choose_export)
        self.zoom = settings.reading_zoom()
        self.bar = QToolBar("Reading")
        self.bar.setAccessibleName("Reading")
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._actions()
        self._lay_out()
        self._apply_zoom()
        session.changed.connect(self._store_changed)

    def _lay_out(self) -> None:
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bar)
        column.addWidget(self.find_box)
        column.addWidget(self.page, 1)
        side = QWidget()
        notes = QVBoxLayout(side)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.notes_box, 1)
        notes.addWidget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reading-splitter")
        for widget, stretch in ((self.sidebar, 1), (reading, 4), (side, 2)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([260, 900, 380])
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)

    def _actions(self) -> None:
        """Keys of the view, live wherever the focus is inside it (PgDn turns the page even from the notes);
        all but Esc are buttons too, whose tooltips name the keys."""
        for keys, slot, text, button in (
            ([QKeySequence.StandardKey.MoveToPreviousPage], lambda: self.step(-1), "◀ Previous item", True),
            ([QKeySequence.StandardKey.MoveToNextPage], lambda: self.step(+1), "Next item ▶", True),
            ([QKeySequence("Ctrl+-"), QKeySequence.StandardKey.ZoomOut], lambda: self.set_zoom(self.zoom - 1),
             "Smaller type", True),
            ([QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence.StandardKey.ZoomIn],
             lambda: self.set_zoom(self.zoom + 1), "Larger type", True),
            ([QKeySequence("Ctrl+0")], lambda: self.set_zoom(0), "Usual type size", True),
            ([QKeySequence(Qt.Key.Key_Escape)], self.close_find, "Close find", False),
        ):
            action = QAction(text, self)
            action.setShortcuts(list(dict.fromkeys(QKeySequence(k) for k in keys)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            show_shortcut_in_tooltip(action)
            self.addAction(action)  # its keys work wherever the focus is in the view
            if button:
                self.bar.addAction(action)

    # Showing
    def set_meeting(self, meeting: Meeting | None) -> None:
        self.notes_box.save()
        self.meeting = meeting
        store = self.session.store
        self.items = store.agenda.for_meeting(meeting.id) if meeting else []
        slots = running_clock(meeting.start_time, [i.minutes for i in self.items]) if meeting else []
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for item, slot in zip(self.items, slots, strict=True):
            entry = QListWidgetItem(f"{slot.starts:%H:%M}  {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.uid)
            entry.setToolTip(item.title)
            self.sidebar.addItem(entry)
        orphans = self.orphans()
        if orphans:
            entry = QListWidgetItem(f"Notes on records no longer here ({len(orphans)})")
            entry.setData(Qt.ItemDataRole.UserRole, ORPHANS)
            self.sidebar.addItem(entry)
        self.sidebar.blockSignals(False)
        self._slots = slots
        self.sidebar.setCurrentRow(0 if self.sidebar.count() else -1)
        self._show_row(self.sidebar.currentRow())

    def _held(self, note: Note) -> bool:
        """Whether this store holds the record the note is on."""
        try:
            table = self.session.store.table(note.kind)
        except KeyError:
            return False
        return table.find_uid(note.uid) is not None

    def _store_changed(self, changes: Changes, _initiator: object) -> None:
        """An edit in another tab (an editing window reads here too): show the page as it is now."""
        if changes.touches("agenda_item", "law_change", "submission", "question", "meeting") \
                and self.meeting is not None:
            row = self.sidebar.currentRow()
            self.set_meeting(self.session.store.meetings.find_uid(self.meeting.uid))
            if 0 <= row < self.sidebar.count():
                self.sidebar.setCurrentRow(row)

    def orphans(self) -> list[Note]:
        """Notes on records this store does not hold (deleted, or left out of this copy)."""
        return [n for n in self.notebook.notes() if not self._held(n)]

    def _show_row(self, row: int) -> None:
        entry = self.sidebar.item(row)
        uid = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        if uid == ORPHANS:
            self.notes_box.show_record(None)
            self.page.setHtml(orphans_html(self.orphans()))
        elif uid is None:
            self.notes_box.show_record(None)
            self.page.setHtml("<p>This meeting has no agenda items yet.</p>" if self.meeting else "")
        else:
            item = self.items[row]
            self.notes_box.show_record(item.uid, "agenda_item", item.title)
            self.page.setHtml(item_html(self._page_of(item, row), self.lookups))

    def _page_of(self, item: AgendaItem, row: int) -> ItemPage:
        store = self.session.store
        assert self.meeting is not None
        on_topic = store.questions.find(meeting_id=self.meeting.id, topic_key=item.topic_key) if item.topic_key else []
        questions = [q for q in on_topic if q.duplicate_of is None]  # a repeat is read under its original
        return ItemPage(self.meeting, item, self._slots[row], row + 1, len(self.items),
                        store.law_changes.get_many(item.law_change_ids) if item.law_change_ids else [],
                        store.submissions.get_many(item.submission_ids) if item.submission_ids else [],
                        questions)

    def current_item(self) -> AgendaItem | None:
        row = self.sidebar.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def step(self, by: int) -> None:
        """PgDn / PgUp: the next or previous item."""
        row = self.sidebar.currentRow() + by
        if 0 <= row < len(self.items):
            self.sidebar.setCurrentRow(row)

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(-4, min(steps, 12))
        self.settings.set_reading_zoom(self.zoom)
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = self.page.font()
        font.setPointSize(BASE_POINTS + ZOOM_STEP * self.zoom)
        self.page.document().setDefaultFont(font)
        self.page.setFont(font)
        self._fit_lines()
        notes_font = self.notes_box.editor.font()
        notes_font.setPointSize(max(9, BASE_POINTS - 1 + ZOOM_STEP * self.zoom))
        self.notes_box.editor.setFont(notes_font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_lines()
        return False

    def _fit_lines(self) -> None:
        """Lines no longer than an eye follows easily (about LINE_CHARS characters), nor than the page."""
        chars = QFontMetrics(self.page.document().defaultFont()).averageCharWidth() * LINE_CHARS
        self.page.setLineWrapColumnOrWidth(max(200, min(self.page.viewport().width() - 8, chars)))

    def _link(self, url: QUrl) -> None:
        kind, _, record_id = url.path().partition("/")
        if url.scheme() == "record" and record_id.isdigit():
            self.open_record.emit(kind, int(record_id))

    # Finding on the page (Ctrl+F)
    def focus_filter(self) -> None:
        self.find_box.show()
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Select the next match of the find box on the page, from the top again after the last."""
        words = self.find_box.text()
        if not words:
            return False
        found = self.page.find(words)
        if not found:
            self.page.moveCursor(self.page.textCursor().MoveOperation.Start)
            found = self.page.find(words)
        self.status.emit("" if found else f"“{words}” is not on this page")
        return found

    def close_find(self) -> None:
        if self.find_box.isVisible():
            self.find_box.hide()
            self.page.setFocus()

    # Notes
    def notes_in_order(self) -> list[tuple[str, str]]:
        """(title, note) of every item with a note, in agenda order; then the notes on law changes,
        submissions and questions; then the notes on records no longer here."""
        self.notes_box.save()
        noted = [(i.title, self.notebook.text(i.uid)) for i in self.items if self.notebook.text(i.uid)]
        others = sorted((n for n in self.notebook.notes() if n.kind != "agenda_item" and self._held(n)),
                        key=lambda n: (n.kind, n.title.casefold()))
        return (noted + [(f"{NOUNS.get(n.kind, n.kind)}: {n.title}", n.text) for n in others]
                + [(f"{n.title} (no longer in the store)", n.text) for n in self.orphans()])

    def choose_export(self) -> QFileDialog:
        """Ask where to write the notes (the dialog asks before replacing a file), then write them."""
        name = f"my-notes-{self.meeting.title if self.meeting else 'meeting'}".replace("/", "-")
        folder = self.settings.export_folder() or Path.home()
        dialog = QFileDialog(self, "Export my notes", str(folder / f"{name}.docx"), "Word document (*.docx)")
        dialog.setObjectName("export-notes-dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("docx")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda path: self.export_notes(Path(path)))
        dialog.open()
        return dialog

    def export_notes(self, output: Path) -> Path | None:
        title = self.meeting.title if self.meeting else ""
        try:
            export_notes_docx(self.notes_in_order(), title, output)
        except CouncilPrepError as exc:
            self.status.emit(str(exc))
            return None
        self.status.emit(f"Notes written to {output}")
        return output

