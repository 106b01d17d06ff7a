"""Opening a store for the window: one editor at a time, read-only review otherwise, and a watch on the file."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from council_prep.gui.lock import StoreLock
from council_prep.gui.session import Session
from council_prep.store import Store, StoreBusyError, StoreReadOnlyError
from council_prep.store.connection import is_writable

# Asked when the store cannot be edited here; True opens it read-only instead.
AskReadOnly = Callable[[str], bool]


def ask_with_dialog(parent: QWidget | None) -> AskReadOnly:
    """The interactive answer: a question box (blocking, used before or between sessions only)."""

    def ask(reason: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent, "Store in use", f"{reason}\n\nOpen it read-only to review it?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    return ask


def open_session(path: Path, *, read_only: bool, ask: AskReadOnly) -> Session:
    """Open `path` for editing (taking its lock), or read-only when asked for or agreed to."""
    path = Path(path).expanduser().resolve()
    if path.exists() and not is_writable(path):
        read_only = True  # a store on read-only media or with read-only permissions opens for review
    if not read_only:
        lock = StoreLock(path)
        if lock.acquire():
            try:
                store = Store.open(path)
                return Session(store, lock)
            except StoreReadOnlyError as exc:
                lock.release()
                if not ask(str(exc)):
                    raise
            except BaseException:
                lock.release()
                raise
        elif not ask(f"{path.name} is already open for editing in another council-prep window "
                     f"({lock.holder()})."):
            raise StoreBusyError(f"{path}: already open in another council-prep window")
    return Session(Store.open(path, read_only=True))


class StoreWatch(QObject):
    """Notices a store file that vanished or became read-only while open (checked every few seconds)."""

    lost = Signal(str)

    def __init__(self, session: Session, interval_ms: int = 3000, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self, interval=interval_ms, timeout=self.check)
        self.timer.start()

    def check(self) -> str | None:
        path = self.session.path
        if self.session.read_only:
            problem = None if path.exists() else f"{path}: the store file has vanished"
        elif not path.exists():
            problem = f"{path}: the store file has vanished; editing is stopped so no change goes astray"
        elif not is_writable(path):
            problem = f"{path}: the store has become read-only; editing is stopped"
        else:
            problem = None
        if problem:
            self.timer.stop()
            self.session.make_read_only()
            self.lost.emit(problem)
        return problem
