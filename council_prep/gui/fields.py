"""Editors for single record fields with one interface: read a value (or a problem), show a value.

Each editor calls `on_commit` when the user finishes an edit (focus leaves, Enter, a choice made),
so the form saves at once and nothing typed is lost.
"""

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import label
from council_prep.gui.check_list import CheckListModel

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent

Commit = Callable[[], None]


class FieldEditor:
    """Base: `widget` goes into the form; value() returns (value, problem message or None).

    Read-only, a field still looks like text to read, not a greyed-out control: it keeps its colours
    and its focus (for screen readers and copying) and only refuses changes.
    """

    widget: QWidget

    def value(self) -> tuple[Any, str | None]:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

    def merged(self, value: Any, stored: Any) -> Any:
        """The value to save when the user changed the field from `stored` to `value`."""
        return value


class _PlainTextEdit(QPlainTextEdit):
    """Commits when focus leaves it (a multi-line editor has no editingFinished signal).

    An override, unlike an event filter, runs Python on focus-out only, not on every event the editor gets.
    """

    def __init__(self, on_commit: Commit):
        super().__init__()
        self._on_commit = on_commit

    def focusOutEvent(self, event: "QFocusEvent") -> None:
        self._on_commit()
        super().focusOutEvent(event)


class LineField(FieldEditor):
    def __init__(self, on_commit: Commit):
        self.widget = QLineEdit()
        self.widget.editingFinished.connect(on_commit)

    def value(self) -> tuple[Any, str | None]:
        return self.widget.text(), None

    def set_value(self, value: Any) -> None:
        self.widget.setText(value or "")
        self.widget.setCursorPosition(0)  # show a long title from its start

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class DateField(LineField):
    """A date typed as YYYY-MM-DD, or left empty (QDateEdit cannot be empty)."""

    def __init__(self, on_commit: Commit, *, with_time: bool = False):
        super().__init__(on_commit)
        self._with_time = with_time
        self.widget.setPlaceholderText("YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD")

    def value(self) -> tuple[Any, str | None]:
        text = self.widget.text().strip()
        if not text:
            return None, None
        try:
            return (datetime.fromisoformat(text) if self._with_time else date.fromisoformat(text)), None
        except ValueError:
            return None, f"'{text}' is not a date ({self.widget.placeholderText()})"

    def set_value(self, value: Any) -> None:
        if isinstance(value, datetime):
            self.widget.setText(value.isoformat(sep=" ", timespec="minutes"))
        else:
            self.widget.setText(value.isoformat() if value else "")

    def merged(self, value: Any, stored: Any) -> Any:
        """A time typed without an offset keeps the offset the stored one had."""
        if isinstance(value, datetime) and value.tzinfo is None and isinstance(stored, datetime):
            return value.replace(tzinfo=stored.tzinfo)
        return value


class TextField(FieldEditor):
    def __init__(self, on_commit: Commit, *, lines: int = 4):
        self.widget = _PlainTextEdit(on_commit)
        self.widget.setTabChangesFocus(True)
        self.widget.setMinimumHeight(self.widget.fontMetrics().lineSpacing() * lines + 12)

    def value(self) -> tuple[Any, str | None]:
        return self.widget.toPlainText(), None

    def set_value(self, value: Any) -> None:
        text = "\n".join(value) if isinstance(value, list) else (value or "")
        if text != self.widget.toPlainText():
            self.widget.setPlainText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class LinesField(TextField):
    """A list of short texts, one per line (submitters)."""

    def value(self) -> tuple[Any, str | None]:
        return [line.strip() for line in self.widget.toPlainText().splitlines() if line.strip()], None


class IntField(FieldEditor):
    def __init__(self, on_commit: Commit, low: int, high: int, suffix: str = ""):
        self.widget = QSpinBox()
        self.widget.setRange(low, high)
        self.widget.setSuffix(suffix)
        self.widget.setAccelerated(True)
        self.widget.editingFinished.connect(on_commit)

    def value(self) -> tuple[Any, str | None]:
        return self.widget.value(), None

    def set_value(self, value: Any) -> None:
        self.widget.setValue(int(value or 0))

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)
        self.widget.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if read_only
                                     else QSpinBox.ButtonSymbols.UpDownArrows)


class _ReadOnlyCheckBox(QCheckBox):
    """A check box that can refuse to change while looking as usual."""

    read_only = False

    def nextCheckState(self) -> None:
        if not self.read_only:
            super().nextCheckState()


class CheckField(FieldEditor):
    def __init__(self, on_commit: Commit, text: str):
        self.widget = _ReadOnlyCheckBox(text)
        self.widget.clicked.connect(lambda _checked: on_commit())

    def set_read_only(self, read_only: bool) -> None:
        self.widget.read_only = read_only

    def value(self) -> tuple[Any, str | None]:
        return self.widget.isChecked(), None

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class _ReadOnlyComboBox(QComboBox):
    """A drop-down that, read-only, shows its choice as plain text would: no list, no wheel, no typing."""

    read_only = False

    def showPopup(self) -> None:
        if not self.read_only:
            super().showPopup()

    def wheelEvent(self, event) -> None:
        if not self.read_only:
            super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        if not self.read_only or event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
        else:
            event.ignore()


class ChoiceField(FieldEditor):
    """A closed choice: enum values, a partner, a topic (optionally with 'none')."""

    def __init__(self, on_commit: Commit, choices: list[tuple[Any, str]]):
        self.widget = _ReadOnlyComboBox()
        for data, text in choices:
            self.widget.addItem(text, data)
        self.widget.activated.connect(lambda _index: on_commit())

    @classmethod
    def of_enum(cls, on_commit: Commit, enum: type[StrEnum]) -> "ChoiceField":
        return cls(on_commit, [(member, label(member)) for member in enum])

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        """Offer `choices` instead (read from the store), keeping the one chosen."""
        chosen = self.widget.currentData()
        self.widget.blockSignals(True)
        self.widget.clear()
        for data, text in choices:
            self.widget.addItem(text, data)
        self.widget.blockSignals(False)
        self.set_value(chosen)

    def value(self) -> tuple[Any, str | None]:
        return self.widget.currentData(), None

    def set_read_only(self, read_only: bool) -> None:
        self.widget.read_only = read_only
        # no drop-down arrow where nothing can be chosen: the choice reads as text
        self.widget.setStyleSheet("QComboBox::drop-down { width: 0px; border: none; }" if read_only else "")

    def set_value(self, value: Any) -> None:
        index = self.widget.findData(value)
        if index < 0 and value is not None:
            self.widget.addItem(str(value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(max(index, 0))


class CheckListField(FieldEditor):
    """Several choices from a list (topics, linked law changes): a check box a row, over CheckListModel."""

    def __init__(self, on_commit: Commit, choices: list[tuple[Any, str]], rows: int = 5):
        self.widget = QListView()
        self.widget.setMinimumHeight(self.widget.fontMetrics().lineSpacing() * rows + 12)
        self.widget.setMaximumHeight(self.widget.fontMetrics().lineSpacing() * (rows + 4) + 12)
        self.widget.setUniformItemSizes(True)  # rows are measured once, not each of thousands
        self.model = CheckListModel(on_commit)
        self.model.set_choices(choices)
        self.widget.setModel(self.model)

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        self.model.set_choices(choices)

    def value(self) -> tuple[Any, str | None]:
        return self.model.checked(), None

    def set_read_only(self, read_only: bool) -> None:
        self.model.set_read_only(read_only)

    def merged(self, value: Any, stored: Any) -> Any:
        """The stored order kept: choices still checked first, as they were, then the newly checked."""
        kept = [v for v in stored or [] if v in value]
        return kept + [v for v in value if v not in kept]

    def set_value(self, value: Any) -> None:
        self.model.set_checked(value)


class ListBox(QWidget):
    """A list field with its buttons (points, asks, speakers); Del (the window's Delete) removes what is
    selected in it."""

    def __init__(self, remove: Callable[[], None]):
        super().__init__()
        self._remove = remove

    def delete_selected(self) -> None:
        self._remove()

    def beside(self, view: QWidget, noun: str, add_text: str,
               add: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
        """Lay out `view` with an add and a remove button beside it; the buttons, for their owner."""
        add_button, remove_button = QPushButton(add_text), QPushButton(f"Remove {noun}")
        remove_button.setToolTip(f"Remove the selected {noun} (Del)")
        add_button.clicked.connect(add)
        remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        return add_button, remove_button


class PointsField(FieldEditor):
    """Talking points: an editable, reorderable list (double-click or F2 edits a point)."""

    def __init__(self, on_commit: Commit):
        self.widget = ListBox(self.remove_point)
        self.list = QListWidget()
        self.list.setAccessibleName("Talking points")
        self.list.setWordWrap(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._on_commit = on_commit
        self._loading = False
        self.list.itemChanged.connect(self._changed)
        self.list.model().rowsMoved.connect(lambda *_: self._changed())
        self.add_button, self.remove_button = self.widget.beside(self.list, "point", "Add &point", self.add_point)

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self._on_commit()

    def add_point(self) -> None:
        item = self._item("New point")
        self._loading = True
        self.list.addItem(item)
        self._loading = False
        self.list.setCurrentItem(item)
        self._on_commit()
        self.list.editItem(item)

    def remove_point(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._on_commit()

    @staticmethod
    def _item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def value(self) -> tuple[Any, str | None]:
        return [self.list.item(row).text() for row in range(self.list.count())], None

    def set_value(self, value: Any) -> None:
        if value == self.value()[0]:
            return
        self._loading = True
        self.list.clear()
        for point in value or []:
            self.list.addItem(self._item(point))
        self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                                  QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setDragEnabled(not read_only)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)
            button.setVisible(not read_only)
