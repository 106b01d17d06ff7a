"""Fields of an agenda item's brief: their likely asks beside our response, and the item it continues."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from council_prep.domain import Ask
from council_prep.gui.fields import ChoiceField, Commit, FieldEditor, ListBox

ASK_COLUMNS = ("Their likely ask", "Our response")


class AsksField(FieldEditor):
    """An editable two-column list, one ask per row with our response beside it (F2 or typing edits a cell)."""

    def __init__(self, on_commit: Commit):
        self.widget = ListBox(self.remove_ask)
        self.table = QTableWidget(0, len(ASK_COLUMNS))
        self.table.setObjectName("asks-table")
        self.table.setAccessibleName("Likely asks and our responses")
        self.table.setHorizontalHeaderLabels(list(ASK_COLUMNS))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 5 + 12)
        self.table.setMaximumHeight(self.table.fontMetrics().lineSpacing() * 12 + 12)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._on_commit = on_commit
        self._loading = False
        self.table.itemChanged.connect(self._changed)
        self.add_button, self.remove_button = self.widget.beside(self.table, "ask", "Add as&k", self.add_ask)

    def _changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.table.resizeRowsToContents()
            self._on_commit()

    def add_ask(self) -> None:
        """A new row, its ask cell open for typing; it is saved once it has words."""
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(ASK_COLUMNS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self._loading = False
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_ask(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._on_commit()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def value(self) -> tuple[Any, str | None]:
        """The asks with words in them; a response without its ask is a problem, not silently dropped."""
        asks: list[Ask] = []
        for row in range(self.table.rowCount()):
            ask, response = self._cell(row, 0), self._cell(row, 1)
            if not ask and response:
                return asks, f"Likely asks, row {row + 1}: a response needs the ask it answers"
            if ask:
                asks.append(Ask(ask=ask, response=response))
        return asks, None

    def set_value(self, value: Any) -> None:
        if list(value or []) == self.value()[0]:
            return
        self._loading = True
        self.table.setRowCount(0)
        for ask in value or []:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(ask.ask))
            self.table.setItem(row, 1, QTableWidgetItem(ask.response))
        self.table.resizeRowsToContents()
        self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                                   QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)
            button.setVisible(not read_only)


class ContinuesField(FieldEditor):
    """The item of an earlier meeting this one continues, with what came of it underneath."""

    NONE = "(does not continue an earlier item)"

    def __init__(self, on_commit: Commit, outcome: Callable[[int], str]):
        self.choice = ChoiceField(on_commit, [(None, self.NONE)])
        self.combo = self.choice.widget
        self._outcome = outcome
        self.outcome = QLabel(wordWrap=True, objectName="continues-outcome")
        self.outcome.setAccessibleName("Outcome of the earlier item")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.outcome)
        self.widget.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self._explain())
        self.outcome.hide()

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        self.choice.set_choices([(None, self.NONE), *choices])
        self._explain()

    def _explain(self) -> None:
        chosen = self.combo.currentData()
        self.outcome.setText(self._outcome(chosen) if chosen is not None else "")
        self.outcome.setVisible(chosen is not None)

    def value(self) -> tuple[Any, str | None]:
        return self.combo.currentData(), None

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
        self._explain()

    def set_read_only(self, read_only: bool) -> None:
        self.choice.set_read_only(read_only)
