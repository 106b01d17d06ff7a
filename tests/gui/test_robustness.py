"""Second instance, read-only review, unexpected errors, a store that vanishes, and a light start."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from council_prep.gui.errors import ErrorHook, setup_logging
from council_prep.gui.lock import StoreLock
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.store import StoreBusyError
from tests.gui.boxes import click_button, wait_for_box


def test_second_instance_is_told_and_offered_read_only(qtbot, window: MainWindow, sample_store_path: Path, settings):
    reasons: list[str] = []
    with pytest.raises(StoreBusyError):
        open_session(sample_store_path, read_only=False, ask=lambda reason: reasons.append(reason) or False)
    assert "already open for editing in another council-prep window" in reasons[0]

    second = MainWindow(open_session(sample_store_path, read_only=False, ask=lambda reason: True), settings)
    qtbot.addWidget(second)
    assert second.session.read_only and second.windowTitle().endswith("[read-only]")
    assert not second.agenda_tab.add_button.isEnabled()
    assert not second.new_meeting_action.isEnabled()
    assert not second.law_tab.delete_button.isEnabled()
    assert second.law_tab.form.editors["title"].widget.isReadOnly()
    second.agenda_tab.view.setFocus()
    second.agenda_tab.move_item(second.agenda_tab.model.items[0].id, 3)
    assert window.session.store.agenda.for_meeting(1)[0].title == "Opening remarks"  # nothing was written
    second.close()
    assert window.session.lock is not None and StoreLock(sample_store_path).path.exists()


def test_lock_is_released_on_close_and_taken_by_the_next(qtbot, sample_store_path: Path, settings):
    first = open_session(sample_store_path, read_only=False, ask=lambda reason: False)
    first.close()
    again = open_session(sample_store_path, read_only=False, ask=lambda reason: False)
    assert not again.read_only
    again.close()


def test_read_only_flag_opens_for_review(qtbot, sample_store_path: Path, settings):
    review = MainWindow(open_session(sample_store_path, read_only=True, ask=lambda reason: False), settings)
    qtbot.addWidget(review)
    assert review.session.read_only and "[read-only]" in review.windowTitle()
    assert "(read-only)" in review.path_label.text()
    assert not review.agenda_tab.form.editors["talking_points"].add_button.isEnabled()


def test_unexpected_error_shows_dialog_with_log_and_window_stays(qtbot, window: MainWindow, tmp_path: Path):
    log = setup_logging(tmp_path / "logs" / "council-prep.log")
    hook = ErrorHook(log)
    hook.install()
    try:
        # A slot that fails, as a bug would, delivered through Qt's event loop.
        window.search_action.triggered.connect(lambda: 1 / 0)
        window.search_action.trigger()
        box = wait_for_box(qtbot, "unexpected-error")
    finally:
        hook.uninstall()
    assert log.path is not None and "division by zero" in box.text() and str(log.path) in box.text()
    click_button(qtbot, box, "Close")
    assert window.isVisible()
    assert "ZeroDivisionError" in log.path.read_text(encoding="utf-8")


def test_store_that_vanishes_is_reported_and_editing_stops(qtbot, window: MainWindow, sample_store_path: Path):
    sample_store_path.rename(sample_store_path.with_suffix(".moved"))
    assert "vanished" in window.watch.check()
    box = wait_for_box(qtbot, "store-lost")
    assert "vanished" in box.text()
    click_button(qtbot, box, "Close")
    assert window.session.read_only and window.windowTitle().endswith("[read-only]")
    assert not window.agenda_tab.add_button.isEnabled()
    assert "vanished" in window.statusBar().currentMessage()


def test_failed_write_is_reported_not_crashed(qtbot, window: MainWindow):
    tab = window.agenda_tab
    tab.form.editors["title"].widget.setFocus()
    steps = window.session.undo_stack.count()
    window.session.store.conn.execute("PRAGMA query_only = ON")  # the store refuses writes from now on
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    box = wait_for_box(qtbot, "store-failed")
    assert "read-only" in box.text()
    click_button(qtbot, box, "Close")
    assert window.isVisible() and window.session.undo_stack.count() == steps
    assert "Not saved" in window.statusBar().currentMessage()
    window.session.store.conn.execute("PRAGMA query_only = OFF")


LATER_MODULES = {"council_prep.gui.book_tab", "council_prep.gui.search", "council_prep.gui.messages",
                 "council_prep.gui.meetings.dialog", "council_prep.gui.tables.table_tab", "logging.handlers"}


def test_start_imports_neither_the_exporters_nor_what_opens_later(sample_store_path: Path, tmp_path: Path):
    later_modules = sorted(LATER_MODULES)
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings
        from council_prep.gui.app import application
        from council_prep.gui.main_window import MainWindow
        from council_prep.gui.opening import open_session
        from council_prep.gui.settings import Settings
        app = application()
        window = MainWindow(open_session({str(sample_store_path)!r}, read_only=False, ask=lambda r: True),
                            Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)))
        window.show()
        app.processEvents()
        heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'openpyxl', 'lxml')
                       or m.startswith('council_prep.exporters.docx') or m.startswith('council_prep.exporters.xlsx'))
        later = sorted(m for m in sys.modules if m in {later_modules!r})
        print(heavy + later)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_window_remembers_size_splitters_and_meeting(qtbot, sample_store_path: Path, settings):
    first = MainWindow(open_session(sample_store_path, read_only=False, ask=lambda r: True), settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width(), 500)  # the offscreen screen is small
    size = first.size()
    first.law_tab.splitter.setSizes([300, 600])
    sizes = first.law_tab.splitter.sizes()
    first.close()
    assert settings.recent_stores() == [sample_store_path.resolve()]
    assert settings.last_meeting(sample_store_path) is not None

    second = MainWindow(open_session(sample_store_path, read_only=False, ask=lambda r: True), settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.law_tab.splitter.sizes() == sizes
    assert second.current_meeting().uid == settings.last_meeting(sample_store_path)
    second.close()


def test_widgets_have_accessible_names(window: MainWindow):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableView

    unnamed = [w for kind in (QLineEdit, QComboBox, QTableView, QPlainTextEdit)
               for w in window.findChildren(kind) if w.isVisibleTo(window) and not w.accessibleName()
               and not isinstance(w.parent(), QComboBox) and not w.objectName().startswith("qt_")]
    assert unnamed == []


def test_many_qt_calls_do_not_exhaust_none(tmp_path: Path):
    """A long session survives: PySide6 6.12.0 on Python 3.11 lost a reference to None per void call
    and aborted after a few thousand; pyproject.toml keeps that release out."""
    script = textwrap.dedent("""
        import council_prep.gui
        from PySide6.QtCore import QObject
        thing = QObject()
        for _ in range(100_000):
            thing.setObjectName("x")
        print("done")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
