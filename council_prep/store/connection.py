"""Opening the SQLite file: every way it can fail becomes one of our errors with a plain message."""

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from council_prep.store import errors

BUSY_TIMEOUT_SECONDS = 10.0
_NOT_A_DATABASE = ("file is not a database", "file is encrypted")
_CORRUPT = ("malformed", "disk image", "database corrupt")


def is_writable(path: Path) -> bool:
    """Writable for us: by permission bits too, since root ignores them and a user may not."""
    if not path.exists():
        return os.access(path.parent, os.W_OK)
    mode = path.stat().st_mode
    return os.access(path, os.W_OK) and bool(mode & stat.S_IWUSR) and os.access(path.parent, os.W_OK)


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Open `path` (which must be in an existing folder) in autocommit mode with our pragmas."""
    if not path.parent.is_dir():
        raise errors.StoreNotFoundError(f"{path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise errors.NotAStoreError(f"{path}: is a folder, not a store file")
    if read_only and not path.exists():
        raise errors.StoreNotFoundError(f"{path}: no such store")
    if not read_only and not is_writable(path):
        raise errors.StoreReadOnlyError(
            f"{path}: the store is read-only (file or folder permissions); open it read-only to review it"
        )
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    with translated(path):
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
    return conn


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn sqlite3 and OS errors into store errors that name the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise translate(path, exc) from exc
    except PermissionError as exc:
        raise errors.StoreReadOnlyError(f"{path}: permission denied ({exc.strerror})") from exc


def translate(path: Path, exc: sqlite3.DatabaseError) -> errors.StoreError:
    text = str(exc).lower()
    if any(marker in text for marker in _NOT_A_DATABASE):
        return errors.NotAStoreError(f"{path}: not a council-prep store (not an SQLite database)")
    if any(marker in text for marker in _CORRUPT):
        return errors.CorruptStoreError(
            f"{path}: the store is damaged ({exc}); restore it from a backup"
        )
    if "readonly" in text or "read-only" in text:
        return errors.StoreReadOnlyError(f"{path}: the store is read-only; changes cannot be saved")
    if "locked" in text or "busy" in text:
        return errors.StoreBusyError(
            f"{path}: another program is writing to the store; try again in a moment"
        )
    if "unable to open" in text:
        return errors.StoreNotFoundError(f"{path}: the store cannot be opened ({exc})")
    if isinstance(exc, sqlite3.IntegrityError):
        return errors.StoreError(f"{path}: the change conflicts with other records ({exc})")
    return errors.StoreError(f"{path}: {exc}")
