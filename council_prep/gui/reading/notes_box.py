"""A box for the delegate's private note on one record, saved as it is typed into their notebook.

It saves after a short pause in typing, when another record is shown and when it is hidden (the
window closing, another tab), so nothing typed is lost and the store is never written.
"""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from council_prep.errors import CouncilPrepError
from council_prep.notes import Notebook

SAVE_AFTER_MS = 600


class NotesBox(QWidget):
    failed = Signal(str)  # the notebook could not be written: a message for the status bar

    def __init__(self, notebook: Notebook, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.notebook = notebook
        self._record: tuple[str, str, str] | None = None  # (uid, kind, title) of the record shown
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("My notes")
        self.editor.setPlaceholderText(f"Your notes on this {what}: private, kept on this computer, saved as you type")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._typed)
        self._save = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS, timeout=self.save)
        label = QLabel("My &notes (private)")
        label.setBuddy(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)

    def show_record(self, uid: str | None, kind: str = "", title: str = "") -> None:
        """Save the note shown, then show the note on record `uid` (None: no record, nothing to type)."""
        self.save()
        self._record = None
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.notebook.text(uid) if uid else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(uid is not None)
        self._record = (uid, kind, title) if uid else None

    def _typed(self) -> None:
        if self._record is not None:
            self._save.start()

    def save(self) -> None:
        """Write the note now, if it changed."""
        self._save.stop()
        if self._record is None:
            return
        uid, kind, title = self._record
        text = self.editor.toPlainText()
        if text == self.notebook.text(uid):
            return
        try:
            self.notebook.set(uid, text, kind=kind, title=title)
        except CouncilPrepError as exc:
            self.failed.emit(str(exc))

    def hideEvent(self, event) -> None:
        self.save()
        super().hideEvent(event)
