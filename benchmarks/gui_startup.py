"""Cold start of the desktop window on the demo store, against a bare PySide6 QMainWindow in the same run.

Each start is a fresh `python -c` child process (QT_QPA_PLATFORM=offscreen) timed from launch until
the window has been shown and painted once; the median of several runs is reported. Goal: ratio <= 2.0.

    .venv/bin/python benchmarks/gui_startup.py [--runs N]
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1320, 820)
window.show()
app.processEvents()
window.grab()
"""

APP = """
import sys
from PySide6.QtCore import QSettings
from council_prep.gui.app import application
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
app = application()
window = MainWindow(open_session({store!r}, read_only=False, ask=lambda reason: True),
                    Settings(QSettings({settings!r}, QSettings.Format.IniFormat)))
window.show()
app.processEvents()
window.grab()
heavy = [m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl')]
assert not heavy, heavy
"""


def start_time(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    from council_prep.demo import load_demo
    from council_prep.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "demo.db"
        with Store.open(store) as opened:
            counts = load_demo(opened)
        app_code = APP.format(store=str(store), settings=str(Path(folder) / "settings.ini"))
        start_time(BARE), start_time(app_code)  # warm the OS file cache for both
        bare: list[float] = []
        ours: list[float] = []
        for _ in range(args.runs):  # interleaved, so a slow spell of a shared machine hits both alike
            bare.append(start_time(BARE))
            ours.append(start_time(app_code))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"demo store: {counts}")
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {args.runs} runs each (median)")
    print(f"bare PySide6 QMainWindow shown : {bare_median * 1000:7.0f} ms")
    print(f"council-prep main window shown : {ours_median * 1000:7.0f} ms")
    print(f"ratio                          : {ours_median / bare_median:7.2f}  (goal <= 2.0)")


if __name__ == "__main__":
    main()
