"""What the real start (`council-prep --store FILE`) loads: compiled modules, and nothing the first paint
does not need."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Imported by a command, an export or the first log line, never by opening the window.
NOT_AT_START = ["council_prep.book", "council_prep.cli.export_commands", "council_prep.cli.import_commands",
                "council_prep.cli.store_commands", "council_prep.importers", "logging.handlers", "socket",
                "platformdirs", "docx", "openpyxl", "click"]


@pytest.mark.slow
def test_the_command_shows_the_window_without_what_comes_later(demo_store_file: Path, tmp_path: Path):
    store = tmp_path / "demo.db"
    shutil.copyfile(demo_store_file, store)
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QMainWindow

        def shown(app):  # instead of waiting for the user: what is loaded once the window is painted
            app.processEvents()
            windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            print(len(windows), sorted(m for m in {NOT_AT_START!r} if m in sys.modules))
            QTest.keyClick(windows[0], Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the Questions tab
            app.processEvents()
            print(windows[0].tabs.currentWidget().accessibleName(), "rapidfuzz" in sys.modules)
            return 0

        QApplication.exec = shown
        from council_prep.launch import main  # what the council-prep command runs
        sys.argv = ["council-prep", "--store", {str(store)!r}]
        main()
    """)
    home = {name: str(tmp_path / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **home})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == ["1 []", "Questions False"]  # similar questions: when compared


def test_modules_are_compiled_once_even_where_python_writes_no_bytecode(tmp_path: Path):
    package = tmp_path / "council_prep"
    shutil.copytree(ROOT / "council_prep", package, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}

    def start(*flags: str) -> str:
        done = subprocess.run([sys.executable, *flags, "-c", "import council_prep.cli, council_prep.store"],
                              capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stderr

    start()
    compiled = package / "store" / "__pycache__" / f"store.{sys.implementation.cache_tag}.pyc"
    assert compiled.exists() and (package / "gui" / "__pycache__").is_dir()  # modules not imported yet too
    loaded = start("-v")
    assert f"code object from '{compiled}'" in loaded
    assert f"code object from '{package / 'cli' / '__pycache__'}" in loaded

    source = package / "store" / "store.py"
    later = compiled.stat().st_mtime + 5
    source.write_text(source.read_text() + "\n")
    os.utime(source, (later, later))
    start()
    recorded = int.from_bytes(compiled.read_bytes()[8:12], "little")  # the source's time the .pyc was made from
    assert recorded == int(later)
    assert f"code object from '{compiled}'" in start("-v")
