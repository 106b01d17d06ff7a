"""The window's part of the brief: the People, Commitments, Enforcement and Projects tabs, the import of
indicators and the book's countdown. A mixin of MainWindow (`self` is the window)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QLabel

from council_prep.gui.brief.deadlines import countdown

if TYPE_CHECKING:
    from council_prep.gui.enforcement.importing import ImportPreview, IndicatorImport
    from council_prep.gui.enforcement.tab import EnforcementTab
    from council_prep.gui.people.tab import PeopleTab
    from council_prep.gui.tables.columns import TableSpec
    from council_prep.gui.tables.table_tab import TableTab

# Without Alt+letters: the window's own letters are kept few, so that a tab's fields have theirs.
BRIEF_TITLES = ("People", "Commitments", "Enforcement", "Projects")
MENU_TEXTS = {"People": "&People", "Commitments": "&Commitments", "Enforcement": "&Enforcement",
              "Projects": "Pro&jects"}  # the View menu's entries for these tabs


def book_due_label() -> QLabel:
    label = QLabel()
    label.setObjectName("book-due")
    label.setAccessibleName("Book due")
    return label


class BriefPages:
    """Methods of MainWindow that build and serve the brief's tabs."""

    def brief_builders(self) -> list[Callable[[], object]]:
        return [self._people_page, lambda: self._brief_table("commitments"), self._enforcement_page,
                lambda: self._brief_table("projects")]

    def _people_page(self) -> "PeopleTab":
        from council_prep.gui.people.tab import PeopleTab

        return self._editor_page(PeopleTab(self.session, self.lookups))

    def _brief_table(self, kind: str) -> "TableTab":
        """A table tab whose spec (gui/brief/tables.py) reads the clock and the store."""
        from council_prep.gui.brief import tables
        from council_prep.gui.tables.table_tab import TableTab

        spec: TableSpec = getattr(tables, kind)(self.lookups, self.session.clock, self.session.store)
        return self._editor_page(TableTab(self.session, spec, self.lookups))

    def _enforcement_page(self) -> "EnforcementTab":
        from council_prep.gui.enforcement.tab import EnforcementTab

        return EnforcementTab(self.session, self.lookups)

    def brief_tab(self, title: str) -> object:
        """The tab titled `title` (one of BRIEF_TITLES), built if need be and showing the current meeting."""
        from council_prep.gui.window_actions import TAB_TITLES

        return self._fresh(self.tabs.page(TAB_TITLES.index(title)))

    @property
    def people_tab(self) -> "PeopleTab":
        return cast("PeopleTab", self.brief_tab("People"))

    @property
    def commitments_tab(self) -> "TableTab":
        return cast("TableTab", self.brief_tab("Commitments"))

    @property
    def enforcement_tab(self) -> "EnforcementTab":
        return cast("EnforcementTab", self.brief_tab("Enforcement"))

    @property
    def projects_tab(self) -> "TableTab":
        return cast("TableTab", self.brief_tab("Projects"))

    # Import
    @property
    def indicator_import(self) -> "IndicatorImport":
        from council_prep.gui.enforcement.importing import IndicatorImport

        return IndicatorImport(self, self.session)

    def import_indicators(self) -> "ImportPreview | None":
        dialog = self.indicator_import.choose()
        if dialog is not None:
            dialog.accepted.connect(lambda: self.tabs.setCurrentWidget(self.enforcement_tab))
        return dialog

    # The book's countdown
    def show_book_due(self) -> None:
        """'Book due in 5 days' (or overdue) in the status bar, for the meeting chosen."""
        meeting = self.current_meeting() if self.session else None
        due = getattr(meeting, "book_due_on", None)
        text = countdown("Book", due, self.session.clock.today()) if due else ""
        late = bool(due) and due < self.session.clock.today()
        self.book_due.setText(("⚠ " if late else "") + text)
        self.book_due.setToolTip(f"The book must reach the delegation by {due:%A %d %B %Y}" if due else "")
        self.book_due.setVisible(bool(text))
