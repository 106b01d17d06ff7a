"""One runner for the window's slow work (large undo steps, and any write that takes long): the work
runs on a pool thread while a modal progress dialog keeps the window from touching the store;
closing the window waits for running writes (Picard's TaskCounter, Anki's CollectionOp)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from council_prep.gui.operations import Operation

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskRunner(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._running: set[Operation] = set()

    def run(self, label: str, work: Work, done: Callable[[Any], None],
            failed: Callable[[Exception], None]) -> Operation:
        """Start `work(progress, cancelled)`; `done(result)` or `failed(error)` run on the main thread."""
        operation = Operation(work)
        dialog = QProgressDialog(label, "Cancel", 0, 0, self.window)
        dialog.setObjectName("task-progress")
        dialog.setWindowTitle("council-prep")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(operation.cancel)

        def progress(count: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(count)

        def finish(then: Callable[[Any], None], value: Any) -> None:
            self._running.discard(operation)
            dialog.reset()
            dialog.deleteLater()
            then(value)

        operation.signals.progress.connect(progress)
        operation.signals.succeeded.connect(lambda result: finish(done, result))
        operation.signals.failed.connect(lambda error: finish(failed, error))
        self._running.add(operation)
        return operation.start()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, seconds: float = 30.0) -> bool:
        """Wait for running work (a write is never cut off by closing); True when all ended."""
        return all(operation.done.wait(seconds) for operation in list(self._running))
