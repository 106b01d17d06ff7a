"""A store's site: who made each step. Copies of one store become sites of their own.

A store file copied by hand (a file copy, a backup) keeps the identity of the store it came from
(`store_id`, by which private notes are kept) but must not keep its site, or two laptops would
speak with one voice when their changes are merged. The site remembers which file it belongs to
(device and inode); at the first write in another file, the copy takes a new site id.
"""

import sqlite3
import uuid
from pathlib import Path


def fingerprint(path: Path) -> str:
    found = path.stat()
    return f"{found.st_dev}:{found.st_ino}"


def site_for_writing(conn: sqlite3.Connection, path: Path) -> str:
    """This file's site id, made anew when the file is a copy; call inside a write transaction."""
    site, owner = (conn.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()[0]
                   for key in ("site_id", "site_file"))
    here = fingerprint(path)
    if owner == here:
        return site
    if owner:  # written before in another file: this one is a copy
        site = uuid.uuid4().hex
        conn.execute("UPDATE store_meta SET value = ? WHERE key = 'site_id'", [site])
    conn.execute("UPDATE store_meta SET value = ? WHERE key = 'site_file'", [here])
    return site


def site_id(conn: sqlite3.Connection) -> str:
    return conn.execute("SELECT value FROM store_meta WHERE key = 'site_id'").fetchone()[0]
