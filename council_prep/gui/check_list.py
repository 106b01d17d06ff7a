"""Choices with a check box each (topics, linked law changes), held as plain Python lists.

A meeting with thousands of law changes offers each as a link: one QListWidgetItem per choice
cost several calls into Qt per choice every time the choices, the record shown or the read-only
state changed (most of a large store's start). Here the choices are a list and the checked ones a
set; the view asks only for the rows in sight.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
DISPLAY, TOOLTIP, USER, CHECK = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                 Qt.ItemDataRole.UserRole, Qt.ItemDataRole.CheckStateRole)


class CheckListModel(QAbstractListModel):
    """Rows of (value, text); the user's checking a box calls `on_check` (unless read-only)."""

    def __init__(self, on_check: Callable[[], None]):
        super().__init__()
        self._choices: list[tuple[Any, str]] = []
        self._checked: set[Any] = set()
        self._on_check = on_check
        self.read_only = False

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        """Offer `choices`; those checked before and still offered stay checked."""
        kept = set(self.checked())
        self.beginResetModel()
        self._choices = list(choices)
        self._checked = {value for value, _ in self._choices if value in kept}
        self.endResetModel()

    def checked(self) -> list[Any]:
        """The checked values, in the order offered."""
        return [value for value, _ in self._choices if value in self._checked] if self._checked else []

    def set_checked(self, values: Any) -> None:
        """Check exactly `values` among the choices (no call to `on_check`: the program, not the user)."""
        wanted = set(values or ())
        self._checked = {value for value, _ in self._choices if value in wanted}
        if self._choices:
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1), [CHECK])

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self._choices:  # the check boxes' flags
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._choices):
            return None
        value, text = self._choices[index.row()]
        if role in (DISPLAY, TOOLTIP):
            return text
        if role == USER:
            return value
        if role == CHECK:
            return CHECKED if value in self._checked else UNCHECKED
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        """What a click on a box (or Space) does: check or uncheck it, and let the form save."""
        if role != CHECK or self.read_only or not index.isValid() or index.row() >= len(self._choices):
            return False
        choice = self._choices[index.row()][0]
        if Qt.CheckState(getattr(value, "value", value)) == CHECKED:
            self._checked.add(choice)
        else:
            self._checked.discard(choice)
        self.dataChanged.emit(index, index, [CHECK])
        self._on_check()
        return True
