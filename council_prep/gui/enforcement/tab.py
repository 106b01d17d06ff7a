"""The Enforcement tab: a partner's labor law enforcement figures by year, read mostly, a cell edited in place."""

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Meeting
from council_prep.gui.enforcement.model import CellEdit, FiguresModel
from council_prep.gui.lookups import Lookups
from council_prep.gui.session import Session
from council_prep.store.changes import Changes

HINT = ("Double-click or F2 to change a figure: a number, yes or no, or “unavailable” where the partner has "
        "no such figure; empty removes it. * holds for part of the country only (its tooltip says which).")


class EnforcementTab(QWidget):
    def __init__(self, session: Session, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lookups = lookups
        self.partner = QComboBox()
        self.partner.setAccessibleName("Partner")
        for code, partner in lookups.partners.items():
            self.partner.addItem(partner.name, code)
        self.partner.currentIndexChanged.connect(lambda _i: self.reload())
        partner_label = QLabel("&Partner")
        partner_label.setBuddy(self.partner)
        self.year = QSpinBox(minimum=1990, maximum=2100, value=date.today().year - 1)
        self.year.setAccessibleName("Year to add")
        self.add_year_button = QPushButton("Add &year")
        self.add_year_button.setToolTip("An empty column for a year, to type its figures in")
        self.add_year_button.clicked.connect(lambda: self.model.add_year(self.year.value()))
        self.model = FiguresModel(self)
        self.model.edit_requested.connect(self.save)
        self.model.problem.connect(session.refused.emit)
        self.table = QTableView()
        self.table.setObjectName("enforcement-table")
        self.table.setAccessibleName("Enforcement figures")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(lambda current, _p: self._describe(current))
        self.demo_banner = QLabel(objectName="demo-banner")
        self.demo_banner.setText("⚠ Demo data: these figures are invented for the demonstration and are not "
                                 "real statistics.")
        self.demo_banner.setWordWrap(True)
        self.empty = QLabel(wordWrap=True)
        self.detail = QLabel(wordWrap=True)
        self.detail.setAccessibleName("Figure details")
        hint = QLabel(HINT, wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(partner_label)
        top.addWidget(self.partner)
        top.addStretch()
        top.addWidget(self.year)
        top.addWidget(self.add_year_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(hint)
        session.changed.connect(self._store_changed)
        session.read_only_changed.connect(self._apply_read_only)
        self._apply_read_only(session.read_only)

    def set_meeting(self, meeting: Meeting | None) -> None:
        """Show the meeting's first partner (the officer may choose any other)."""
        if meeting and meeting.partner_codes:
            index = self.partner.findData(meeting.partner_codes[0])
            if index >= 0 and index != self.partner.currentIndex():
                self.partner.setCurrentIndex(index)
                return
        self.reload()

    def show_partner(self, code: str) -> None:
        self.partner.setCurrentIndex(max(0, self.partner.findData(code)))

    def reload(self) -> None:
        code = self.partner.currentData() or ""
        current = self.table.currentIndex()
        self.model.set_figures(code, self.session.store.enforcement.find(partner_code=code) if code else [])
        self.demo_banner.setVisible(self.model.demo())
        self.empty.setText(f"No enforcement figures for {self.partner.currentText()} yet: import them with "
                           "File > Import indicators…, or add a year and type them in.")
        self.empty.setVisible(not self.model.years)
        if current.isValid() and current.column() < self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._describe(self.table.currentIndex())

    def _describe(self, index) -> None:
        figure = self.model.figure(index)
        if figure is None:
            self.detail.setText("")
            return
        parts = [f"Source: {figure.source}" if figure.source else "No source recorded",
                 f"holds for {figure.scope}" if figure.scope else "", figure.note,
                 "demo data, invented" if figure.demo else ""]
        self.detail.setText(" · ".join(p for p in parts if p))

    def save(self, edit: CellEdit) -> None:
        """Write one cell as one step: add, change or remove the figure."""
        store, after = self.session.store, edit.after()
        what = f"{edit.indicator.label}, {edit.year}"
        if after is None:
            assert edit.figure is not None
            self.session.write(f"Remove {what}", lambda: store.enforcement.delete(edit.figure.id))
        elif edit.figure is None:
            self.session.write(f"Add {what}", lambda: store.enforcement.add(after))
        else:
            self.session.write(f"Change {what}", lambda: store.enforcement.update(after))

    def _store_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("enforcement_figure"):
            self.reload()

    def _apply_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                                   QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        for widget in (self.year, self.add_year_button):
            widget.setVisible(not read_only)
