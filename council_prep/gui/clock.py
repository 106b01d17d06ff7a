"""Today's date for the window, read through one clock so a view can follow midnight (and a test can move it)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

CHECK_MS = 60_000  # how often the clock looks whether the date changed


class Clock(QObject):
    """`today()` is the date every deadline is measured against; `day_changed` fires when it moves on.

    Past-due flags and countdowns are computed from it when shown, so nothing has to run at midnight
    but a repaint.
    """

    day_changed = Signal(object)  # the new date

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self._today = today
        self._last = today()
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self.check)
        self._timer.start()

    def today(self) -> date:
        return self._today()

    def set_source(self, today: Callable[[], date]) -> None:
        """Read the date from `today` from now on (another time zone, a test's calendar)."""
        self._today = today
        self.check()

    def check(self) -> None:
        """Say so when the date is not the one last seen."""
        now = self._today()
        if now != self._last:
            self._last = now
            self.day_changed.emit(now)
