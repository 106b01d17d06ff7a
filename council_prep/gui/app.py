"""Starting the desktop app: the application object, error hook, the store's lock and the main window."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from council_prep.errors import CouncilPrepError
from council_prep.gui.errors import ErrorHook, setup_logging
from council_prep.gui.icons import app_icon
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import ask_with_dialog, open_session
from council_prep.gui.settings import APPLICATION, ORGANIZATION, Settings


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("council-prep")
    app.setDesktopFileName("council-prep")
    app.setWindowIcon(app_icon())
    return app


def run(store_path: Path, *, read_only: bool = False, notice: str | None = None) -> int:
    """Open the window on `store_path` and run until it closes; returns the exit code."""
    app = application()
    hook = ErrorHook(setup_logging())
    hook.install()
    try:
        session = open_session(store_path, read_only=read_only, ask=ask_with_dialog(None))
    except CouncilPrepError as exc:
        from council_prep.gui import messages

        box = messages.error(None, "Cannot open store", str(exc))
        box.finished.connect(app.quit)
        app.exec()
        return 1
    window = MainWindow(session, Settings())
    if notice:
        window.say(notice)
    elif session.read_only:
        window.say(f"{store_path.name} is open read-only for review; edits are disabled")
    window.show()
    try:
        return app.exec()
    finally:
        hook.uninstall()
