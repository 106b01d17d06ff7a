"""Field editors the brief's records need: a deadline with its flag, an amount, a photo."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from council_prep.domain import Record
from council_prep.gui.fields import Commit, DateField, FieldEditor
from council_prep.gui.icons import icon

if TYPE_CHECKING:
    from council_prep.gui.session import Session

PHOTO_SIDE = 120  # pixels: a photo is shown scaled into a square of this side

# (record shown, today) -> (words about the deadline, whether it is missed), for the flag beside a date.
Explain = Callable[[Record | None, date], tuple[str, bool]]


def flag_label(name: str) -> tuple[QWidget, QLabel, QLabel]:
    """An icon and words that say a deadline is missed: never colour alone."""
    box = QWidget()
    sign = QLabel()
    sign.setPixmap(icon("warning").pixmap(16, 16))
    words = QLabel(objectName=name)
    words.setWordWrap(True)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(sign)
    layout.addWidget(words, 1)
    return box, sign, words


class DeadlineField(FieldEditor):
    """A date (YYYY-MM-DD, or empty) with a line under it saying how it stands against today."""

    def __init__(self, on_commit: Commit, explain: Explain, today: Callable[[], date], placeholder: str = ""):
        self.date = DateField(on_commit)
        if placeholder:
            self.date.widget.setPlaceholderText(placeholder)
        self._explain, self._today = explain, today
        self.flag_box, self.sign, self.note = flag_label("deadline-note")
        self.note.setAccessibleName("Deadline")
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date.widget)
        layout.addWidget(self.flag_box)
        self.widget.setFocusProxy(self.date.widget)
        self.flag_box.hide()

    def value(self) -> tuple[Any, str | None]:
        return self.date.value()

    def set_value(self, value: Any) -> None:
        self.date.set_value(value)

    def show_record(self, record: Record | None) -> None:
        words, missed = self._explain(record, self._today()) if record is not None else ("", False)
        self.note.setText(words)
        self.sign.setVisible(missed)
        self.flag_box.setVisible(bool(words))

    def set_read_only(self, read_only: bool) -> None:
        self.date.set_read_only(read_only)


class AmountField(FieldEditor):
    """A sum of money typed with or without thousands separators; empty means not known."""

    def __init__(self, on_commit: Commit):
        self.widget = QLineEdit(placeholderText="e.g. 1,500,000")
        self.widget.editingFinished.connect(on_commit)

    def value(self) -> tuple[Any, str | None]:
        text = self.widget.text().strip().replace(",", "").replace(" ", "")
        if not text:
            return None, None
        try:
            amount = float(text)
        except ValueError:
            return None, f"Amount: '{self.widget.text().strip()}' is not a number"
        return amount, None

    def set_value(self, value: Any) -> None:
        self.widget.setText(f"{value:,.2f}".removesuffix(".00") if value is not None else "")

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class PhotoPanel(QWidget):
    """A person's optional photo (PNG or JPEG, at most 2 MB): chosen from a file, shown scaled, removable.

    The store keeps photos apart from the people (lists never load them), so the panel reads and writes
    the photo of the person shown on its own, each change one undoable step.
    """

    def __init__(self, session: "Session", parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.person_id: int | None = None
        self.picture = QLabel(objectName="photo")
        self.picture.setAccessibleName("Photo")
        self.picture.setFixedSize(PHOTO_SIDE, PHOTO_SIDE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("QLabel#photo { border: 1px solid palette(mid); }")
        self.choose_button = QPushButton("C&hoose photo…")
        self.remove_button = QPushButton("Remove photo")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self._save(None))
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addLayout(buttons)
        layout.addStretch()
        self._has_photo = False

    def show_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        image = self.session.store.people.photo(person_id) if person_id is not None else None
        pixmap = QPixmap()
        self._has_photo = bool(image) and pixmap.loadFromData(QByteArray(image))
        if self._has_photo:
            self.picture.setPixmap(pixmap.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.picture.clear()
            self.picture.setText("No photo")
        self.set_read_only(self.session.read_only)
        self.setEnabled(person_id is not None)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a photo", "", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.take(Path(path))

    def take(self, path: Path) -> None:
        """Use the image in `path`; a file that cannot be read is said, and nothing is changed."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.session.failed.emit(f"{path}: cannot read the photo: {exc.strerror}")
            return
        self._save(data)

    def _save(self, image: bytes | None) -> None:
        """One step; a file that is no PNG or JPEG, or too large, is refused by the store and said."""
        if self.person_id is None:
            return
        person_id, store = self.person_id, self.session.store
        self.session.write(None, lambda: store.people.set_photo(person_id, image))
        self.show_person(person_id)

    def set_read_only(self, read_only: bool) -> None:
        self.choose_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only and self._has_photo)
