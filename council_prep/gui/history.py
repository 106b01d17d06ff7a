"""The history of one record: each change with its time, its step and its fields before and after,
old words struck through and new words underlined, as tracked changes read."""

import difflib
import html
import re
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from council_prep.domain.fields import label_of
from council_prep.store.changelog import BOOKKEEPING
from council_prep.store.history import Change

_WORDS = re.compile(r"\s+|\S+\s*")  # a word with the space after it
_HIDDEN = BOOKKEEPING | {"id", "uid", "created_at"}
_ACTIONS = {"undo": " (undone)", "redo": " (done again)"}


def word_diff(old: str, new: str) -> str:
    """HTML of `new` against `old`: removed words struck through, added words underlined (and coloured,
    but never by colour alone)."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    parts: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            removed = "".join(before[a1:a2])
            parts.append(f"<s style='color:#b3261e'>{html.escape(removed)}</s>")
            if op == "replace" and not removed[-1:].isspace():
                parts.append(" ")
        if op in ("insert", "replace"):
            parts.append(f"<u style='color:#1b6e20'>{html.escape(''.join(after[b1:b2]))}</u>")
        if op == "equal":
            parts.append(html.escape("".join(before[a1:a2])))
    return "".join(parts)


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, list):
        return "\n".join(f"• {v}" for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def history_html(changes: list[Change], kind: str) -> str:
    """The changes of one record, newest first."""
    if not changes:
        return "<p>No changes recorded for this record.</p>"
    blocks = []
    for change in reversed(changes):
        when = change.at.astimezone().strftime("%b %d, %Y %H:%M:%S")
        title = f"<h3>{html.escape(when)} · {html.escape(change.label)}{_ACTIONS.get(change.action, '')}</h3>"
        if change.op == "add":
            body = "<p><i>Created</i></p>" if change.action == "do" else "<p><i>Brought back</i></p>"
        elif change.op == "delete":
            body = "<p><i>Deleted</i></p>"
        else:
            rows = []
            for name in change.fields:
                if name in _HIDDEN:
                    continue
                diff = word_diff(_text(change.before.get(name)), _text(change.after.get(name)))
                rows.append(f"<tr><th align='left' valign='top'>{html.escape(label_of(kind, name))}</th>"
                            f"<td style='white-space: pre-wrap'>{diff}</td></tr>")
            body = f"<table cellspacing='4'>{''.join(rows)}</table>"
        blocks.append(title + body)
    return "".join(blocks)


class HistoryDialog(QDialog):
    def __init__(self, changes: list[Change], kind: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(f"History of {title}")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Changes to this record")
        self.browser.setHtml(history_html(changes, kind))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)
