"""Message boxes that never block: each opens window-modal and reports the button through a callback.

A blocking exec() would freeze tests and nested event loops; `open()` keeps the app responsive.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Choice = tuple[str, QMessageBox.ButtonRole]
_UNPARENTED: set[QMessageBox] = set()  # kept alive until closed; nothing else holds them


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _UNPARENTED.add(box)
        box.finished.connect(lambda _result: _UNPARENTED.discard(box))
    return box


def error(parent: QWidget | None, title: str, text: str, *, name: str = "error") -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Critical, title, text, name)
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str, *, name: str = "information") -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, title, text, name)
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def choose(parent: QWidget | None, title: str, text: str, choices: Sequence[Choice],
           on_choice: Callable[[int], None], *, name: str = "question",
           icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
    """Offer `choices`; `on_choice(index)` runs with the clicked one's index (-1 if closed otherwise).

    A question asks (Question icon); news with things to do next (a file written) says so (Information).
    """
    box = _box(parent, icon, title, text, name)
    buttons = [box.addButton(label, role) for label, role in choices]

    def finished() -> None:
        clicked = box.clickedButton()
        on_choice(buttons.index(clicked) if clicked in buttons else -1)

    box.finished.connect(finished)
    box.open()
    return box
