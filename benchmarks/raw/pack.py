"""The raw baseline of `pack`: sqlite3 only. Copies the change log's steps and changes made since a
moment into a new SQLite file with the same tables the package has.

    python benchmarks/raw/pack.py STORE OUTPUT SINCE
"""

import sqlite3
import sys
from pathlib import Path

Path(sys.argv[2]).unlink(missing_ok=True)
source = sqlite3.connect(sys.argv[1])
target = sqlite3.connect(sys.argv[2])
target.executescript("""
CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE steps (id INTEGER PRIMARY KEY, at TEXT NOT NULL, label TEXT NOT NULL, action TEXT NOT NULL, site TEXT);
CREATE TABLE changes (id INTEGER PRIMARY KEY, step_id INTEGER NOT NULL, kind TEXT NOT NULL, uid TEXT NOT NULL,
                      op TEXT NOT NULL, before TEXT, after TEXT);
""")
target.executemany("INSERT INTO steps VALUES (?, ?, ?, ?, ?)",
                   source.execute("SELECT id, at, label, action, site FROM steps WHERE at >= ? ORDER BY id",
                                  [sys.argv[3]]))
target.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)",
                   source.execute("SELECT c.id, step_id, kind, uid, op, before, after FROM changes c JOIN steps s "
                                  "ON s.id = c.step_id WHERE s.at >= ? ORDER BY c.id", [sys.argv[3]]))
target.commit()
