"""Opening the SQLite file: every way it can fail becomes one of our errors with a plain message."""

import contextlib
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from council_prep.store import errors

BUSY_TIMEOUT_SECONDS = 10.0
_NOT_A_DATABASE = ("file is not a database", "file is encrypted")
# Primary result codes (the low byte of an extended code) of sqlite3 errors.
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 3, 8, 10, 13, 14
_WRITE_FAILURES = (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN)
_CORRUPT = ("malformed", "disk image", "database corrupt")


def is_writable(path: Path) -> bool:
    """Writable for us: by permission bits too, since root ignores them and a user may not.

    The folder counts as well: SQLite writes its -wal and -shm files beside the store.
    """
    folder_writable = os.access(path.parent, os.W_OK) and bool(path.parent.stat().st_mode & stat.S_IWUSR)
    if not path.exists():
        return folder_writable
    return folder_writable and os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """Open `path` (which must be in an existing folder) in autocommit mode with our pragmas."""
    if not path.parent.is_dir():
        raise errors.StoreNotFoundError(f"{path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise errors.NotAStoreError(f"{path}: is a folder, not a store file")
    _refuse_odd_files(path)
    if read_only and not path.exists():
        raise errors.StoreNotFoundError(f"{path}: no such store")
    if read_only and path.stat().st_size == 0:
        raise errors.NotAStoreError(f"{path}: an empty file, not a council-prep store")
    if not read_only and not is_writable(path):
        raise errors.StoreReadOnlyError(
            f"{path}: the store is read-only (file or folder permissions); open it read-only to review it"
        )
    with translated(path):
        conn = _open_read_only(path) if read_only else _open(path.resolve().as_uri())
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


def _refuse_odd_files(path: Path) -> None:
    """Links that lead nowhere and files that are not files (a pipe would block the open forever)."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError as exc:  # a loop of links, before Python 3.13
            raise errors.StoreNotFoundError(f"{path}: a link in a loop of links, to no file") from exc
        except OSError as exc:
            what = "in a loop of links, to no file" if exc.errno == errno.ELOOP else "to a file that does not exist"
            raise errors.StoreNotFoundError(f"{path}: a link {what} ({os.readlink(path)})") from exc
    if path.exists() and not path.is_file():
        raise errors.NotAStoreError(f"{path}: not a regular file (a device or a pipe), so not a store")


def _open(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                           check_same_thread=False)


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading; a store on read-only media is opened as immutable when it has to be.

    A store in WAL mode needs its -shm file, which SQLite cannot create in a read-only folder
    (a CD, a write-protected stick, a read-only share). Without a -wal file every change is in
    the main file, so reading it as immutable (no locks, no -shm) sees all of it; with a -wal
    file that cannot be read alongside, refusing is the only honest answer.
    """
    uri = path.resolve().as_uri()
    conn = None
    try:
        conn = _open(f"{uri}?mode=ro")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        if exc.sqlite_errorcode & 0xFF != _SQLITE_CANTOPEN or not path.is_file():
            raise
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise errors.StoreReadOnlyError(
                f"{path}: the store's recent changes ({wal.name}) cannot be read in this read-only folder; "
                "copy the store and its -wal file to a writable folder"
            ) from exc
    return _open(f"{uri}?immutable=1")


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn sqlite3 and OS errors into store errors that name the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise translate(path, exc) from exc
    except errors.UnreadableValueError as exc:
        if str(exc).startswith(f"{path}: "):
            raise
        raise errors.UnreadableValueError(f"{path}: {exc}") from exc
    except PermissionError as exc:
        raise errors.StoreReadOnlyError(f"{path}: permission denied ({exc.strerror})") from exc


@contextlib.contextmanager
def translated_copy(source: Path, destination: Path) -> Iterator[None]:
    """Like `translated`, for copying `source` to `destination`: a failure to write names the
    destination, a failure to read the source names the source."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        writing = getattr(exc, "sqlite_errorcode", 0) & 0xFF in _WRITE_FAILURES
        raise translate(destination if writing else source, exc) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.StoreWriteError(f"the disk is full or the file cannot be written: {destination}") from exc
        raise errors.StoreWriteError(f"{destination}: cannot be written ({exc.strerror or exc})") from exc


def translate(path: Path, exc: sqlite3.DatabaseError) -> errors.StoreError:
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (_SQLITE_FULL, _SQLITE_IOERR):
        return errors.StoreWriteError(f"the disk is full or the file cannot be written: {path}")
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
