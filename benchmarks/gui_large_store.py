"""The window on a large store: 100,000 questions and 10,000 law changes.

Measures, against raw baselines in the same run:
- time to first rows shown: open the store, build the window, show the Questions and Law changes
  tabs with their first rows painted (baseline: `SELECT id` of the same rows in store order, sqlite3);
- search keystroke to results: the search box's query and result list, after the debounce
  (baseline: the same FTS5 query through sqlite3).

    .venv/bin/python benchmarks/gui_large_store.py [--questions N] [--law-changes N]
"""

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings

from council_prep.domain import LawChange, LawChangeStatus, Meeting, Question, QuestionStatus
from council_prep.gui.app import application
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
from council_prep.store import Store
from council_prep.store.search import match_expression

WORDS = ["inspection", "wages", "overtime", "union", "freedom", "association", "bargaining", "contract",
         "harvest", "garment", "factory", "migrant", "recruitment", "fees", "child", "labour", "school",
         "agriculture", "mining", "safety", "injury", "dismissal", "strike"]
QUERIES = ["inspection", "union dismissal", "migrant recruit", "garment factory safety", "harvest"]
SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "va", "ze", "bo", "du", "fi", "ga", "hu", "je"]
VOCABULARY = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]  # 4,096 filler words


def sentence(n: int, length: int) -> str:
    """Mostly filler words, with two subject words, so a query matches a realistic share of records."""
    chooser = random.Random(n)
    words = chooser.choices(VOCABULARY, k=length - 2) + chooser.sample(WORDS, 2)
    chooser.shuffle(words)
    return " ".join(words)


def build(path: Path, questions: int, law_changes: int) -> None:
    with Store.open(path) as store:
        meeting = store.meetings.add(Meeting(
            agreement_key="us-peru-tpa", partner_codes=["PE"], title="Large store meeting",
            session_date=date(2027, 3, 4), start_time=clock_time(9, 0), length_minutes=360))
        partners = ["PE", "CO", "GT", "MX", "HN"]
        store.law_changes.add_many(LawChange(
            partner_code=partners[n % 5], title=f"Law change {n}: {sentence(n, 6)}",
            status=list(LawChangeStatus)[n % 5], summary=sentence(n, 40)) for n in range(law_changes))
        start = datetime(2027, 1, 1, 8, 0)
        store.questions.add_many(Question(
            meeting_id=meeting.id, text=f"Question {n}: {sentence(n, 25)}?", asker_name=f"Asker {n % 997}",
            organization=f"Organization {n % 211}", received_at=start + timedelta(minutes=n),
            status=list(QuestionStatus)[n % 4], assignee="Desk officer" if n % 4 == 1 else "")
            for n in range(questions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--law-changes", type=int, default=10_000)
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.db"
        began = time.perf_counter()
        build(path, args.questions, args.law_changes)
        built = time.perf_counter() - began
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))

        conn = sqlite3.connect(path)
        began = time.perf_counter()
        conn.execute("SELECT id FROM questions WHERE meeting_id = 1 ORDER BY id").fetchall()
        conn.execute("SELECT id FROM law_changes ORDER BY id").fetchall()
        raw_ids = time.perf_counter() - began

        began = time.perf_counter()
        window = MainWindow(open_session(path, read_only=False, ask=lambda reason: True), settings)
        window.resize(1320, 820)
        window.show()
        for tab in (window.questions_tab, window.law_tab):
            window.tabs.setCurrentWidget(tab)
            app.processEvents()
            tab.table.viewport().grab()
        first_rows = time.perf_counter() - began
        shown = window.questions_tab.model.rowCount()

        search_times, raw_times = [], []
        for query in QUERIES:
            began = time.perf_counter()
            window.search.box.setText(query)
            window.search.run_search()  # what the debounce timer fires
            window.search.results.viewport().grab()
            search_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            conn.execute("SELECT rowid, snippet(search_index, 2, '[', ']', '…', 14) FROM search_index "
                         "WHERE search_index MATCH ? ORDER BY bm25(search_index, 10.0, 1.0) LIMIT 50",
                         [match_expression(query)]).fetchall()
            raw_times.append(time.perf_counter() - began)
        window.close()
        conn.close()
    search_median, raw_median = statistics.median(search_times), statistics.median(raw_times)
    print(f"store: {args.questions:,} questions, {args.law_changes:,} law changes (built in {built:.1f} s "
          f"with add_many); python {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"first rows shown (open store, window, both tables painted): {first_rows * 1000:6.0f} ms "
          f"(goal < 300 ms); {shown:,} question rows")
    print(f"  raw baseline: SELECT id of the same rows in sqlite3      : {raw_ids * 1000:6.0f} ms "
          f"(ratio {first_rows / raw_ids:.1f})")
    print(f"search keystroke to results painted (median of {len(QUERIES)})  : {search_median * 1000:6.1f} ms "
          f"(goal < 50 ms)")
    print(f"  raw baseline: the same FTS5 query in sqlite3             : {raw_median * 1000:6.1f} ms "
          f"(ratio {search_median / raw_median:.1f})")


if __name__ == "__main__":
    main()
