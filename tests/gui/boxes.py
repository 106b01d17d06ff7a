"""Finding the message boxes and dialogs a window opened, as a user sees them."""

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def visible(name: str, kind: type[QWidget] = QWidget) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.objectName() == name
            and w.isVisible()]


def wait_for_box(qtbot, name: str, timeout: int = 10_000) -> QMessageBox:
    """The visible message box called `name`, once it has opened."""
    qtbot.waitUntil(lambda: bool(visible(name, QMessageBox)), timeout=timeout)
    box = visible(name, QMessageBox)[0]
    assert isinstance(box, QMessageBox)
    return box


def click_button(qtbot, box: QMessageBox, text: str) -> None:
    from PySide6.QtCore import Qt

    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
