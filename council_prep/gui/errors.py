"""Unexpected errors: logged to a rotating file and shown in a dialog, never closing the window.

The log handler, platformdirs and message boxes are imported where they are used, not at start.
"""

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

log = logging.getLogger("council_prep.gui")


def log_file() -> Path:
    from platformdirs import user_log_path

    return user_log_path("council-prep", appauthor=False) / "council-prep.log"


def setup_logging(path: Path | None = None) -> Path:
    """Send our log to a rotating file (1 MB x 3); returns its path for the error dialog."""
    from logging.handlers import RotatingFileHandler

    path = path or log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("council_prep")
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ErrorHook:
    """sys.excepthook replacement: an exception in a slot is logged and reported, and the app goes on."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self._previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        from council_prep.gui import messages

        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        messages.error(
            QApplication.activeWindow(), "Unexpected error",
            f"Something went wrong: {error}\n\nYour edits so far are saved in the store. "
            f"Details were written to the log file:\n{self.log_path}",
            name="unexpected-error",
        )
