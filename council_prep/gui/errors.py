"""Unexpected errors: logged to a rotating file and shown in a dialog, never closing the window.

The log file, its handler's module (which imports socket and pickle), platformdirs and message boxes
are set up where first used, not at start: most sessions never write a log line.
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


class LogFile(logging.Handler):
    """Writes to a rotating file (1 MB x 3) that is opened when the first record arrives.

    `path` None means the user's log folder, looked up then too.
    """

    def __init__(self, path: Path | None = None):
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self.path = self.path or log_file()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = RotatingFileHandler(self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            self._file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(path: Path | None = None) -> LogFile:
    """Send our log to a rotating file, `path` or the user's log folder's; the handler tells the path."""
    root = logging.getLogger("council_prep")
    for handler in root.handlers:
        if isinstance(handler, LogFile) and handler.path == path:
            return handler
    handler = LogFile(path)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ErrorHook:
    """sys.excepthook replacement: an exception in a slot is logged and reported, and the app goes on."""

    def __init__(self, log: LogFile):
        self.log = log
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
            f"Details were written to the log file:\n{self.log.path}",
            name="unexpected-error",
        )
