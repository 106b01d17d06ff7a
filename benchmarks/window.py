"""The desktop window, started as a user starts it: cold start, first rows, search, filter, meeting switch."""

import json
import tempfile
from pathlib import Path

from common import PROBE, PYTHON, RAW, Row, Run, Spread, environment, interleaved, run
from data import MEETINGS, QUERIES, RARE


def _fresh(folder: Path, **extra: str) -> dict[str, str]:
    """Each start gets settings of its own, so no run reopens the tab or meeting another left."""
    return environment(Path(tempfile.mkdtemp(dir=folder, prefix="home-")), **extra)


def _at(runs: list[Run], event: str) -> Spread:
    return Spread.of([r.event(event)["at_ms"] for r in runs])


def _times(runs: list[Run], event: str, key: str) -> dict[str, Spread]:
    """Per query, the spread of every timing every run reported."""
    merged: dict[str, list[float]] = {}
    for r in runs:
        for name, values in r.event(event)[key].items():
            merged.setdefault(name, []).extend(values)
    return {name: Spread.of(values) for name, values in merged.items()}


def _forced(runs: dict[str, list[Run]], event: str) -> str:
    """A note when the event loop left a view unpainted and the probe had to paint it."""
    notes = [f"{kind} view painted by the probe {forced} times" for kind in ("app", "raw")
             if (forced := sum(r.event(event).get("forced_paints", 0) for r in runs[kind]))]
    return "; ".join(notes)


def _bare(folder: Path) -> Run:
    return run([PYTHON, str(RAW / "bare_window.py")], _fresh(folder))


def start(folder: Path, demo: Path, rounds: int) -> tuple[dict, list[Row]]:
    """`council-prep --store demo.db` to a shown, painted window, against a bare QMainWindow."""
    runs = interleaved({"bare": lambda: _bare(folder),
                        "app": lambda: run([*PROBE, "--store", str(demo)], _fresh(folder))}, rounds)
    bare, app = _at(runs["bare"], "shown"), _at(runs["app"], "shown")
    ratio = app.median / bare.median
    # CPU time of the whole process (to its exit): less disturbed than wall time by other work on the machine.
    app_cpu, bare_cpu = (Spread.of([r.cpu_seconds for r in runs[k]]).median for k in ("app", "bare"))
    cpu = app_cpu / bare_cpu
    rows = [Row("cold start to a shown window (demo store)", app.text(), f"bare QMainWindow {bare.text()}",
                f"ratio {ratio:.2f} (goal <= 1.5); CPU time to exit {cpu:.2f}")]
    return {"start_ratio": ratio, "start_cpu_ratio": cpu}, rows


def large(folder: Path, store: Path, questions: int, rounds: int) -> tuple[dict, list[Row]]:
    """On a store of `questions` questions: first rows (less a bare window's start, measured in the same
    rounds), search as you type, meeting switch."""
    actions = json.dumps([["tab", "Questions"], ["switch", 3, *MEETINGS], ["search", QUERIES, 3]])
    runs = interleaved({
        "bare": lambda: _bare(folder),
        "raw": lambda: run([PYTHON, str(RAW / "bare_table.py"), str(store)], _fresh(folder, BENCH_ACTIONS=actions)),
        "app": lambda: run([*PROBE, "--store", str(store)], _fresh(folder, BENCH_ACTIONS=actions)),
    }, rounds, warm=True)
    app_rows, raw_rows, bare = _at(runs["app"], "tab"), _at(runs["raw"], "shown"), _at(runs["bare"], "shown")
    first_rows = app_rows.median - bare.median
    app_search, raw_search = _times(runs["app"], "search", "times"), _times(runs["raw"], "search", "times")
    app_ready, raw_ready = _times(runs["app"], "search", "ready"), _times(runs["raw"], "search", "ready")
    slowest = max(QUERIES, key=lambda q: app_search[q].median)
    app_switch = Spread.of([t for r in runs["app"] for t in r.event("switch")["to_large"]])
    raw_switch = Spread.of([t for r in runs["raw"] for t in r.event("switch")["to_large"]])
    rows = [Row(f"first Questions rows painted, whole process ({questions:,} questions)", app_rows.text(),
                f"bare table over sqlite3 {raw_rows.text()}; bare window {bare.text()}",
                f"{first_rows:.0f} ms above a bare window's start (goal < 100)")]
    for query in QUERIES:
        rows.append(Row(f"search {query!r}, text set to results ready (before painting)",
                        app_ready[query].text(digits=1),
                        f"FTS5 bm25 over every match {raw_ready[query].text(digits=1)}", ""))
        rows.append(Row(f"search {query!r}, text set to results painted", app_search[query].text(digits=1),
                        f"FTS5 bm25 over every match {raw_search[query].text(digits=1)}",
                        "; ".join(filter(None, ["slowest (goal < 20 ms)" if query == slowest else "",
                                                _forced(runs, "search") if query == QUERIES[-1] else ""]))))
    rows.append(Row("switch to the large meeting, Questions painted", app_switch.text(digits=1),
                    f"bare table requery {raw_switch.text(digits=1)}", ""))
    figures = {"first_rows_ms": first_rows, "search_ms": app_search[slowest].median,
               "switch_ms": app_switch.median}
    return figures, rows


def question_filter(folder: Path, store: Path, questions: int, rounds: int) -> tuple[dict, list[Row]]:
    """Typing a rare word in the Questions filter on a store of `questions` questions."""
    actions = json.dumps([["filter", [RARE], 5]])
    runs = interleaved({
        "raw": lambda: run([PYTHON, str(RAW / "bare_table.py"), str(store)], _fresh(folder, BENCH_ACTIONS=actions)),
        "app": lambda: run([*PROBE, "--store", str(store)], _fresh(folder, BENCH_ACTIONS=actions)),
    }, rounds, warm=False)
    app, raw = _times(runs["app"], "filter", "ready")[RARE], _times(runs["raw"], "filter", "ready")[RARE]
    app_painted = _times(runs["app"], "filter", "times")[RARE]
    raw_painted = _times(runs["raw"], "filter", "times")[RARE]
    rows = [Row(f"Questions filter, rare word, {questions:,} questions: text typed to rows ready (before painting)",
                app.text(digits=1), f"same query with sqlite3 in the bare table {raw.text(digits=1)}",
                "goal < 5 ms"),
            Row(f"Questions filter, rare word, {questions:,} questions: text typed to rows painted",
                app_painted.text(digits=1), f"bare table {raw_painted.text(digits=1)}",
                _forced(runs, "filter"))]
    return {"filter_ms": app.median, "filter_painted_ms": app_painted.median}, rows
