"""Importing questions from the window: a file dropped on the tab, its columns chosen over a preview
(and remembered), the plan shown before anything is written, one undo step; bad files refused."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from council_prep.gui.desk.import_dialog import ImportDialog
from council_prep.gui.main_window import MainWindow
from tests.gui.test_keyboard import mnemonic_owners, repeated, unnamed

HEADERS = "Timestamp,Full name,Organization,Your question for the Council,A second question (optional)\n"
ROWS = ("2027/02/22 8:14:03 AM EST,Ana Perez,SUTEP,How many labor inspectors were hired in 2026?,"
        "Is the registry online?\n"
        "2027/02/23 4:02:51 PM EST,Luis Gomez,,Will the Council discuss forced labor in logging?,\n"
        "2027/02/24 9:00:00 AM EST,Kim Park,State University,,\n")


def drop(qtbot, widget, path: Path) -> None:
    """Drag `path` from a file manager onto `widget` and let go, as Qt delivers it."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(widget.rect().center())
    enter = QDragEnterEvent(QPoint(int(centre.x()), int(centre.y())), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, dropped)


def open_dialog(qtbot, window: MainWindow, path: Path) -> ImportDialog:
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    drop(qtbot, tab, path)
    shown = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def choose(qtbot, combo, text: str) -> None:
    """Pick `text` in a drop-down from the keyboard: focus it, open it, walk to the entry, Enter."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not offered"


def test_dropped_file_asks_for_the_column_then_shows_the_plan_then_imports_as_one_step(qtbot, window: MainWindow,
                                                                                      tmp_path: Path):
    path = tmp_path / "responses.csv"
    path.write_text(HEADERS + ROWS, encoding="utf-8")
    store = window.session.store
    meeting = window.current_meeting()
    before = store.questions.count_of(meeting_id=meeting.id)
    dialog = open_dialog(qtbot, window, path)
    assert "Choose which column holds Question" in dialog.doubt.text()
    assert "“Your question for the Council” or “A second question (optional)”" in dialog.doubt.text()
    assert [dialog.preview.horizontalHeaderItem(c).text()[:2] for c in (2, 3, 4)] == ["Or", "? ", "? "]
    assert unnamed(dialog) == [] and repeated(mnemonic_owners(dialog)) == []
    assert not dialog.check_button.isEnabled()  # a person must choose first
    assert dialog.preview.item(1, 1).text() == "Ana Perez"  # the first rows under the drop-downs
    # The second question column is chosen as the text; the first is then not imported.
    choose(qtbot, dialog.combos[4], "Question")
    assert dialog.combos[3].currentText() == "(not imported)" and dialog.check_button.isEnabled()
    assert dialog.preview.horizontalHeaderItem(3).text() == "Your question for the Council"
    choose(qtbot, dialog.combos[4], "(not imported)")
    choose(qtbot, dialog.combos[3], "Question")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    report = dialog.report.toPlainText()
    assert "2 added" in report and "1 skipped (no question: 1)" in report and "0 rejected" in report
    assert "late" in report and store.questions.count_of(meeting_id=meeting.id) == before  # nothing written yet
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # written in the background, then closed
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert store.questions.count_of(meeting_id=meeting.id) == before + 2
    assert store.questions.one(text="How many labor inspectors were hired in 2026?").asker_name == "Ana Perez"
    assert window.undo_action.text().replace("&", "") == "Undo Import questions from responses.csv"
    window.undo_action.trigger()
    assert store.questions.count_of(meeting_id=meeting.id) == before
    # The same headers next time: the columns chosen are remembered, nothing to choose.
    again = open_dialog(qtbot, window, path)
    assert again.check_button.isEnabled() and again.combos[3].currentText() == "Question"
    assert again.doubt.text().startswith("Columns read:")
    again.reject()


def test_a_file_with_bad_rows_is_refused_in_the_preview_and_the_store_is_left_as_it_was(qtbot, window: MainWindow,
                                                                                       tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text("Question,Asker,Received\nHow are inspectors trained?,Ana,2027-02-30 10:00\n"
                    "Who funds the registry?,Luis,2027-02-21 09:00\n", encoding="utf-8")
    store = window.session.store
    before = store.questions.count()
    steps = window.session.undo_stack.count()
    dialog = open_dialog(qtbot, window, path)
    assert dialog.check_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    assert dialog.verdict.text().startswith("This file cannot be imported as it is: 1 problem")
    assert "row 2" in dialog.report.toPlainText() and "Received" in dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.apply()  # even asked directly, a refused plan writes nothing
    assert store.questions.count() == before and window.session.undo_stack.count() == steps
    dialog.reject()


def test_a_file_that_is_not_a_spreadsheet_says_so_and_nothing_is_written(qtbot, window: MainWindow, tmp_path: Path):
    path = tmp_path / "questions.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook" * 10)
    store = window.session.store
    before = store.questions.count()
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    drop(qtbot, tab, path)
    box = window.findChild(QMessageBox, "import-failed")
    assert box is not None and "questions.xlsx" in box.text()
    assert not [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert store.questions.count() == before
    box.close()
