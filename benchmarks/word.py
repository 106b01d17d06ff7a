"""The Word briefing book: `council-prep export docx` against python-docx writing the same book."""

import pickle
import shutil
from pathlib import Path

from book_plan import plan, texts
from common import APP, PYTHON, RAW, ROOT, Row, Spread, environment, interleaved, run
from data import book_store

TEMPLATE = ROOT / "resources" / "templates" / "briefing-book.docx"


def measure(folder: Path, agenda_items: int, law_changes: int, questions: int, rounds: int) -> tuple[dict, list[Row]]:
    store = book_store(folder / "book.db", agenda_items, law_changes, questions)
    env = environment(folder)
    ours, raw = folder / "ours.docx", folder / "raw.docx"
    export = [*APP, "export", "docx", "--store", str(store), "--meeting", "1", "-o", str(ours)]
    run(export, env)  # each export is recorded: from the second on, a book opens with "Changes since the book
    run(export, env)  # of <date>", the same in every round; the plan is taken from such a book
    blocks = plan(ours)
    with open(folder / "book.pickle", "wb") as file:
        pickle.dump(blocks, file)
    shutil.copyfile(TEMPLATE, folder / "template.docx")
    raw_command = [PYTHON, str(RAW / "docx_book.py"), str(folder / "book.pickle"), str(store),
                   str(folder / "template.docx"), str(raw)]
    runs = interleaved({"app": lambda: run(export, env), "raw": lambda: run(raw_command, env)}, rounds, warm=False)
    same = texts(ours) == texts(raw)
    app, base = Spread.of([r.seconds for r in runs["app"]]), Spread.of([r.seconds for r in runs["raw"]])
    ratio = app.median / base.median
    paragraphs = sum(1 for b in blocks if b[0] == "p")
    table_rows = sum(len(b[2]) for b in blocks if b[0] == "t")
    what = (f"Word book, whole process ({agenda_items} agenda items, {law_changes:,} law changes, "
            f"{questions:,} questions: {paragraphs:,} paragraphs, {table_rows:,} table rows)")
    rows = [Row(what, app.text("s", 2), f"python-docx + sqlite3 {base.text('s', 2)}"
                + ("" if same else " (TEXT DIFFERS)"), f"ratio {ratio:.2f} (keep <= 1.0)")]
    if not same:
        raise RuntimeError("the raw Word book does not hold the same text as the app's")
    return {"docx_ratio": ratio}, rows
