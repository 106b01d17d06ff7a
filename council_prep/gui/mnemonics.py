"""Alt+letter mnemonics that never collide within a window or dialog.

Labels and buttons are written with the letter we prefer (`"&Title"`); `assign` keeps each preferred
letter while it is free, gives a later control that wants a taken one another letter of its text
(a word's first letter first), and then gives the controls written without one a free letter too,
so that every field a letter is left for can be reached with Alt. Qt has no such manager (KDE's
KAcceleratorManager is not part of Qt), and letters chosen by hand collide as soon as a control is added.
"""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QToolButton, QWidget

Control = QLabel | QAbstractButton | QGroupBox


def letter(text: str) -> str | None:
    """The mnemonic letter of `text` ("Su&mmary" -> "m"), None when it has none."""
    at = 0
    while (at := text.find("&", at)) >= 0:
        following = text[at + 1:at + 2]
        if following == "&":
            at += 2
            continue
        return following.casefold() if following.isalnum() else None
    return None


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _with_letter(plain: str, taken: set[str]) -> str:
    """`plain` with a mnemonic on a free letter, a word's first letter preferred; unmarked if none is free."""
    starts = [n for n, ch in enumerate(plain) if ch.isalnum() and (n == 0 or not plain[n - 1].isalnum())]
    rest = [n for n, ch in enumerate(plain) if ch.isalnum() and n not in starts]
    for n in starts + rest:
        if plain[n].casefold() not in taken:
            return plain[:n].replace("&", "&&") + "&" + plain[n:].replace("&", "&&")
    return plain.replace("&", "&&")  # no letter left: the text shows as written


def _text(control: Control) -> str:
    return control.title() if isinstance(control, QGroupBox) else control.text()


def _set_text(control: Control, text: str) -> None:
    if isinstance(control, QGroupBox):
        control.setTitle(text)
    else:
        control.setText(text)


def controls(root: QWidget) -> list[Control]:
    """The controls under `root` whose text can carry a mnemonic, in the order they were made."""
    return [w for w in root.findChildren(QWidget) if _takes_mnemonic(w)]


def _takes_mnemonic(widget: QWidget) -> bool:
    """A label for another control, a push, check or radio button (a tool button shows no mnemonic), a checkable box."""
    if isinstance(widget, QLabel):
        return widget.buddy() is not None and widget.textFormat() != Qt.TextFormat.RichText
    if isinstance(widget, QAbstractButton):
        return not isinstance(widget, QToolButton)
    return isinstance(widget, QGroupBox) and widget.isCheckable()


def assign(root: QWidget, taken: Iterable[str] = ()) -> set[str]:
    """Make the mnemonics under `root` unique, `taken` (the window's menus and tabs) left alone.

    Returns every letter now in use, so a caller can assign a further part of the same window.
    """
    used = {t.casefold() for t in taken}
    wanting: list[Control] = []
    unmarked: list[Control] = []
    for control in controls(root):
        wanted = letter(_text(control))
        if wanted is None:
            if _text(control).strip():
                unmarked.append(control)
            continue
        if wanted in used:
            wanting.append(control)
        else:
            used.add(wanted)
    for control in wanting + unmarked:
        new = _with_letter(_plain(_text(control)), used)
        _set_text(control, new)
        if (chosen := letter(new)) is not None:
            used.add(chosen)
    return used
