"""An open store in the window: its undo stack, its lock, and one signal for every change."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from council_prep.domain import Record
from council_prep.errors import CouncilPrepError
from council_prep.gui.commands import AddRecord, DeleteRecord, StoreCommand, UpdateRecord
from council_prep.gui.lock import StoreLock
from council_prep.store import Store, StoreError


class Session(QObject):
    """Every edit goes through `push`: written to the store now, undoable later, announced by `changed`."""

    changed = Signal(str)  # the store table that changed: "agenda", "law_changes", ...
    failed = Signal(str)  # a message for the user: an edit could not be saved
    refused = Signal(str)  # an edit asked of a read-only store: said quietly, it is no error
    saved = Signal(str)  # the name of the step just saved, for the status bar
    read_only_changed = Signal(bool)

    def __init__(self, store: Store, lock: StoreLock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.lock = lock
        self.undo_stack = QUndoStack(self)
        self._read_only = store.read_only

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self._read_only

    def make_read_only(self) -> None:
        """Stop editing (the store vanished or became unwritable); reading goes on where it can."""
        if not self._read_only:
            self._read_only = True
            self.undo_stack.clear()
            self.read_only_changed.emit(True)

    def guarded(self, action, kind: str) -> bool:
        """Run a store action; a store or validation error becomes a `failed` message, not a crash."""
        try:
            action()
        except (StoreError, CouncilPrepError, ValueError) as exc:
            self.failed.emit(str(exc))
            self.changed.emit(kind)
            return False
        self.changed.emit(kind)
        return True

    def push(self, command: StoreCommand) -> bool:
        """Apply `command` to the store; only a command that succeeded enters the undo stack."""
        if self._read_only:
            self.refused.emit(f"{self.path.name} is open read-only; changes are not saved")
            return False
        if not self.guarded(command.apply, command.kind):
            return False
        self.undo_stack.push(command)
        self.saved.emit(command.text())
        return True

    # Shorthands
    def add(self, kind: str, record: Record) -> Record | None:
        command = AddRecord(self, kind, record)
        return command.table.get(command.added_id) if self.push(command) else None

    def update(self, kind: str, before: Record, after: Record) -> bool:
        return self.push(UpdateRecord(self, kind, before, after))

    def delete(self, kind: str, record: Record) -> bool:
        return self.push(DeleteRecord(self, kind, record))

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
        if self.lock is not None:
            self.lock.release()
