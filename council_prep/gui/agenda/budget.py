"""The time budget: the items' minutes against the session's length, red when they overrun."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from council_prep.domain.schedule import over_budget

OVER_COLOUR = QColor(196, 43, 28)  # a red that reads on light and dark palettes alike


class BudgetBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Time budget")
        self.bar.setTextVisible(True)
        self.label = QLabel()
        self.label.setAccessibleName("Time budget summary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Time budget:"))
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.over = 0

    def show_budget(self, length_minutes: int, minutes: list[int], ends: str) -> None:
        total = sum(minutes)
        self.over = over_budget(length_minutes, minutes)
        self.bar.setRange(0, max(length_minutes, 1))
        self.bar.setValue(min(total, length_minutes))
        self.bar.setFormat(f"{total} of {length_minutes} min")
        bar_palette, label_palette = self.palette(), self.palette()
        if self.over:
            bar_palette.setColor(QPalette.ColorRole.Highlight, OVER_COLOUR)
            label_palette.setColor(QPalette.ColorRole.WindowText, OVER_COLOUR)
            self.label.setText(f"Over by {self.over} min · ends {ends}")
        else:
            self.label.setText(f"{length_minutes - total} min to spare · ends {ends}")
        self.bar.setPalette(bar_palette)
        self.label.setPalette(label_palette)
