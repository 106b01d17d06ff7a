"""The raw baseline of an import: openpyxl (read-only) and sqlite3 only, none of the app's code.

    python benchmarks/raw/xlsx_import.py WORKBOOK STORE MEETING LABELS.json [--read-only]

Reads every row of the workbook's Questions sheet, turns its labels back into the store's codes
(LABELS maps each choice column's labels to codes; topics come from the store's own table),
and inserts the rows as new questions of MEETING in one transaction, indexing them for search
in one statement afterwards, as a careful sqlite3 user would. With --read-only it only iterates
the rows (the bare reading cost).
"""

import json
import sqlite3
import sys
import uuid
from datetime import UTC, datetime

from openpyxl import load_workbook

COLUMNS = {"Question": "text", "Asker": "asker_name", "Organization": "organization", "Asker type": "asker_type",
           "Topic": "topic_key", "Channel": "channel", "Received": "received_at", "Status": "status",
           "Assignee": "assignee", "Suggested answer": "suggested_answer", "Confidential": "confidential"}


def main(workbook: str, store: str, meeting: str, labels_path: str, *flags: str) -> None:
    book = load_workbook(workbook, read_only=True)
    rows = book["Questions"].iter_rows(values_only=True)
    if "--read-only" in flags:
        for _ in rows:
            pass
        return
    with open(labels_path) as file:
        labels: dict[str, dict[str, str]] = json.load(file)
    conn = sqlite3.connect(store, isolation_level=None)
    labels["topic_key"] = {label: key for key, label in conn.execute("SELECT key, label FROM topics")}
    labels["confidential"] = {"Yes": 1, "No": 0}
    header = next(rows)
    picks = [(n, COLUMNS[h]) for n, h in enumerate(header) if h in COLUMNS]
    names = ["uid", "created_at", "updated_at", "meeting_id", *(c for _, c in picks)]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    insert = f"INSERT INTO questions ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"

    def records():
        for row in rows:
            values = [str(uuid.uuid4()), now, now, int(meeting)]
            for n, column in picks:
                value = row[n]
                if column in labels:
                    value = labels[column].get(value)
                elif isinstance(value, datetime):
                    value = value.isoformat()
                values.append("" if value is None and column not in ("topic_key", "received_at") else value)
            yield values

    conn.execute("BEGIN")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'questions_search_insert'").fetchone()
    if trigger:
        conn.execute("DROP TRIGGER questions_search_insert")
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM questions").fetchone()[0]
    conn.executemany(insert, records())
    body = ("rtrim(coalesce(nullif(asker_name, '') || ' · ', '') || coalesce(nullif(organization, '') || ' · ', '') "
            "|| coalesce(nullif(assignee, '') || ' · ', '') || coalesce(nullif(suggested_answer, '') || ' · ', ''), "
            "' · ')")
    conn.execute(f"INSERT INTO search_index(rowid, kind, title, body) SELECT id * 16 + 3, 'question', text, {body} "
                 "FROM questions WHERE id >= ?", [first])
    if trigger:
        conn.execute(trigger[0])
    conn.execute("COMMIT")


if __name__ == "__main__":
    main(*sys.argv[1:])
