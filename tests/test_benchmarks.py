"""`benchmarks/run.py --quick` runs every benchmark end to end and ends with one JSON line of figures."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALWAYS = ("docx_ratio", "xlsx_ratio", "xlsx_peak_mb", "import_50k_s", "import_ratio", "start_ratio",
          "first_rows_ms", "search_ms", "filter_ms", "switch_ms", "edit_ms", "merge_10k_s", "dup_ms", "dup_100k_ms",
          "dup_groups_5k_s")


@pytest.mark.slow
def test_quick_run_reports_every_figure(tmp_path: Path):
    docs = ROOT / "docs" / "benchmarks.md"
    before = docs.read_bytes()
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    for key in ALWAYS:
        assert isinstance(figures[key], int | float) and figures[key] > 0, (key, figures[key])
    assert figures["size"]["mode"] == "quick"
    assert "ratio" in done.stdout and "bare QMainWindow" in done.stdout  # the table comes before the JSON
    assert "near-duplicate groups of a meeting of 500" in done.stdout and "12 groups | dict word index" in done.stdout
    assert docs.read_bytes() == before, "a quick run must not overwrite the full run's report"
