"""The window follows the store's change log: rows change in place, links follow, undo survives a restart."""

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from council_prep.domain import Question
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.session import LARGE_STEP
from council_prep.gui.settings import Settings
from council_prep.gui.tables.table_tab import TableTab
from council_prep.gui.window_actions import QUESTIONS
from council_prep.store import Store
from tests.gui import check_lists


def link_rows(window: MainWindow) -> dict[str, int]:
    """The agenda pane's law-change choices: their text and row."""
    links = window.agenda_tab.form.editors["law_change_ids"].widget
    return {text: row for row, text in enumerate(check_lists.texts(links))}


def test_delete_a_law_change_undo_then_link_it_in_the_agenda(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    target = store.law_changes.one(title="Labor inspection law reform")
    assert tab.select_record(target.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert store.law_changes.one(title="Labor inspection law reform") is None
    assert "PE · Labor inspection law reform" not in link_rows(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.law_changes.one(title="Labor inspection law reform") is not None
    assert tab.model.rowCount() == 6

    window.tabs.setCurrentWidget(window.agenda_tab)
    agenda = window.agenda_tab
    assert agenda.select_item(store.agenda.one(title="Opening remarks").id)
    links = agenda.form.editors["law_change_ids"].widget
    check_lists.toggle(qtbot, links, link_rows(window)["PE · Labor inspection law reform"])
    restored = store.law_changes.one(title="Labor inspection law reform")
    assert store.agenda.one(title="Opening remarks").law_change_ids == [restored.id]
    assert "Not saved" not in window.statusBar().currentMessage()


def test_a_law_change_added_shows_among_the_agenda_links_at_once(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    tab.partner_filter.setCurrentIndex(tab.partner_filter.findText("Peru"))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    title = tab.form.editors["title"].widget
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Telework regulation")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert window.session.store.law_changes.one(title="Telework regulation") is not None
    window.tabs.setCurrentWidget(window.agenda_tab)
    assert "PE · Telework regulation" in link_rows(window)


def test_editing_a_question_changes_its_row_in_place_keeping_the_selection(qtbot, window: MainWindow):
    window.tabs.setCurrentIndex(QUESTIONS)
    tab = cast(TableTab, window.tabs.currentWidget())
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    resets: list[bool] = []
    tab.model.modelReset.connect(lambda: resets.append(True))
    tab.select_record(tab.model.ids()[7])
    chosen = tab.current_id()
    text = tab.form.editors["text"].widget
    text.setFocus()
    text.selectAll()
    qtbot.keyClicks(text, "Edited: how will inspections reach farms?")
    qtbot.keyClick(text, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Tab leaves a text box
    tab.table.setFocus()
    row = tab.model.row_of(chosen)
    assert tab.model.data(tab.model.index(row, 1)).startswith("Edited: how will inspections")
    assert tab.current_id() == chosen and not resets
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not tab.model.data(tab.model.index(tab.model.row_of(chosen), 1)).startswith("Edited")
    assert tab.current_id() == chosen and not resets
    assert tab.form.editors["text"].widget.toPlainText().startswith("Question")


def test_undo_after_closing_and_opening_the_window_again(qtbot, sample_store_path: Path, settings: Settings):
    def opened() -> MainWindow:
        session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
        shown = MainWindow(session, settings, ask_read_only=lambda reason: True)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        shown.activateWindow()
        qtbot.waitActive(shown)
        return shown

    first = opened()
    tab = first.law_tab
    first.tabs.setCurrentWidget(tab)
    target = first.session.store.law_changes.one(title="Outsourcing regulation")
    tab.select_record(target.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert first.session.store.law_changes.one(title="Outsourcing regulation") is None
    first.close()

    second = opened()
    assert second.undo_action.isEnabled()
    assert second.undo_action.text() == "&Undo Delete law change “Outsourcing regulation”"
    second.undo_action.trigger()
    restored = second.session.store.law_changes.one(title="Outsourcing regulation")
    assert restored is not None and restored.uid == target.uid
    assert second.session.store.agenda.one(title="Outsourcing and freedom of association").law_change_ids == [
        restored.id]
    second.close()


def test_history_of_the_selected_item_shows_old_words_struck_and_new_ones_marked(qtbot, window: MainWindow):
    agenda = window.agenda_tab
    window.tabs.setCurrentWidget(agenda)
    store = window.session.store
    agenda.select_item(store.agenda.one(title="Opening remarks").id)
    objective = agenda.form.editors["objective"].widget
    objective.setFocus()
    objective.selectAll()
    qtbot.keyClicks(objective, "Objective for the opening, agreed with Lima.")
    qtbot.keyClick(objective, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # saves what the pane holds
    dialog = window.findChild(QDialog, "history-dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "History of agenda item “Opening remarks”"
    page = dialog.browser.toHtml()
    assert "Edit agenda item “Opening remarks”" in page
    assert "line-through" in page and "remarks.</span>" in page  # the old ending, struck through
    assert "the opening, agreed with Lima." in dialog.browser.toPlainText()
    assert "Created" in dialog.browser.toPlainText()


def test_a_large_undo_runs_in_the_background_and_the_tables_follow(qtbot, sample_store_path: Path,
                                                                   settings: Settings):
    with Store.open(sample_store_path) as store:
        meeting = store.meetings.find()[0]
        store.questions.add_many(Question(meeting_id=meeting.id, text=f"Imported question {n}")
                                 for n in range(LARGE_STEP + 500))
    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    window = MainWindow(session, settings, ask_read_only=lambda reason: True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(QUESTIONS)
    tab = cast(TableTab, window.tabs.currentWidget())
    assert tab.model.rowCount() == 12 + LARGE_STEP + 500
    window.undo_action.trigger()
    assert window.runner.busy  # the step is large: it runs on a worker
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert tab.model.rowCount() == 12 and tab.count_label.text() == "12 questions"
    assert window.statusBar().currentMessage() == "Saved: Undo Add questions"
    window.redo_action.trigger()
    window.close()  # waits for the redo rather than cutting it off
    with Store.open(sample_store_path) as store:
        assert store.questions.count() == 12 + LARGE_STEP + 500
