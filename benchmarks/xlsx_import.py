"""How long importing a 50,000-row questions workbook takes, against raw openpyxl reading the same file.

The workbook is the Questions sheet format written by export_xlsx. Each measurement runs in a fresh
child process: raw openpyxl read-only iterating every row's values; our plan (read, map headers,
parse, validate, match against the store); and plan plus apply (one transaction into an SQLite store).

    .venv/bin/python benchmarks/xlsx_import.py [--questions N]
"""

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from xlsx_export import big_book

from council_prep.domain import Meeting
from council_prep.store import Store


def prepare(folder: Path, questions: int) -> tuple[Path, Path]:
    """A store with one meeting and no questions, and a workbook of `questions` new questions."""
    from council_prep.exporters.xlsx import export_xlsx

    store_path = folder / "store.db"
    with Store.open(store_path) as store:
        store.meetings.add(Meeting(agreement_key="cafta-dr", partner_codes=["GT"], title="Benchmark meeting",
                                   session_date=date(2027, 3, 4)))
    book = big_book(questions)
    for question in book.questions:
        question.uid = ""  # new rows: no uid, so every row is planned as an addition
    workbook = export_xlsx(book, folder / "questions.xlsx")
    return store_path, workbook


def child(which: str, store_path: Path, workbook: Path) -> None:
    started = time.perf_counter()
    rows = 0
    if which == "raw":
        from openpyxl import load_workbook

        book = load_workbook(workbook, read_only=True)
        for _ in book["Questions"].iter_rows(values_only=True):
            rows += 1
        book.close()
    else:
        from council_prep.importers import apply_import, plan_question_import

        with Store.open(store_path) as store:
            plan = plan_question_import(store, 1, workbook)
            assert not plan.problems, plan.problems[:3]
            rows = len(plan.added)
            if which == "apply":
                apply_import(store, plan)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows}))


def run(which: str, store_path: Path, workbook: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:  # a fresh copy of the store for each run
        copy = Path(folder) / "store.db"
        shutil.copyfile(store_path, copy)
        done = subprocess.run([sys.executable, __file__, "--child", which, str(copy), str(workbook)],
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--child", choices=["raw", "plan", "apply"])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, *args.paths)
        return
    print(f"Python {platform.python_version()} on {platform.machine()}; {args.questions:,} questions")
    with tempfile.TemporaryDirectory() as folder:
        store_path, workbook = prepare(Path(folder), args.questions)
        # Three rounds, interleaved, so a slow spell of this shared machine hits every kind alike;
        # the fastest run of each kind counts.
        runs: dict[str, list[dict]] = {"raw": [], "plan": [], "apply": []}
        for _ in range(3):
            for which, found in runs.items():
                found.append(run(which, store_path, workbook))
        results = {which: min(found, key=lambda r: r["seconds"]) for which, found in runs.items()}
    names = {"raw": "raw openpyxl read-only", "plan": "plan_question_import", "apply": "plan + apply_import"}
    for which, result in results.items():
        print(f"{names[which]:<24} {result['seconds']:6.2f} s   peak {result['peak_mb']:6.0f} MB   "
              f"{result['rows']:,} rows")
    raw = results["raw"]["seconds"]
    print(f"ratio plan {results['plan']['seconds'] / raw:.2f} (goal <= 2.0); plan + apply "
          f"{results['apply']['seconds']:.1f} s (goal < 15 s), ratio {results['apply']['seconds'] / raw:.2f}")


if __name__ == "__main__":
    main()
