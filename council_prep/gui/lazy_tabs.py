"""Tabs that build each page the first time it is shown or asked for, so hidden tabs cost nothing at start."""

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

Build = Callable[[], QWidget]


class LazyTabs(QTabWidget):
    """Each tab starts with an empty placeholder; `page(n)`, or choosing tab n, puts the real page in its place.

    The real page takes the placeholder's index, so `setCurrentWidget(page)` and `currentWidget()` work as usual.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._builders: dict[int, Build] = {}
        self.currentChanged.connect(self.page)

    def add_lazy(self, build: Build, title: str) -> None:
        """Add a tab whose page `build()` makes when it is first needed."""
        self._builders[self.count()] = build
        blocked = self.blockSignals(True)  # the first tab becomes current: its owner builds it when ready
        self.addTab(QWidget(), title)
        self.blockSignals(blocked)

    def page(self, index: int) -> QWidget:
        """The real page at `index`, built now if it has not been yet."""
        build = self._builders.pop(index, None)
        if build is None:
            return self.widget(index)
        page = build()
        title, current, placeholder = self.tabText(index), self.currentIndex(), self.widget(index)
        page.setAccessibleName(title.replace("&", ""))
        blocked = self.blockSignals(True)  # the current tab is the same before and after
        self.removeTab(index)
        self.insertTab(index, page, title)
        self.setCurrentIndex(current)
        self.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def built(self, index: int) -> QWidget | None:
        """The page at `index` if it has been built, else None (asking does not build it)."""
        return None if index in self._builders else self.widget(index)
