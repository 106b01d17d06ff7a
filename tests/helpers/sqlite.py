"""Changing a store file behind the app's back, as another program or a newer version would."""

import sqlite3
from pathlib import Path


def execute_raw(path: Path, *statements: str) -> None:
    """Run `statements` on the file with plain sqlite3, committed, connection closed."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
