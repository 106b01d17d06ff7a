"""An open store in the window: its undo stack, its lock, and one signal for every change."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from council_prep.domain import Record
from council_prep.errors import CouncilPrepError
from council_prep.gui.clock import Clock
from council_prep.gui.commands import StepCommand
from council_prep.gui.lock import StoreLock
from council_prep.gui.tasks import TaskRunner
from council_prep.store import Store, StoreError
from council_prep.store.changes import Changes

UNDO_DEPTH = 200  # steps of earlier sessions put back on the Edit menu's stack at open
LARGE_STEP = 2_000  # changes: an undo or redo of more runs in the background with progress


class Session(QObject):
    """Every edit goes through `write`: one step of the store's change log, undoable, announced by
    `changed` with what it changed and the widget that made it (so that widget need not reload)."""

    changed = Signal(object, object)  # Changes, the initiating widget or None
    failed = Signal(str)  # a message for the user: an edit could not be saved
    refused = Signal(str)  # an edit asked of a read-only store: said quietly, it is no error
    saved = Signal(str)  # the name of the step just saved, for the status bar
    read_only_changed = Signal(bool)

    def __init__(self, store: Store, lock: StoreLock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.lock = lock
        self.undo_stack = QUndoStack(self)
        self.runner: TaskRunner | None = None  # the window's, for slow work
        self.clock = Clock(parent=self)  # deadlines (commitments, reports, the book) are measured against it
        self._closed = False
        self._read_only = store.read_only
        self._restore_undo()

    def _restore_undo(self) -> None:
        """Steps of earlier sessions stay undoable: the store keeps them, the stack shows their names."""
        if self._read_only:
            return
        for step_id, label in reversed(self.store.undoable_steps(UNDO_DEPTH)):
            self.undo_stack.push(StepCommand(self, step_id, label))
        self.undo_stack.setClean()

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

    def write(self, label: str | None, action: Callable[[], Any], initiator: object = None) -> Changes | None:
        """Run `action` as one step; returns what it changed, or None when it failed (said by `failed`).

        A step that changed nothing (a record shown and left as it was) is not put on the stack.
        """
        if self._read_only:
            self.refused.emit(f"{self.path.name} is open read-only; changes are not saved")
            return None
        try:
            with self.store.transaction(label):
                action()
        except (StoreError, CouncilPrepError, ValueError) as exc:
            self.failed.emit(str(exc))
            return None
        return self._announce(self.store.last_changes, initiator)

    def write_in_background(self, progress: str, label: str | None, action: Callable[[], Any],
                            then: Callable[[Changes | None], None], initiator: object = None) -> None:
        """`write` for slow work (a large import): `action` runs on the runner's thread behind a progress
        dialog saying `progress`; `then(changes)` follows on this thread (None when it failed)."""
        if self._read_only or self.runner is None:
            then(self.write(label, action, initiator))
            return

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Changes | None:
            with self.store.transaction(label):
                action()
            return self.store.last_changes

        def failed(exc: Exception) -> None:
            if not isinstance(exc, (StoreError, CouncilPrepError, ValueError)):
                raise exc
            self.failed.emit(str(exc))
            then(None)

        self.runner.run(progress, work, lambda changes: then(self._announce(changes, initiator)), failed)

    def _announce(self, changes: Changes | None, initiator: object) -> Changes | None:
        """Put a written step on the undo stack and tell the window what it changed."""
        if changes and not self._closed:
            self.undo_stack.push(StepCommand(self, changes.step_id, changes.label))  # type: ignore[arg-type]
            self.changed.emit(changes, initiator)
            self.saved.emit(changes.label)
        return changes

    def replay(self, step_id: int, *, undo: bool) -> None:
        """Undo or redo a step of the stack in the store (a large one in the background); a refusal
        (changed meanwhile) or a cancel clears the stack, since it no longer matches the store."""
        verb = "undo" if undo else "redo"

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Changes:
            replay = self.store.undo if undo else self.store.redo
            return replay(step_id, progress=progress, cancelled=cancelled)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, (StoreError, CouncilPrepError)):
                raise exc
            self.failed.emit(f"Cannot {verb}: {exc}")
            self.undo_stack.clear()

        def done(changes: Changes) -> None:
            if self._closed:  # finished while the window closed: the store is saved, nothing to show
                return
            self.changed.emit(changes, None)
            self.saved.emit(changes.label)

        if self.runner is not None and self.store.step_size(step_id) > LARGE_STEP:
            self.runner.run(f"{verb.capitalize()} in progress…", work, done, failed)
            return
        try:
            done(work(lambda _done, _total: None, lambda: False))
        except (StoreError, CouncilPrepError) as exc:
            failed(exc)

    # Shorthands; `table` is the store's attribute ("law_changes")
    def add(self, table: str, record: Record, initiator: object = None) -> Record | None:
        changes = self.write(None, lambda: getattr(self.store, table).add(record), initiator)
        return record if changes else None

    def update(self, table: str, before: Record, after: Record, initiator: object = None) -> bool:
        """Save `after` over the stored record (`before` is what the editor showed)."""
        return self.write(None, lambda: getattr(self.store, table).update(after), initiator) is not None

    def delete(self, table: str, record: Record, initiator: object = None) -> bool:
        return bool(self.write(None, lambda: getattr(self.store, table).delete(record.id), initiator))

    def close(self) -> None:
        self._closed = True
        self.undo_stack.clear()
        self.store.close()
        if self.lock is not None:
            self.lock.release()
