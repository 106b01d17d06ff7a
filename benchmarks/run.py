"""Every benchmark of council-prep in one run: the app from its real entry points, each beside a raw
baseline that produces the same output with the libraries alone, interleaved, median and spread.

    python benchmarks/run.py            full sizes (about 10-15 minutes on 2 cores); writes docs/benchmarks.md
    python benchmarks/run.py --quick    small sizes, to keep the benchmarks working (CI); writes no docs

Prints a table, then as its last line one JSON object with every figure (null where the feature
is not in this tree). Whatever code is in the tree is what gets measured: every process runs with
the tree first on PYTHONPATH.
"""

import argparse
import json
import sys
import tempfile
import time
import traceback
from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import duplicates  # noqa: E402
import edits  # noqa: E402
import importing  # noqa: E402
import machine  # noqa: E402
import merging  # noqa: E402
import window  # noqa: E402
import word  # noqa: E402
import workbook  # noqa: E402
from common import ROOT, Row, environment, rounded  # noqa: E402
from data import demo_store, large_store  # noqa: E402
from report import write_docs  # noqa: E402

FULL = {"book": (40, 2_000, 5_000), "workbook": 100_000, "workbook_huge": 800_000, "import": 50_000,
        "window": 100_000, "law_changes": 10_000, "filter": 400_000, "edit": 10_000, "merge": (100_000, 10_000),
        "dup": (5_000, 100_000),
        "rounds": {"start": 11, "window": 5, "filter": 3, "book": 5, "workbook": 3, "import": 3, "edit": 3,
                   "merge": 3, "dup": 3}}
QUICK = {"book": (3, 40, 150), "workbook": 1_000, "workbook_huge": None, "import": 500,
         "window": 2_000, "law_changes": 200, "filter": 4_000, "edit": 500, "merge": (1_000, 100),
         "dup": (500, 2_000),
         "rounds": {"start": 2, "window": 1, "filter": 1, "book": 1, "workbook": 1, "import": 1, "edit": 1,
                    "merge": 1, "dup": 1}}
KEYS = ("docx_ratio", "xlsx_ratio", "xlsx_peak_mb", "import_50k_s", "import_ratio", "start_ratio", "first_rows_ms",
        "search_ms", "filter_ms", "switch_ms", "dup_ms", "edit_ms", "merge_10k_s", "size")


def _stage(name: str, work, figures: dict, rows: list[Row], failed: list[str]) -> None:
    """Run one benchmark in a folder of its own; a failure is reported and the other benchmarks still run."""
    began = time.perf_counter()
    print(f"… {name}", file=sys.stderr, flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
            found, table = work(Path(folder))
    except Exception as exc:  # reported; the run then exits with an error
        traceback.print_exc()
        failed.append(name)
        rows.append(Row(name, f"FAILED: {exc}"[:200], "", ""))
        return
    figures.update(found)
    rows.extend(table)
    print(f"  {name} done in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)


STAGES = ("start", "window", "filter", "edit", "book", "workbook", "import", "merge", "dup")


def measure(sizes: dict, failed: list[str], only: list[str]) -> tuple[dict, list[Row]]:
    rounds = sizes["rounds"]
    figures: dict = {}
    rows: list[Row] = []

    def start(folder: Path):
        return window.start(folder, demo_store(folder / "demo.db", environment(folder)), rounds["start"])

    def large(folder: Path):
        store = large_store(folder / "large.db", sizes["window"], sizes["law_changes"])
        return window.large(folder, store, sizes["window"], rounds["window"])

    def edit(folder: Path):
        return edits.measure(folder, sizes["edit"], rounds["edit"])

    def question_filter(folder: Path):
        store = large_store(folder / "filter.db", sizes["filter"], 0)
        return window.question_filter(folder, store, sizes["filter"], rounds["filter"])

    stages = {
        "start": start, "window": large, "filter": question_filter, "edit": edit,
        "book": lambda f: word.measure(f, *sizes["book"], rounds["book"]),
        "workbook": lambda f: workbook.measure(f, sizes["workbook"], rounds["workbook"], huge=sizes["workbook_huge"]),
        "import": lambda f: importing.measure(f, sizes["import"], rounds["import"]),
        "merge": lambda f: merging.measure(f, *sizes["merge"], rounds["merge"]),
        "dup": lambda f: duplicates.measure(f, sizes["dup"], rounds["dup"]),
    }
    for name, work in stages.items():
        if not only or name in only:
            _stage(name, work, figures, rows, failed)
    figures.setdefault("dup_ms", None)
    figures.setdefault("merge_10k_s", None)
    return figures, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds (CI)")
    parser.add_argument("--docs", type=Path, help="write the report here (default: docs/benchmarks.md in full mode)")
    parser.add_argument("--only", nargs="+", choices=STAGES, help="run only these benchmarks (the others are null)")
    parser.add_argument("--no-huge", action="store_true", help="skip the 800,000-question workbook (its peak memory)")
    parser.add_argument("--report-from", type=Path, metavar="RUN.json",
                        help="write the report of an earlier run (its RUN.json, kept beside the report) and stop")
    args = parser.parse_args()
    if args.report_from:
        saved = json.loads(args.report_from.read_text())
        write_docs(args.docs or ROOT / "docs" / "benchmarks.md", saved["result"], [Row(*r) for r in saved["rows"]],
                   saved["machine"], datetime.fromisoformat(saved["when"]), saved["minutes"], saved.get("notes", []))
        return
    sizes = QUICK if args.quick else FULL
    if args.no_huge:
        sizes = {**sizes, "workbook_huge": None}
    began = time.perf_counter()
    described = machine.describe()
    failed: list[str] = []
    figures, rows = measure(sizes, failed, args.only or [])
    figures["size"] = {"mode": "quick" if args.quick else "full", "book": list(sizes["book"]),
                       "workbook": sizes["workbook"], "workbook_huge": sizes["workbook_huge"],
                       "import": sizes["import"], "window": sizes["window"], "filter": sizes["filter"],
                       "dup": list(sizes["dup"])}
    result = {key: rounded(figures.get(key)) if key != "size" else figures["size"] for key in KEYS}
    result.update({k: rounded(v) for k, v in figures.items() if k not in result})
    width = max(len(r.what) for r in rows)
    print(f"{'measure':<{width}}  app | raw baseline | result")
    for row in rows:
        print(f"{row.what:<{width}}  {row.app} | {row.raw} | {row.result}")
    minutes = (time.perf_counter() - began) / 60
    print(f"machine: {machine.text(described)}; run took {minutes:.1f} min")
    docs = args.docs or (None if args.quick else ROOT / "docs" / "benchmarks.md")
    if docs is not None:
        when = datetime.now(UTC)
        write_docs(docs, result, rows, described, when, minutes)
        docs.with_suffix(".json").write_text(json.dumps(
            {"result": result, "rows": [astuple(r) for r in rows], "machine": described,
             "when": when.isoformat(), "minutes": minutes}, indent=1) + "\n")
    print(json.dumps(result))
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
