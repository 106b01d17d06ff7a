"""The question desk's duplicate check: one typed question against a meeting of 5,000 and of 100,000
questions, and the scan of a 5,000-question meeting for near-duplicate groups, beside sqlite3 FTS5 and
rapidfuzz doing the same work (benchmarks/raw/dup_check.py).

The check is a core API with no command of its own: a small script process opens the store and calls
DuplicateFinder as the window does; its figure is the median of one call, timed inside that process.
"""

import json
from pathlib import Path

from common import PYTHON, RAW, Row, Spread, environment, interleaved, run
from data import desk_store, typed_questions

APP_CHECK = """
import json, statistics, sys, time
from pathlib import Path
from council_prep.desk.duplicates import DuplicateFinder
from council_prep.store import Store

with Store.open(sys.argv[1], read_only=True) as store:
    finder = DuplicateFinder(store, int(sys.argv[2]))
    times = []
    for text in json.loads(Path(sys.argv[3]).read_text()):
        began = time.perf_counter()
        finder.similar_to(text)
        times.append((time.perf_counter() - began) * 1000)
    print(json.dumps({"event": "check", "ms": statistics.median(times)}))
    if "--groups" in sys.argv:
        began = time.perf_counter()
        groups = finder.groups()
        print(json.dumps({"event": "groups", "s": time.perf_counter() - began, "groups": len(groups)}))
"""
TYPED = 40  # typed questions per process


def measure(folder: Path, sizes: tuple[int, int], rounds: int) -> tuple[dict, list[Row]]:
    """Checks against meetings of sizes[0] and sizes[1] questions; the group scan of the first."""
    env = environment(folder)
    figures: dict = {}
    rows: list[Row] = []
    for size in sizes:
        store = desk_store(folder / f"desk-{size}.db", size)
        typed = folder / f"typed-{size}.json"
        typed.write_text(json.dumps(typed_questions(TYPED, size)))
        scan = ["--groups"] if size == sizes[0] else []
        runs = interleaved({"app": lambda s=store, t=typed, g=scan: run([PYTHON, "-c", APP_CHECK, str(s), "1",
                                                                         str(t), *g], env),
                            "raw": lambda s=store, t=typed, g=scan: run([PYTHON, str(RAW / "dup_check.py"), str(s),
                                                                         "1", str(t), *g], env)}, rounds)
        app, raw = (Spread.of([r.event("check")["ms"] for r in runs[k]]) for k in ("app", "raw"))
        goal = 20 if size == sizes[0] else 100
        figures["dup_ms" if size == sizes[0] else "dup_100k_ms"] = app.median
        rows.append(Row(f"duplicate check of a typed question, meeting of {size:,} (median of {TYPED})",
                        f"DuplicateFinder.similar_to {app.text(digits=1)}", f"FTS5 + rapidfuzz {raw.text(digits=1)}",
                        f"{app.median / raw.median:.2f}×, goal < {goal} ms"))
        if scan:
            app_scan, raw_scan = (Spread.of([r.event("groups")["s"] for r in runs[k]]) for k in ("app", "raw"))
            found = {k: runs[k][0].event("groups")["groups"] for k in ("app", "raw")}
            figures["dup_groups_5k_s"] = app_scan.median
            rows.append(Row(f"near-duplicate groups of a meeting of {size:,}",
                            f"DuplicateFinder.groups {app_scan.text('s', 2)}, {found['app']} groups",
                            f"dict word index + rapidfuzz {raw_scan.text('s', 2)}, {found['raw']} groups",
                            f"{app_scan.median / raw_scan.median:.2f}×, goal < 2 s"))
    return figures, rows
