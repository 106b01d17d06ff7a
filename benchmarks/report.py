"""docs/benchmarks.md, written from a run: machine, date, the table, every goal and where it stands."""

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from common import Row
from machine import text as machine_text

# key: (goal, test, what it would take when missed)
GOALS = {
    "start_ratio": ("<= 1.5", lambda v: v <= 1.5,
                    "the rest is mostly what any window with text and toolbars costs over an empty one; see "
                    "*Where the start goes* below."),
    "xlsx_ratio": ("<= 1.1", lambda v: v <= 1.1,
                   "the exporter has to write cells no slower than openpyxl does: stream records, style only the "
                   "cells that need it, share style objects."),
    "xlsx_peak_mb": ("< 150", lambda v: v < 150,
                     "stream records from the store into the write-only workbook instead of building them all first."),
    "xlsx_peak_mb_800k": ("< 200", lambda v: v < 200, "as above: memory must not grow with the store."),
    "import_ratio": ("<= 1.5", lambda v: v <= 1.5,
                     "reading and validating each row costs more than openpyxl's own iteration; profile the plan."),
    "first_rows_ms": ("< 100", lambda v: v < 100,
                      "this counts the whole start above a bare window (modules, window, the Agenda tab painted "
                      "first) before the Questions tab is chosen; the table itself reads one page of ids."),
    "search_ms": ("< 20", lambda v: v < 20,
                  "a long word typed as a prefix ('labor' becomes labor*) has no prefix index (only 2 and 3 "
                  "letters have one): FTS5 merges every posting of every word it starts, in each of the query's "
                  "three passes."),
    "filter_ms": ("< 5", lambda v: v < 5,
                  "the query no longer scans the meeting (see Notes); the rest is resetting the table's model "
                  "and painting it, as the bare table's figure beside it shows."),
    "docx_ratio": ("<= 1.0 (keep)", lambda v: v <= 1.0, "profile the Word writer."),
    "dup_ms": ("< 20", lambda v: v < 20, "read fewer candidates from the index, or fewer rare words per check."),
    "dup_100k_ms": ("< 100", lambda v: v < 100,
                    "the rarest words of a text match more rows in a large meeting: lower the bm25 candidates."),
    "dup_groups_5k_s": ("< 2", lambda v: v < 2,
                        "one index query per question: batch the candidates of many questions in one query."),
}

METHOD = """\
## How each figure is measured

Every app figure comes from a fresh process started the way a user starts it: `python -m council_prep`
(what the `council-prep` command runs) with the tree first on `PYTHONPATH`, Qt offscreen, and settings,
logs and data folders of its own. Each raw baseline is a script in `benchmarks/raw/` that uses only the
libraries (PySide6, python-docx, openpyxl, sqlite3), never the app's code, and produces the same output;
app and baseline alternate (A B A B …) in the same run, and each figure is the median, shown with the
lowest and highest run.

- **Cold start** (`start_ratio`): `council-prep --store demo.db` until the window is shown and painted,
  against a bare PySide6 `QMainWindow` shown and painted. `benchmarks/probe.py` runs the real entry point
  (command-line parsing, store preparation, log handler, error hook, settings, window); the only thing it
  adds is a hook on `QApplication.exec`, installed when the app first imports QtWidgets, that paints,
  reports, does what the benchmark asks and returns. The earlier `gui_startup.py` skipped the
  command line, the log handler, the error hook and the settings, and read 2.06 where this read 2.29.
- **First rows** (`first_rows_ms`): the same start on a store of 100,000 questions and 10,000 law changes,
  then the Questions tab chosen and its first rows painted, whole process, minus the bare window's start.
  The baseline is a bare `QTableView` over sqlite3 (ids read at once, rows in pages as they come into
  sight). The earlier benchmark timed a warm process.
- **Search** (`search_ms`): in that window, Ctrl+K, then a rare word, a word in 98 % of the questions and
  a two-letter prefix typed; time from the text set to the results painted (the debounce delay is fired
  at once). The slowest of the three is the figure. The baseline ranks every match with FTS5's bm25 and
  paints the 50 best in a bare list. The earlier benchmark only tried words in 9 % of the rows.
- **Filter** (`filter_ms`): the Questions filter with a rare word on 400,000 questions, text typed to rows
  painted; the baseline is the same query with sqlite3 in the bare table.
- **Meeting switch** (`switch_ms`): from the small meeting to the one with 100,000 questions, Questions
  tab showing, until painted; the baseline re-runs the bare table's query.
- **Word book** (`docx_ratio`): `council-prep export docx`, whole process. The baseline reads every table the
  book draws on with sqlite3 and writes the same paragraphs, styles, runs (bold, italic, links), tables
  (with merged cells) and section breaks with python-docx on its fast paths; the run checks that both books
  hold the same text in the same styles and tables.
- **Workbook** (`xlsx_ratio`, `xlsx_peak_mb`): `council-prep export xlsx`, whole process, peak resident
  memory of that process. The baseline reads the records with sqlite3 and writes the same sheets, cells,
  types, number formats, alignment, fills, widths, frozen header, Excel tables, drop-downs, named lists and
  row heights with write-only openpyxl (not the Summary's two charts). It takes its cells from a plan
  streamed from the app's workbook; the time spent unpickling the plan is taken out of its time. The run
  checks that both workbooks hold the same values.
- **Import** (`import_50k_s`, `import_ratio`): `council-prep import questions` of a 50,000-row Questions
  workbook into a store with one meeting. The baseline reads the rows with openpyxl, turns labels back into
  codes and inserts them as new questions with sqlite3, indexed for search in one statement; the run checks
  that both stores then hold the same questions. Reading alone (plain openpyxl iteration) is shown too.
- **Edit** (`edit_ms`): one change of a question's text through the store API (the change log
  included), beside one sqlite3 `UPDATE` of it in its own transaction.
- **Merge** (`merge_10k_s`, `pack_10k_s`): `council-prep pack` of a laptop's copy on which 10,000 of
  100,000 questions were assigned in one step, then `council-prep merge` of that package into a fresh copy
  of the office store, whole processes. The baselines copy the log's rows into a new SQLite file, and apply
  the package's field values with `UPDATE … WHERE uid = ?` in one transaction (no base check, no log).
- **Edit** includes, with the change log, the store's own reading of the record to compare, its checks and
  the log's rows.
- **Duplicate check** (`dup_ms`, `dup_100k_ms`, `dup_groups_5k_s`): the question desk's check of one typed
  question (half paraphrases of stored ones, half new) against a meeting of 5,000 and of 100,000
  questions, and the scan of the 5,000-question meeting for every near-duplicate group. The check is a core
  API with no command of its own: a small script process opens the store and calls `DuplicateFinder` as the
  window does, and the figure is the median of 40 calls timed inside it. The baseline
  (`benchmarks/raw/dup_check.py`) does the same work with sqlite3's FTS5 and rapidfuzz alone: the five
  rarest words from the index's vocabulary, the 50 best bm25 matches in the meeting, rapidfuzz's
  token-set ratio on its default processing; for the scan, the meeting's texts in a dict word index, each
  scored against the 20 questions sharing most (two or more) of its four rarest words. Both find the same groups.

## Notes

**Search ranks a bounded set.** A search takes at most 1,000 matches, the newest (FTS5 reads matches in
rowid order and stops there). When that is every match, they are ranked by bm25 with title words
weighing ten times body words, as before; when a word is in more than 1,000 records it says little
about any one of them, and the newest come first. Titles and snippets are cut only for the 50 hits
shown. Before, every match was ranked and given a snippet: a word in 98 % of 100,000 questions took
as long as ranking 98,000 rows.

**The Questions filter** no longer lets SQLite pick the meeting's index when words are given
(`+meeting_id`): a rare word is found through the full-text index and its few rows are looked up,
instead of every row of the meeting being checked. The price: a word in most rows, filtered in a
small meeting, now looks up every matching row of the store (about twice as slow as before in that
case, measured with sqlite3 at 400,000 questions).

**Hidden tabs** are brought up to date when shown (or asked for), not on every meeting switch.

**Where the start goes.** Counted in instructions with callgrind (which load does not disturb), the
start on the demo store took 1,279 M instructions against 625 M for the bare window (2.05; before the
changes below, 1,581 M: 2.53). Beyond
the bare window: PySide6 building Python enum classes for every Qt class the window touches (about
150 M: `Qt` alone has some 110 enums), the font database and text layout that any window with text
needs and the bare window does not (about 100 M), painting the toolbar, tabs and the Agenda tab
(about 110 M), and our own modules (about 50 M parsing and compiling the methods `dataclasses`
generates for the records at import, 20 M unmarshalling compiled modules, and running them). What the
start no longer pays for: compiling our modules (`council_prep/bytecode.py` writes their `.pyc` once
even with `PYTHONDONTWRITEBYTECODE` set, as it is on the measuring machine), the command modules
other than the window's, the book, the log file's handler (with `socket` and `pickle`) and
`platformdirs`. Reaching 1.5 would take a first paint that touches far fewer Qt classes than a real
window with a toolbar, a meeting selector and an agenda editor does.
"""


def _status(key: str, value: object) -> str:
    goal, met, missing = GOALS[key]
    if value is None:
        return f"| `{key}` | {goal} | not measured | |"
    if met(value):
        return f"| `{key}` | {goal} | {value} | met |"
    return f"| `{key}` | {goal} | {value} | **missed**: {missing} |"


def write_docs(path: Path, result: dict, rows: list[Row], machine: dict, when: datetime, minutes: float,
               notes: Sequence[str] = ()) -> None:
    """The report of one run; `notes` say anything particular to it (kept in its RUN.json)."""
    load = machine.get("load_average") or []
    loaded = bool(load) and max(load) > 0.5 * (machine.get("cores") or 1)
    lines = [
        "# Benchmarks",
        "",
        "Written by `python benchmarks/run.py` (full sizes; `--quick` runs the same benchmarks small, in CI).",
        "",
        f"Run of {when:%Y-%m-%d %H:%M} UTC, {minutes:.0f} minutes, on: {machine_text(machine)}.",
        "",
        (f"**The machine was under load during this run** (load average {', '.join(map(str, load))} on "
         f"{machine.get('cores')} cores): timings are noisier and slower than on a quiet machine." if loaded
         else f"Load average at the start: {', '.join(map(str, load))}."),
        "",
        *(f"{note}\n" for note in notes),
        "## Goals",
        "",
        "| figure | goal | result | |",
        "| --- | --- | ---: | --- |",
        *(_status(key, result.get(key)) for key in GOALS if key in result),
        "",
        "## Every measurement",
        "",
        "| measure | app | raw baseline | result |",
        "| --- | --- | --- | --- |",
        *(f"| {r.what} | {r.app} | {r.raw} | {r.result} |" for r in rows),
        "",
        "The figures as JSON (what the run prints as its last line):",
        "",
        "```json",
        json.dumps(result),
        "```",
        "",
        METHOD,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
