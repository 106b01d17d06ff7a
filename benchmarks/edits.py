"""One edit through the store API (with the change log, where the tree has one) against one UPDATE."""

from pathlib import Path

from common import PYTHON, RAW, Row, Spread, environment, interleaved, run
from data import large_store

APP_EDIT = """
import json, statistics, sys, time
from council_prep.store import Store

with Store.open(sys.argv[1]) as store:
    question = store.questions.get(store.questions.select_ids()[10])
    text, times = question.text, []
    for n in range(int(sys.argv[2])):
        question.text = f"{text} (edit {n})"
        began = time.perf_counter()
        store.questions.update(question)
        times.append((time.perf_counter() - began) * 1000)
print(json.dumps({"event": "edit", "ms": statistics.median(times)}))
"""


def measure(folder: Path, questions: int, rounds: int) -> tuple[dict, list[Row]]:
    """On a store of `questions` questions."""
    store = large_store(folder / "edits.db", questions, 0)
    env = environment(folder)
    runs = interleaved({"app": lambda: run([PYTHON, "-c", APP_EDIT, str(store), "20"], env),
                        "raw": lambda: run([PYTHON, str(RAW / "update.py"), str(store), "20"], env)}, rounds)
    app = Spread.of([r.event("edit")["ms"] for r in runs["app"]])
    raw = Spread.of([r.event("edit")["ms"] for r in runs["raw"]])
    # The figure is the edit itself: a difference of two sub-millisecond medians can come out below
    # zero on a busy machine and says less than the two times side by side.
    return ({"edit_ms": app.median},
            [Row("one edit of a question (median of 20 per process)", f"store API {app.text(digits=2)}",
                 f"one sqlite3 UPDATE {raw.text(digits=2)}", f"{app.median - raw.median:.2f} ms for the log")])
