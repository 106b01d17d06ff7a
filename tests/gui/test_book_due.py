"""The book's due date: set in the meeting dialog, counted down in the status bar; the Book tab lists what is draft."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from council_prep.gui.main_window import MainWindow
from tests.gui.brief_sample import Today


def test_the_window_counts_down_to_the_book_and_says_when_it_is_late(qtbot, brief_window: MainWindow, today: Today):
    window = brief_window
    assert window.book_due.text() == "Book due in 5 days"  # due 25 February, today the 20th
    assert window.book_due.isVisible()

    dialog = window.edit_meeting()
    field = dialog.book_due
    field.selectAll()
    qtbot.keyClicks(field, "2027-02-2x")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "Book due: '2027-02-2x' is not a date" in dialog.problems.text()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "1")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.current_meeting().book_due_on == date(2027, 2, 21)
    assert window.book_due.text() == "Book due tomorrow"

    today.day = date(2027, 2, 23)
    window.session.clock.check()
    assert window.book_due.text() == "⚠ Book overdue by 2 days"

    window.undo_action.trigger()  # back to the 25th
    assert window.book_due.text() == "Book due in 2 days"


def test_the_book_tab_lists_what_is_still_draft(qtbot, brief_window: MainWindow):
    window = brief_window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    draft = window.book_tab.draft.list
    lines = [draft.item(n).text() for n in range(draft.count())]
    assert "Agenda item 1, “Opening remarks”, is still a draft" in lines
    assert "No participants yet (People tab)" in lines

    # Made final in the agenda, the item leaves the list when the Book tab is shown again.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    tab = window.agenda_tab
    tab.select_item(window.session.store.agenda.one(title="Opening remarks").id)
    status = tab.form.editors["status"].widget
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # draft -> final
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    lines = [draft.item(n).text() for n in range(draft.count())]
    assert "Agenda item 1, “Opening remarks”, is still a draft" not in lines
    assert "Agenda item 2, “Outsourcing and freedom of association”, is still a draft" in lines
    assert window.book_tab.draft.title() == f"Still draft ({len(lines)})"
