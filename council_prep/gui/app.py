"""Starting the desktop app."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

from council_prep.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.setWindowTitle(f"council-prep — {store.path.name}")
        meetings = QListWidget()
        meetings.setAccessibleName("Meetings")
        for meeting in store.meetings.find():
            meetings.addItem(f"{meeting.session_date:%d %b %Y}  {meeting.title}")
        self.setCentralWidget(meetings)
        self.statusBar().showMessage(str(store.path))
        self.resize(1100, 720)


def run(store_path: Path, *, read_only: bool = False, notice: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    store = Store.open(store_path, read_only=read_only)
    window = MainWindow(store)
    if notice:
        window.statusBar().showMessage(notice)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
