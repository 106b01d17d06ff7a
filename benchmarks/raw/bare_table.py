"""The bare baseline of the window on a large store: PySide6 and sqlite3 only, none of the app's code.

    python benchmarks/raw/bare_table.py STORE

A QMainWindow with a QTableView over the first meeting's questions (ids read at once, rows fetched
in pages of 200 as they come into sight, as any lazy Qt table over SQL would), a filter that asks
the full-text index, and a search list ranked by FTS5's bm25 over every match. It prints `shown`
once the first rows are painted, then does what BENCH_ACTIONS asks (the same actions as
benchmarks/probe.py), printing each timing as one JSON line.
"""

import json
import os
import re
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QTableView

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks' own paints.py
from paints import painted

COLUMNS = ("text", "asker_name", "organization", "status", "received_at")
PAGE = 200


def now_ms() -> float:
    return time.perf_counter() * 1000


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def expression(query: str) -> str:
    terms = [f'"{w}"' for w in re.findall(r"\w+", query)]
    terms[-1] += "*"
    return " ".join(terms)


class Questions(QAbstractTableModel):
    def __init__(self, conn: sqlite3.Connection):
        super().__init__()
        self.conn = conn
        self.ids: list[int] = []
        self.pages: dict[int, dict[int, tuple]] = {}

    def load(self, sql: str, params: list) -> None:
        self.beginResetModel()
        self.ids = [row[0] for row in self.conn.execute(sql, params)]
        self.pages = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        page = index.row() // PAGE
        if page not in self.pages:
            chunk = self.ids[page * PAGE:(page + 1) * PAGE]
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM questions WHERE id IN ({marks})", chunk)
            self.pages[page] = {row[0]: row[1:] for row in rows}
        row = self.pages[page].get(self.ids[index.row()])
        return None if row is None else str(row[index.column()] or "")


def main() -> None:
    app = QApplication([])
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    meetings = [row[0] for row in conn.execute("SELECT id FROM meetings ORDER BY id")]  # the first is the large
    model = Questions(conn)
    by_meeting = "SELECT id FROM questions WHERE meeting_id = ? ORDER BY id"
    model.load(by_meeting, [meetings[0]])
    window = QMainWindow()
    window.resize(1320, 820)
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.show()
    app.processEvents()
    table.viewport().grab()
    say(event="shown")
    for action in json.loads(os.environ.get("BENCH_ACTIONS", "[]")):
        if action[0] == "tab":
            say(event="tab", tab=action[1], ms=0.0)
        elif action[0] == "switch":
            large, small = (conn.execute("SELECT id FROM meetings WHERE title = ?", [t]).fetchone()[0]
                            for t in action[2:4])
            times: dict[int, list[float]] = {}
            for _ in range(action[1]):
                for meeting in (small, large):
                    began = now_ms()
                    model.load(by_meeting, [meeting])
                    app.processEvents()
                    table.viewport().grab()
                    times.setdefault(meeting, []).append(now_ms() - began)
            say(event="switch", to_large=times[large], to_small=times[small])
        elif action[0] == "filter":  # as the probe: the meeting's rows shown, then a word typed
            ready: dict[str, list[float]] = {}
            found: dict[str, list[float]] = {}
            forced = 0
            for _ in range(action[2]):
                for word in action[1]:
                    model.load(by_meeting, [meetings[0]])
                    app.processEvents()
                    table.viewport().grab()
                    began = now_ms()
                    model.load("SELECT id FROM questions WHERE id IN (SELECT rowid / 16 FROM search_index "
                               "WHERE search_index MATCH ? AND rowid % 16 = 3) AND +meeting_id = ? ORDER BY id",
                               [expression(word), meetings[0]])
                    ready.setdefault(word, []).append(now_ms() - began)
                    forced += not painted(app, table)
                    found.setdefault(word, []).append(now_ms() - began)
            say(event="filter", ready=ready, times=found, rows={w: model.rowCount() for w in action[1][-1:]},
                forced_paints=forced)
        elif action[0] == "search":
            results = QStringListModel()
            view = QListView()
            view.setModel(results)
            view.resize(720, 480)
            view.show()
            ready, found, forced = {}, {}, 0
            for _ in range(action[2]):
                for query in action[1]:
                    results.setStringList([])  # as the probe: the box cleared first
                    app.processEvents()
                    view.viewport().grab()
                    began = now_ms()
                    hits = conn.execute(
                        "SELECT rowid, kind, bm25(search_index, 10.0, 1.0) AS rank, "
                        "highlight(search_index, 1, '[', ']'), snippet(search_index, 2, '[', ']', '…', 14) "
                        "FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50",
                        [expression(query)]).fetchall()
                    results.setStringList([f"{h[3]}\n{h[4]}" for h in hits])
                    ready.setdefault(query, []).append(now_ms() - began)
                    forced += not painted(app, view)
                    found.setdefault(query, []).append(now_ms() - began)
            say(event="search", ready=ready, times=found, hits={q: results.rowCount() for q in action[1][-1:]},
                forced_paints=forced)


main()
