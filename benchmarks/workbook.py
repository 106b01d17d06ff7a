"""The Excel workbook: `council-prep export xlsx` against openpyxl writing the same workbook."""

from pathlib import Path

from common import APP, PYTHON, RAW, Row, Spread, environment, interleaved, run
from data import large_store
from sheet_plan import values, write_plan


def measure(folder: Path, questions: int, rounds: int, *, huge: int | None = None) -> tuple[dict, list[Row]]:
    store = large_store(folder / "workbook.db", questions, 0)
    env = environment(folder)
    ours, raw = folder / "ours.xlsx", folder / "raw.xlsx"
    export = [*APP, "export", "xlsx", "--store", str(store), "--meeting", "1", "-o", str(ours)]
    run(export, env)
    write_plan(ours, folder / "workbook.plan")
    raw_command = [PYTHON, str(RAW / "xlsx_book.py"), str(folder / "workbook.plan"), str(store), str(raw)]
    runs = interleaved({"app": lambda: run(export, env, memory=True),
                        "raw": lambda: run(raw_command, env, memory=True)}, rounds, warm=False)
    if values(ours) != values(raw):
        raise RuntimeError("the raw workbook does not hold the same cells as the app's")
    app = Spread.of([r.seconds for r in runs["app"]])
    base = Spread.of([r.seconds - r.event("plan")["ms"] / 1000 for r in runs["raw"]])
    peak = max(r.peak_mb for r in runs["app"])
    raw_peak = max(r.peak_mb for r in runs["raw"])
    ratio = app.median / base.median
    rows = [Row(f"workbook, whole process ({questions:,} questions)", f"{app.text('s', 2)}, peak {peak:.0f} MB",
                f"openpyxl write-only + sqlite3 {base.text('s', 2)}, peak {raw_peak:.0f} MB",
                f"ratio {ratio:.2f} (goal <= 1.1), peak goal < 150 MB")]
    figures = {"xlsx_ratio": ratio, "xlsx_peak_mb": peak}
    if huge:
        store = large_store(folder / "huge.db", huge, 0)
        done = run([*APP, "export", "xlsx", "--store", str(store), "--meeting", "1", "-o", str(folder / "huge.xlsx")],
                   env, memory=True)
        rows.append(Row(f"workbook, whole process ({huge:,} questions)", f"{done.seconds:.1f} s, peak "
                        f"{done.peak_mb:.0f} MB", "", "peak goal < 200 MB"))
        figures["xlsx_peak_mb_800k"] = done.peak_mb
        (folder / "huge.db").unlink()
    return figures, rows
