"""Background work: a core function runs on a pool thread; its result, error and progress come back
to the main thread as queued signals. Workers never touch widgets."""

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class Operation(QRunnable):
    """Run `work(progress, cancelled)` off the main thread.

    `progress(done, total)` may be called from the worker; `cancel()` makes `cancelled()` true.
    Connect to `signals.succeeded / failed / progress`; they arrive on the main thread.
    """

    def __init__(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self.cancelled)
        except Exception as exc:  # reported to the user by whoever started the operation
            log.info("Background operation ended with %s: %s", type(exc).__name__, exc)
            self.done.set()
            self.signals.failed.emit(exc)
            return
        self.done.set()
        self.signals.succeeded.emit(result)

    def start(self, pool: QThreadPool | None = None) -> "Operation":
        (pool or QThreadPool.globalInstance()).start(self)
        return self
