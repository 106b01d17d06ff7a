"""Reading and ticking a form's check-box list (topics, links) the way a user does."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView


def texts(view: QListView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def values(view: QListView) -> list[object]:
    model = view.model()
    return [model.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]


def is_checked(view: QListView, row: int) -> bool:
    return view.model().index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def toggle(qtbot, view: QListView, row: int) -> None:
    """Click the row (scrolled into sight), then Space: its box changes."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_Space)
