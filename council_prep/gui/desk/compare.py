"""Two questions side by side, the words they share in bold and underlined (not by colour alone)."""

import html
import re

from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from council_prep.desk.words import normalised

_TOKEN = re.compile(r"([^\W_]+)")


def marked(text: str, shared: set[str]) -> str:
    """`text` as HTML with each word whose normalised form is in `shared` bold and underlined."""
    parts = []
    for n, piece in enumerate(_TOKEN.split(text)):
        escaped = html.escape(piece).replace("\n", "<br>")
        parts.append(f"<b><u>{escaped}</u></b>" if n % 2 and normalised(piece) in shared else escaped)
    return "".join(parts)


class SideBySide(QWidget):
    """The text being looked at (left) beside a possible duplicate (right)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.left_title = QLabel()
        self.right_title = QLabel()
        for title in (self.left_title, self.right_title):
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold")
        self.left = QTextBrowser()
        self.left.setAccessibleName("This question")
        self.right = QTextBrowser()
        self.right.setAccessibleName("Possible duplicate")
        self.shared = QLabel()
        self.shared.setAccessibleName("Shared words")
        self.shared.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.left_title, 0, 0)
        grid.addWidget(self.right_title, 0, 1)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.right, 1, 1)
        grid.addWidget(self.shared, 2, 0, 1, 2)

    def show_pair(self, left_title: str, left: str, right_title: str, right: str, shared: tuple[str, ...]) -> None:
        words = set(shared)
        self.left_title.setText(left_title)
        self.right_title.setText(right_title)
        self.left.setHtml(marked(left, words))
        self.right.setHtml(marked(right, words))
        self.shared.setText(f"Words both use ({len(shared)}), underlined: {', '.join(shared)}" if shared
                            else "No words in common")

    def clear(self) -> None:
        for widget in (self.left_title, self.right_title, self.left, self.right, self.shared):
            widget.clear()
