"""Ctrl+K search over everything: results with highlighted words as you type, Enter jumps to the record."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from council_prep.gui.main_window import MainWindow
from council_prep.gui.search import marked_html


def search(qtbot, window: MainWindow, text: str):
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # back from the previous jump
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search
    qtbot.waitUntil(lambda: dialog.isVisible() and QApplication.focusWidget() is dialog.box, timeout=2000)
    qtbot.keyClicks(dialog.box, text)
    qtbot.waitUntil(lambda: not dialog.debounce.isActive() and dialog.model.rowCount() > 0, timeout=2000)
    return dialog


def test_search_finds_law_change_and_jumps_to_its_row(qtbot, window: MainWindow):
    dialog = search(qtbot, window, "collective barg")
    hits = dialog.hits()
    assert hits[0].kind == "law_change"
    title_html = marked_html(hits[0], hits[0].title, ("#ff0", "#000"))
    assert '<b style="background-color:#ff0; color:#000">collective</b>' in title_html
    assert dialog.summary.text() == "1 result"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.law_tab
    record = window.session.store.law_changes.get(window.law_tab.current_id())
    assert record.title == "Decree on collective bargaining"
    assert window.law_tab.form.editors["title"].widget.text() == record.title


def test_search_jumps_to_an_agenda_item_and_question(qtbot, window: MainWindow):
    window.tabs.setCurrentWidget(window.book_tab)
    dialog = search(qtbot, window, "inspection capacity")
    assert dialog.hits()[0].kind == "agenda_item"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.agenda_tab
    item = window.session.store.agenda.get(window.agenda_tab.current_id())
    assert item.title == "Labor inspection capacity"

    dialog = search(qtbot, window, "Question 7 about")
    kinds = [h.kind for h in dialog.hits()]
    assert kinds[0] == "question"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.questions_tab
    question = window.session.store.questions.get(window.questions_tab.current_id())
    assert question.text.startswith("Question 7 about")


def test_search_with_arrow_keys_and_no_results(qtbot, window: MainWindow):
    dialog = search(qtbot, window, "Question")
    assert dialog.results.currentIndex().row() == 0
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    second = dialog.hits()[1]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.questions_tab.current_id() == second.record_id

    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.box.setText('zzqx "(')
    qtbot.waitUntil(lambda: dialog.summary.text() == "0 results", timeout=2000)
    assert dialog.model.rowCount() == 0
