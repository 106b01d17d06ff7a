"""Import: `council-prep import questions` of a workbook against openpyxl and sqlite3 doing the same."""

import json
import shutil
from pathlib import Path

from common import APP, PYTHON, RAW, Row, Spread, environment, interleaved, run
from data import large_store


def _new_rows_workbook(source: Path, target: Path) -> None:
    """The Questions sheet of `source` with its uid column emptied: every row a new question."""
    from openpyxl import Workbook, load_workbook

    book = load_workbook(source, read_only=True)
    out = Workbook(write_only=True)
    sheet = out.create_sheet("Questions")
    rows = book["Questions"].iter_rows(values_only=True)
    header = next(rows)
    sheet.append(header)
    uid = header.index("uid")
    for row in rows:
        sheet.append([None if n == uid else value for n, value in enumerate(row)])
    out.save(target)
    book.close()


def _labels() -> dict[str, dict[str, str]]:
    """Each choice column's labels and codes, as the app writes them (setting up, not measured)."""
    from council_prep.domain import AskerType, Channel, QuestionStatus, label

    return {column: {label(member): member.value for member in enum}
            for column, enum in (("asker_type", AskerType), ("channel", Channel), ("status", QuestionStatus))}


def _stored(store: Path) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(store)
    found = conn.execute("SELECT meeting_id, text, asker_name, organization, asker_type, topic_key, channel, "
                         "replace(received_at, ' ', 'T'), status, assignee, suggested_answer, confidential "
                         "FROM questions ORDER BY id").fetchall()
    found.append(conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'labor'").fetchone())
    conn.close()
    return found


def measure(folder: Path, questions: int, rounds: int) -> tuple[dict, list[Row]]:
    source = large_store(folder / "source.db", questions, 0)
    env = environment(folder)
    run([*APP, "export", "xlsx", "--store", str(source), "--meeting", "1", "-o", str(folder / "export.xlsx")], env)
    workbook = folder / "questions.xlsx"
    _new_rows_workbook(folder / "export.xlsx", workbook)
    empty = large_store(folder / "empty.db", 0, 0)
    (folder / "labels.json").write_text(json.dumps(_labels()))

    def fresh() -> Path:
        copy = folder / "target.db"
        shutil.copyfile(empty, copy)
        return copy

    def app():
        return run([*APP, "import", "questions", "--store", str(fresh()), "--meeting", "1", str(workbook)], env)

    def raw(*flags: str):
        return run([PYTHON, str(RAW / "xlsx_import.py"), str(workbook), str(fresh()), "1",
                    str(folder / "labels.json"), *flags], env)

    app(), shutil.copyfile(folder / "target.db", folder / "by-app.db")  # also warms the file cache
    raw()
    if _stored(folder / "by-app.db") != _stored(folder / "target.db"):
        raise RuntimeError("the raw import does not store the same questions as the app's")
    runs = interleaved({"app": app, "raw": raw, "read": lambda: raw("--read-only")}, rounds, warm=False)
    ours, base, read = (Spread.of([r.seconds for r in runs[k]]) for k in ("app", "raw", "read"))
    ratio = ours.median / base.median
    rows = [Row(f"import of {questions:,} questions, whole process", ours.text("s", 2),
                f"openpyxl read + sqlite3 insert {base.text('s', 2)}; read alone {read.text('s', 2)}",
                f"ratio {ratio:.2f} (goal <= 1.5); {ours.median / read.median:.2f} to reading alone")]
    return {"import_50k_s": ours.median, "import_ratio": ratio}, rows
