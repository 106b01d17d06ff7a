"""One editor per store: a QLockFile beside it tells a second instance to open read-only."""

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".lock")


class StoreLock:
    """Held while a window edits the store; a stale lock (crashed app) is taken over."""

    def __init__(self, store: Path):
        self.path = lock_path(store)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when this instance may edit; False when another live instance holds the store."""
        return self._lock.tryLock(0)

    def holder(self) -> str:
        """Who holds the lock, in words ('process 1234 on host')."""
        info = self._lock.getLockInfo()
        return f"process {info[0]} on {info[1]}" if info and info[0] else "another program"

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
