"""One partner's enforcement figures as a table: an indicator per row, a year per column.

A cell is empty when no figure was recorded, and reads "Unavailable" (in italics, with its own
tooltip) when the partner's figure is known not to exist: the two never look alike.
"""

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont

from council_prep.domain import EnforcementFigure, FigureStatus
from council_prep.domain.enforcement import INDICATORS, Indicator

Index = QModelIndex | QPersistentModelIndex
UNAVAILABLE_WORDS = {"unavailable", "n/a", "na", "not available"}
PART_MARK = " *"  # a figure that holds for part of the country only


@dataclass(frozen=True)
class CellEdit:
    """What the user typed in a cell, read: remove the figure, mark it unavailable, or a value."""

    figure: EnforcementFigure | None  # the figure shown before, if any
    partner_code: str
    year: int
    indicator: Indicator
    remove: bool = False
    unavailable: bool = False
    value: float | None = None

    def after(self) -> EnforcementFigure | None:
        """The figure to store (None: remove it)."""
        if self.remove:
            return None
        status = FigureStatus.UNAVAILABLE if self.unavailable else FigureStatus.REPORTED
        if self.figure is None:
            return EnforcementFigure(partner_code=self.partner_code, year=self.year, indicator=self.indicator.key,
                                     value=self.value, status=status)
        return replace(self.figure, value=self.value, status=status, demo=False)


def read_cell(text: str, indicator: Indicator) -> tuple[float | None, bool]:
    """(value, unavailable) from what was typed; ValueError says what is wrong in the user's words."""
    typed = text.strip().casefold()
    if typed in UNAVAILABLE_WORDS:
        return None, True
    if indicator.unit == "yes_no":
        if typed in ("yes", "y", "1", "true"):
            return 1.0, False
        if typed in ("no", "n", "0", "false"):
            return 0.0, False
        raise ValueError(f"{indicator.label}: '{text.strip()}' is not yes, no or unavailable")
    cleaned = typed.removeprefix("usd").replace(",", "").replace("$", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{indicator.label}: '{text.strip()}' is not a number (or 'unavailable')") from None
    return value, False


class FiguresModel(QAbstractTableModel):
    """The figures of one partner; editing a cell asks for a write through `edit_requested`."""

    edit_requested = Signal(object)  # a CellEdit
    problem = Signal(str)  # what was typed cannot be a figure

    def __init__(self, parent=None):
        super().__init__(parent)
        self.partner_code = ""
        self.years: list[int] = []
        self.figures: dict[tuple[str, int], EnforcementFigure] = {}

    def set_figures(self, partner_code: str, figures: list[EnforcementFigure]) -> None:
        self.beginResetModel()
        self.partner_code = partner_code
        self.figures = {(f.indicator, f.year): f for f in figures}
        self.years = sorted({f.year for f in figures})
        self.endResetModel()

    def add_year(self, year: int) -> None:
        """An empty column for a year with no figures yet, to type them in."""
        if year not in self.years:
            self.beginResetModel()
            self.years = sorted([*self.years, year])
            self.endResetModel()

    def figure(self, index: Index) -> EnforcementFigure | None:
        if not index.isValid():
            return None
        return self.figures.get((INDICATORS[index.row()].key, self.years[index.column()]))

    def demo(self) -> bool:
        return any(f.demo for f in self.figures.values())

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(INDICATORS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.years)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        indicator, figure = INDICATORS[index.row()], self.figure(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if figure is None:
            return None
        unavailable = figure.status == FigureStatus.UNAVAILABLE
        if role == Qt.ItemDataRole.DisplayRole:
            return indicator.shown(None if unavailable else figure.value) + (PART_MARK if figure.scope else "")
        if role == Qt.ItemDataRole.EditRole:
            return "unavailable" if unavailable else indicator.shown(figure.value).removeprefix("USD ")
        if role == Qt.ItemDataRole.FontRole and unavailable:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{indicator.label}, {figure.year}: "
                     + ("reported unavailable by the partner" if unavailable else indicator.shown(figure.value))]
            lines += [f"{what}: {text}" for what, text in (("Holds for", figure.scope), ("Source", figure.source),
                                                         ("Note", figure.note)) if text]
            if figure.demo:
                lines.append("Demo data: invented, not a real statistic")
            return "\n".join(lines)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        indicator, year, figure = INDICATORS[index.row()], self.years[index.column()], self.figure(index)
        text = str(value or "")
        edit = CellEdit(figure, self.partner_code, year, indicator)
        if not text.strip():
            if figure is None:
                return False
            edit = replace(edit, remove=True)
        else:
            try:
                number, unavailable = read_cell(text, indicator)
            except ValueError as exc:
                self.problem.emit(str(exc))
                return False
            edit = replace(edit, value=number, unavailable=unavailable)
        # Written once the editor has closed: the write reloads the model, which must not happen under the editor.
        QTimer.singleShot(0, lambda: self.edit_requested.emit(edit))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.years[section])
        return INDICATORS[section].label
