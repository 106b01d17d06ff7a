"""Small things a user meets: titles, plurals, status messages, replacing files, dates, search hits, the marking."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from council_prep.domain import AgendaItem
from council_prep.gui.main_window import MainWindow
from council_prep.gui.search import mark_colors
from tests.gui.boxes import click_button, wait_for_box


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_window_title_names_the_app_once(qtbot, window: MainWindow):
    QApplication.setApplicationDisplayName("council-prep")
    assert window.windowTitle() == "sample.db — Peru Labor Affairs Council, 2027"
    assert "council-prep" not in window.windowTitle()


def test_one_item_and_one_result_are_singular(qtbot, window: MainWindow):
    store = window.session.store
    meeting = window.current_meeting()
    for item in store.agenda.for_meeting(meeting.id)[1:]:
        store.agenda.delete(item.id)
    window.agenda_tab.reload()
    assert window.agenda_tab.heading.text().endswith("· 1 item")
    window.open_search()
    window.search.box.setText("Opening remarks")
    window.search.run_search()
    assert window.search.summary.text() == "1 result"


def test_status_bar_names_the_step_just_saved(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    title = tab.form.editors["title"].widget
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Renamed decree")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Saved: Edit law change “Renamed decree”"


def test_new_agenda_item_title_is_selected_so_typing_replaces_it(qtbot, window: MainWindow):
    tab = window.agenda_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    title = tab.form.editors["title"].widget
    qtbot.keyClicks(title, "Closing remarks")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert window.session.store.agenda.find_uid(
        tab.model.items[tab.view.currentIndex().row()].uid).title == "Closing remarks"


def test_new_question_puts_the_cursor_in_the_empty_entry_form(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    before = window.session.store.questions.count()
    tab.table.setFocus()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert window.session.store.questions.count() == before  # no placeholder record to type over
    text = tab.entry.text
    assert text.hasFocus() and text.toPlainText() == ""
    qtbot.keyClicks(text, "Who funds the inspectors?")
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.store.questions.get(tab.current_id()).text == "Who funds the inspectors?"


def test_existing_export_file_is_replaced_only_when_agreed(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    tab.file_name.setText("book")
    existing = tmp_path / "book.xlsx"
    existing.write_bytes(b"the officer's own file")
    qtbot.mouseClick(tab.excel_button, Qt.MouseButton.LeftButton)
    box = wait_for_box(qtbot, "replace-file")
    assert str(existing) in box.text()
    click_button(qtbot, box, "Cancel")
    assert existing.read_bytes() == b"the officer's own file" and tab.operation is None

    qtbot.mouseClick(tab.excel_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, wait_for_box(qtbot, "replace-file"), "Replace")
    done = wait_for_box(qtbot, "export-finished")
    assert done.icon() == QMessageBox.Icon.Information
    click_button(qtbot, done, "Close")
    assert existing.read_bytes()[:2] == b"PK"


def test_search_marks_are_readable_in_a_dark_palette(qtbot):
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.Highlight, "#2a82da"), (QPalette.ColorRole.HighlightedText, "#ffffff")):
        dark.setColor(role, QColor(colour))
    for selected in (False, True):
        back, text = mark_colors(dark, selected)
        assert contrast(QColor(back), QColor(text)) >= 3.0


def test_iso_dates_typed_in_the_meeting_dialog_are_read_as_typed(qtbot, window: MainWindow):
    dialog = window.new_meeting()
    qtbot.keyClicks(dialog.title, "Costa Rica Labor Affairs Council, 2027")
    dialog.session_date.selectAll()
    qtbot.keyClicks(dialog.session_date, "2027-06-15")
    assert dialog.meeting().session_date == date(2027, 6, 15)
    assert dialog.public_date.text() == "2027-06-16"  # the public session follows
    dialog.session_date.selectAll()
    qtbot.keyClicks(dialog.session_date, "15/06/2027")
    assert "is not a date (YYYY-MM-DD)" in dialog.problems.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.session_date.selectAll()
    qtbot.keyClicks(dialog.session_date, "2027-07-01")
    assert dialog.public_date.text() == "2027-07-02"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled(), dialog.problems.text()  # an agreement with its partner is chosen already
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    saved = window.session.store.meetings.one(title="Costa Rica Labor Affairs Council, 2027")
    assert saved.session_date == date(2027, 7, 1) and saved.public_session_date == date(2027, 7, 2)
    assert saved.partner_codes


def test_search_hit_names_its_meeting(qtbot, window: MainWindow):
    store = window.session.store
    first = window.current_meeting()
    from dataclasses import replace

    other = store.meetings.add(replace(first, id=None, uid="00000000-0000-4000-8000-000000000001",
                                       title="Peru Labor Affairs Council, 2028", session_date=date(2028, 3, 2),
                                       public_session_date=None))
    store.agenda.add(AgendaItem(meeting_id=other.id, title="Opening remarks", minutes=10))
    window.open_search()
    window.search.box.setText("Opening remarks")
    hits = window.search.run_search()
    assert len(hits) == 2
    rows = [window.search.model.item(r) for r in range(2)]
    from council_prep.gui.search import MEETING_ROLE

    agreement = window.lookups.agreement(first.agreement_key)
    assert sorted(r.data(MEETING_ROLE) for r in rows) == [f"02 Mar 2028 · {agreement}", f"04 Mar 2027 · {agreement}"]


def test_handling_marking_banner_follows_the_meeting(qtbot, window: MainWindow):
    assert window.marking.isVisible() and window.marking.text() == "SENSITIVE BUT UNCLASSIFIED"
    dialog = window.edit_meeting()
    dialog.marking.setCurrentText("")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not window.marking.isVisible()
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.marking.isVisible()
