"""The window's keys: standard shortcuts as each platform binds them, shown in tooltips; where focus goes."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def redo_keys() -> list[QKeySequence]:
    """Every key people use for Redo (Ctrl+Shift+Z and Ctrl+Y), each once: a key listed twice is ambiguous."""
    return list(dict.fromkeys([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                               QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]))


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys; some platforms (and the offscreen one) bind none: Ctrl+Q then."""
    return QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]


def show_shortcut_in_tooltip(action: QAction) -> None:
    """The action's tooltip names its first shortcut, as the menu does: "Undo (Ctrl+Z)"."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = f"{text} ({key})" if key else text
    if action.toolTip() != tip:
        action.setToolTip(tip)


def focus_first_control(page: QWidget) -> None:
    """Give the focus to the first control of `page` that Tab would reach."""
    target = next((w for w in page.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                   and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus), None)
    if target is not None:
        target.setFocus(Qt.FocusReason.TabFocusReason)
