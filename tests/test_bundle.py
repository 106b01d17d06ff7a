"""build.spec makes a desktop bundle that runs on its own: resources, templates and exporters inside."""

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bundle_builds_and_exports_offline(tmp_path: Path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    assert pyinstaller.exists(), "pyinstaller comes with the dev extra, beside this Python"
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert build.returncode == 0, build.stderr[-3000:]
    program = tmp_path / "dist" / "council-prep" / "council-prep"
    store = tmp_path / "demo.db"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=120, cwd=tmp_path)

    assert run("demo", "--store", str(store)).returncode == 0
    docx_run = run("export", "docx", "--store", str(store), "--meeting", "1", "-o", str(tmp_path / "b.docx"))
    assert docx_run.returncode == 0, docx_run.stderr
    xlsx_run = run("export", "xlsx", "--store", str(store), "--meeting", "1", "-o", str(tmp_path / "b.xlsx"))
    assert xlsx_run.returncode == 0, xlsx_run.stderr
    assert any(p.style.name == "Heading 1" for p in Document(tmp_path / "b.docx").paragraphs)
    assert "Questions" in load_workbook(tmp_path / "b.xlsx", read_only=True).sheetnames
