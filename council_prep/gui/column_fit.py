"""Table columns as wide as what they show, the main column (an item's title) taking the rest.

QHeaderView can size a column to its contents or stretch one, but not both with a limit: a long
topic would then push the title out of sight on a small screen. Here each other column gets its
content's width up to a share of the table, re-fitted when the table is resized or refilled, but
not while the user types in a filter: columns that jump at each keystroke are hard to read (and
measuring every row in sight would cost most of what a keystroke takes).
"""

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_MAIN_SHARE = 0.35  # the main column keeps at least this share of the table's width
SHORT_CHARS = 12  # a column no wider than this many characters is never narrowed


class ColumnFit(QObject):
    def __init__(self, view: QTableView, main: int, cap: float = 0.22):
        super().__init__(view)
        self.view = view
        self.main = main
        self.cap = cap
        self._held = False
        view.horizontalHeader().setStretchLastSection(False)
        # Measure only the rows in sight: a lazy table reads rows from the store only when shown.
        view.horizontalHeader().setResizeContentsPrecision(0)
        view.horizontalHeader().setSectionResizeMode(main, QHeaderView.ResizeMode.Stretch)
        view.viewport().installEventFilter(self)
        view.model().modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    @contextlib.contextmanager
    def widths_kept(self) -> Iterator[None]:
        """Refill the table inside the block without fitting its columns again."""
        self._held = True
        try:
            yield
        finally:
            self._held = False

    def fit(self) -> None:
        """Give every column but the main one its content's width, capped, and shrunk if the main one would starve."""
        if self._held or not self.view.isVisible():
            return  # measured when shown (a resize comes then)
        header = self.view.horizontalHeader()
        width = self.view.viewport().width()
        wanted = {}
        for column in range(header.count()):
            if column != self.main and not header.isSectionHidden(column):
                content = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
                wanted[column] = min(content, int(width * self.cap))
        # Short columns (a time, a number, a status) keep their width; long ones share what is left.
        short = self.view.fontMetrics().averageCharWidth() * SHORT_CHARS
        fixed = sum(size for size in wanted.values() if size <= short)
        long = sum(size for size in wanted.values() if size > short)
        spare = max(width * (1 - MIN_MAIN_SHARE) - fixed, 0)
        scale = min(1.0, spare / long) if long else 1.0
        for column, size in wanted.items():
            header.resizeSection(column, size if size <= short else max(int(size * scale), short))
