"""Screenshots of every tab of the window on a fresh demo store, for the README and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUTPUT_FOLDER]

Writes gui-agenda.png, gui-law-changes.png, gui-submissions.png, gui-questions.png, gui-book.png
and gui-search.png (default folder: docs/images).
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from council_prep.demo import load_demo  # noqa: E402
from council_prep.gui.app import application  # noqa: E402
from council_prep.gui.main_window import MainWindow  # noqa: E402
from council_prep.gui.opening import open_session  # noqa: E402
from council_prep.gui.settings import Settings  # noqa: E402
from council_prep.store import Store  # noqa: E402

TABS = ["agenda", "law-changes", "submissions", "questions", "book"]


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"
    output.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "demo.db"
        with Store.open(store_path) as store:
            load_demo(store)
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(open_session(store_path, read_only=False, ask=lambda reason: True), settings)
        window.resize(1400, 900)
        window.show()
        settle(app)
        for index, name in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            settle(app)
            window.grab().save(str(output / f"gui-{name}.png"))
        window.tabs.setCurrentIndex(0)
        window.open_search()
        window.search.box.setText("migrant fish")
        window.search.run_search()
        settle(app)
        window.search.grab().save(str(output / "gui-search.png"))
        window.close()
    print(f"screenshots written to {output}")


if __name__ == "__main__":
    main()
