"""The raw baseline of one edit: sqlite3 only. Changes one question's text and time stamp in a
transaction of its own (the store's triggers re-index it), `REPEATS` times; prints the median.

    python benchmarks/raw/update.py STORE REPEATS
"""

import json
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime

conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA foreign_keys = ON")
question = conn.execute("SELECT id, text FROM questions ORDER BY id LIMIT 1 OFFSET 10").fetchone()
times = []
for n in range(int(sys.argv[2])):
    began = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE questions SET text = ?, updated_at = ? WHERE id = ?",
                 [f"{question[1]} (edit {n})", datetime.now(UTC).isoformat(timespec="seconds"), question[0]])
    conn.execute("COMMIT")
    times.append((time.perf_counter() - began) * 1000)
print(json.dumps({"event": "edit", "ms": statistics.median(times)}))
