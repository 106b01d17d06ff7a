"""Exchange packages: the steps of a store's change log after a position, in a small SQLite file.

A package is readable by any SQLite tool (tables `package`, `steps`, `changes`). Before anything
is applied it is checked: that it is SQLite, that it is ours, its schema version, its own integrity
and a digest of its changes, so a package cut short or edited by hand is refused whole.
SQLite's statistics and the search index never travel: they are rebuilt where the records land.
"""

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from council_prep.store.changelog import log_time
from council_prep.store.errors import StoreError
from council_prep.store.versions import SCHEMA_VERSION

FORMAT = "council-prep exchange package"
ORIGINS_SINCE = 7  # the schema from which packages say where each merged change came from
_SCHEMA = """
CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE steps (id INTEGER PRIMARY KEY, at TEXT NOT NULL, label TEXT NOT NULL, action TEXT NOT NULL,
                    site TEXT);
CREATE TABLE changes (id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL REFERENCES steps(id),
                      kind TEXT NOT NULL, uid TEXT NOT NULL, op TEXT NOT NULL, before TEXT, after TEXT,
                      origin TEXT);
"""


class PackageError(StoreError):
    """The file is not a council-prep package, or is damaged, edited, or from another schema."""


@dataclass(frozen=True)
class Package:
    """A checked package: where it comes from and its changes in order."""

    path: Path
    store_id: str
    site_id: str
    made_at: str
    upto: int  # the sender's last step in it
    steps: list[tuple[int, str, str, str, str | None]]  # id, at, label, action, site
    # id, step, kind, uid, op, before, after, origin (merge.py; None in packages made before schema 7)
    changes: list[tuple[int, int, str, str, str, str | None, str | None, str | None]]


def write_package(conn: sqlite3.Connection, output: Path, *, store_id: str, site_id: str, after_step: int) -> int:
    """Write the steps after `after_step` to `output` (replaced only once complete); returns how many."""
    steps = conn.execute("SELECT id, at, label, action, site FROM steps WHERE id > ? ORDER BY id",
                         [after_step]).fetchall()
    changes = conn.execute("SELECT c.id, c.step_id, c.kind, c.uid, c.op, c.before, c.after, c.origin "
                           "FROM changes c WHERE c.step_id > ? ORDER BY c.id", [after_step]).fetchall()
    upto = steps[-1][0] if steps else after_step
    meta = {"format": FORMAT, "schema_version": str(SCHEMA_VERSION), "store_id": store_id, "site_id": site_id,
            "made_at": log_time(), "after_step": str(after_step), "upto": str(upto), "digest": _digest(changes)}
    with _temporary_beside(output) as temp:
        target = sqlite3.connect(temp)
        try:
            for statement in _SCHEMA.strip().split(";\n"):
                target.execute(statement)
            target.executemany("INSERT INTO package VALUES (?, ?)", meta.items())
            target.executemany("INSERT INTO steps VALUES (?, ?, ?, ?, ?)", steps)
            target.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", changes)
            target.commit()
        finally:
            target.close()
    return len(steps)


def read_package(path: Path) -> Package:
    """The package at `path`, checked whole before the caller applies any of it."""
    if not path.is_file():
        raise PackageError(f"{path}: no such package")
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise PackageError(f"{path}: cannot be opened ({exc})") from exc
    try:
        return _checked(path, conn)
    except sqlite3.DatabaseError as exc:
        raise PackageError(f"{path}: not a council-prep package, or a damaged one ({exc})") from exc
    finally:
        conn.close()


def _checked(path: Path, conn: sqlite3.Connection) -> Package:
    (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
    if integrity != "ok":
        raise PackageError(f"{path}: the package is damaged ({integrity})")
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"package", "steps", "changes"} <= tables:
        raise PackageError(f"{path}: an SQLite file, but not a council-prep package")
    meta = dict(conn.execute("SELECT key, value FROM package").fetchall())
    if meta.get("format") != FORMAT:
        raise PackageError(f"{path}: an SQLite file, but not a council-prep package")
    version = int(meta.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise PackageError(f"{path}: made by a newer council-prep (schema {version}, this one knows "
                           f"{SCHEMA_VERSION}); update council-prep to merge it")
    if version < 4:
        raise PackageError(f"{path}: made by a council-prep too old to exchange changes (schema {version})")
    origin = "origin" if version >= ORIGINS_SINCE else "NULL"
    changes = conn.execute(f"SELECT id, step_id, kind, uid, op, before, after, {origin} FROM changes ORDER BY id"
                           ).fetchall()
    if meta.get("digest") != _digest([row[:7] for row in changes] if origin == "NULL" else changes):
        raise PackageError(f"{path}: the package's changes do not match its digest: it was cut short or "
                           f"edited; ask for it again")
    steps = conn.execute("SELECT id, at, label, action, site FROM steps ORDER BY id").fetchall()
    return Package(path, meta["store_id"], meta["site_id"], meta["made_at"], int(meta["upto"]), steps, changes)


def _digest(changes: list[tuple]) -> str:
    digest = hashlib.sha256()
    for row in changes:
        digest.update(repr(tuple(row)).encode("utf-8"))
    return digest.hexdigest()


@contextlib.contextmanager
def _temporary_beside(output: Path) -> Iterator[str]:
    """A temporary file in the target's folder, renamed over it when the block succeeds."""
    fd, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    os.close(fd)
    os.unlink(temp)  # sqlite3 makes the file itself
    try:
        yield temp
        os.replace(temp, output)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
