"""Review mode: a read-only store read in the reading view, with private notes that never touch the store."""

import hashlib
import os
import stat
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.window_actions import READING
from council_prep.store import Store
from tests.gui.boxes import visible


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_review(qtbot, path: Path, settings) -> MainWindow:
    window = MainWindow(open_session(path, read_only=True, ask=lambda reason: False), settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def give_topics(path: Path) -> None:
    """Put the first agenda item on the questions' topic, so questions are expected on it."""
    with Store.open(path) as store:
        item = store.agenda.find()[0]
        item.topic_key = "minimum_wages"
        item.background = "Wages were last raised in 2022."
        store.agenda.update(item)


def test_review_mode_closes_every_edit_path_and_writes_nothing(qtbot, sample_store_path: Path, settings):
    before = digest(sample_store_path)
    window = open_review(qtbot, sample_store_path, settings)
    assert window.tabs.currentIndex() == READING
    store = window.session.store
    # typing in a field, choosing in a drop-down, ticking a box: nothing changes, and nothing looks disabled
    window.tabs.setCurrentWidget(window.questions_tab)
    form = window.questions_tab.form
    text, status, confidential = (form.editors[n].widget for n in ("asker_name", "status", "confidential"))
    assert text.isEnabled() and status.isEnabled() and form.isEnabled()
    shown = text.text()
    text.setFocus()
    qtbot.keyClicks(text, "changed")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.text() == shown
    index = status.currentIndex()
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    assert status.currentIndex() == index and not status.view().isVisible()
    ticked = confidential.isChecked()
    qtbot.mouseClick(confidential, Qt.MouseButton.LeftButton)
    assert confidential.isChecked() == ticked
    assert not window.questions_tab.add_button.isVisible() and not window.questions_tab.delete_button.isVisible()
    assert not window.questions_tab.entry.isVisible() and not window.questions_tab.triage.assign_button.isVisible()
    # drag and drop, delete, undo, the meeting dialog
    window.tabs.setCurrentWidget(window.agenda_tab)
    agenda = window.agenda_tab
    assert not agenda.view.dragEnabled()
    titles = [i.title for i in agenda.model.items]
    data = agenda.model.mimeData([agenda.model.index(3, 2)])
    agenda.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    agenda.view.setFocus()
    qtbot.keyClick(agenda.view, Qt.Key.Key_Delete)
    qtbot.keyClick(agenda.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.title for i in store.agenda.for_meeting(1)] == titles
    assert not window.new_meeting_action.isEnabled() and not window.edit_meeting_action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    window.close()
    assert digest(sample_store_path) == before


def test_reading_view_pages_through_the_agenda(qtbot, sample_store_path: Path, settings):
    give_topics(sample_store_path)
    window = open_review(qtbot, sample_store_path, settings)
    view = window.reading_view
    assert window.marking.isVisible() and window.marking.text() == "SENSITIVE BUT UNCLASSIFIED"
    page = view.page.document().toPlainText()
    assert "Opening remarks" in page and "First point" in page and "Talking points" in page
    assert "09:00–09:15 · 15 min" in page and "Objective for Opening remarks." in page
    assert "Wages were last raised in 2022." in page and "Questions expected" in page
    assert "Question 1 about wages in Peru" in page
    view.page.setFocus()
    seen = [page.split("\n")[2]]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
        seen.append(view.page.document().toPlainText().split("\n")[2])
    assert seen == ["Opening remarks", "Outsourcing and freedom of association", "Labor inspection capacity",
                    "Child labor in agriculture"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert view.current_item().title == "Labor inspection capacity"
    view.sidebar.setFocus()
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Home)
    assert view.current_item().title == "Opening remarks"
    # type size: Ctrl+= larger, Ctrl+- smaller
    size = view.page.font().pointSize()
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.page.font().pointSize() == size + 4
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.page.font().pointSize() == size + 2
    # Ctrl+F finds within the page
    qtbot.keyClick(view.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_box.hasFocus()
    qtbot.keyClicks(view.find_box, "first point")
    qtbot.keyClick(view.find_box, Qt.Key.Key_Return)
    assert view.page.textCursor().selectedText().casefold() == "first point"
    qtbot.keyClick(view.find_box, Qt.Key.Key_Escape)
    assert not view.find_box.isVisible()
    # a linked law change opens in its tab: Tab reaches the link on the page, Enter follows it
    view.sidebar.setCurrentRow(1)
    view.page.setFocus()
    qtbot.keyClick(view.page, Qt.Key.Key_Tab)
    qtbot.keyClick(view.page, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.law_tab
    assert window.session.store.law_changes.get(window.law_tab.current_id()).title == "Outsourcing regulation"
    window.close()


def test_notes_are_saved_as_typed_survive_a_restart_and_never_touch_the_store(qtbot, sample_store_path: Path,
                                                                              settings, tmp_path: Path):
    before = digest(sample_store_path)
    window = open_review(qtbot, sample_store_path, settings)
    view = window.reading_view
    view.sidebar.setCurrentRow(2)
    view.notes_box.editor.setFocus()
    qtbot.keyClicks(view.notes_box.editor, "Ask how many inspectors were hired.")
    qtbot.waitUntil(lambda: view.notebook.path.exists(), timeout=3000)  # saved after a pause in typing
    qtbot.keyClick(view.notes_box.editor, Qt.Key.Key_PageDown)
    qtbot.keyClicks(view.notes_box.editor, "Child labor: thank them for the list.")
    window.close()  # saved on closing, without waiting for the pause
    assert digest(sample_store_path) == before
    assert list(settings.notes_folder().glob("*.json")) == [view.notebook.path]

    again = open_review(qtbot, sample_store_path, settings)
    reading = again.reading_view
    reading.sidebar.setCurrentRow(2)
    assert reading.notes_box.editor.toPlainText() == "Ask how many inspectors were hired."
    reading.sidebar.setCurrentRow(3)
    assert reading.notes_box.editor.toPlainText() == "Child labor: thank them for the list."

    dialog = reading.choose_export()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    output = tmp_path / "my-notes.docx"
    dialog.selectFile(str(output))
    dialog.accept()
    qtbot.waitUntil(output.exists, timeout=3000)
    paragraphs = [p.text for p in Document(str(output)).paragraphs]
    assert paragraphs == ["My notes for Peru Labor Affairs Council, 2027",
                          "Labor inspection capacity", "Ask how many inspectors were hired.",
                          "Child labor in agriculture", "Child labor: thank them for the list."]
    again.close()
    assert digest(sample_store_path) == before


def test_notes_on_items_gone_from_a_newer_copy_are_kept_and_listed(qtbot, sample_store_path: Path, settings):
    window = open_review(qtbot, sample_store_path, settings)
    view = window.reading_view
    view.sidebar.setCurrentRow(1)
    view.notes_box.editor.setPlainText("Push on subcontracting.")
    window.close()
    with Store.open(sample_store_path) as store:  # the officer deletes the item; the delegate gets the new copy
        store.agenda.delete(store.agenda.one(title="Outsourcing and freedom of association").id)
    again = open_review(qtbot, sample_store_path, settings)
    sidebar = again.reading_view.sidebar
    last = sidebar.item(sidebar.count() - 1)
    assert last.text() == "Notes on records no longer here (1)"
    sidebar.setCurrentRow(sidebar.count() - 1)
    page = again.reading_view.page.document().toPlainText()
    assert "Outsourcing and freedom of association" in page and "Push on subcontracting." in page
    again.close()


def test_a_read_only_store_file_opens_for_review_without_asking(qtbot, sample_store_path: Path, settings):
    os.chmod(sample_store_path, stat.S_IRUSR | stat.S_IRGRP)
    asked: list[str] = []
    try:
        session = open_session(sample_store_path, read_only=False, ask=lambda reason: asked.append(reason) or False)
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        assert session.read_only and asked == []
        assert window.tabs.currentIndex() == READING
        assert "for review" in window.statusBar().currentMessage()
        window.close()
    finally:
        os.chmod(sample_store_path, stat.S_IRUSR | stat.S_IWUSR)


def test_review_flag_opens_the_window_read_only(monkeypatch, sample_store_path: Path):
    from council_prep import cli
    from council_prep.gui import app

    calls = []
    monkeypatch.setattr(app, "run", lambda path, **options: calls.append((path, options)) or 0)
    result = CliRunner().invoke(cli.main, ["--store", str(sample_store_path), "--review"])
    assert result.exit_code == 0, result.output
    assert calls == [(sample_store_path, {"read_only": True, "notice": None})]
    assert not visible("store-failed")


def test_notes_on_a_question_beside_its_record_and_in_the_export(qtbot, sample_store_path: Path, settings,
                                                                 tmp_path: Path):
    before = digest(sample_store_path)
    window = open_review(qtbot, sample_store_path, settings)
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    question = window.session.store.questions.get(tab.current_id())
    box = tab.notes_box.editor
    box.setFocus()
    qtbot.keyClicks(box, "Answer with the 2026 inspection figures.")
    window.tabs.setCurrentWidget(window.reading_view)  # leaving the tab saves the note
    output = window.reading_view.export_notes(tmp_path / "notes.docx")
    paragraphs = [p.text for p in Document(str(output)).paragraphs]
    assert paragraphs[-2:] == [f"Question: {question.text}", "Answer with the 2026 inspection figures."]
    window.close()
    again = open_review(qtbot, sample_store_path, settings)
    again.tabs.setCurrentWidget(again.questions_tab)
    again.questions_tab.select_record(question.id)
    assert again.questions_tab.notes_box.editor.toPlainText() == "Answer with the 2026 inspection figures."
    again.close()
    assert digest(sample_store_path) == before


def test_an_editing_window_has_no_notes_beside_records(qtbot, window: MainWindow):
    assert window.law_tab.notes_box is None


def test_a_note_typed_just_before_opening_another_store_is_kept(qtbot, sample_store_path: Path, settings,
                                                                 demo_store_path: Path):
    window = open_review(qtbot, sample_store_path, settings)
    view = window.reading_view
    uid = view.current_item().uid
    view.notes_box.editor.setFocus()
    qtbot.keyClicks(view.notes_box.editor, "Quick thought")
    assert window.open_store(demo_store_path, read_only=True)  # at once, before the pause has passed
    with Store.open(sample_store_path, read_only=True) as store:
        from council_prep.notes import Notebook

        assert Notebook.for_store(store, settings.notes_folder()).text(uid) == "Quick thought"
    window.close()


def test_reading_view_of_an_editing_window_follows_edits_and_names_its_keys(qtbot, window: MainWindow):
    view = window.reading_view
    tab = window.agenda_tab
    title = tab.form.editors["title"].widget
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Opening remarks and adoption of the agenda")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    window.tabs.setCurrentWidget(view)
    assert "Opening remarks and adoption of the agenda" in view.page.document().toPlainText()
    tips = [a.toolTip() for a in view.bar.actions()]
    assert "Next item ▶ (PgDown)" in tips and "Larger type (Ctrl+=)" in tips
