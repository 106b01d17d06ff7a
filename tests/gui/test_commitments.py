"""Commitments: past due is flagged with an icon and words and counted; the flag follows the clock and the status."""

from datetime import date

from PySide6.QtCore import Qt

from council_prep.domain import Commitment, CommitmentStatus
from council_prep.gui.main_window import MainWindow
from tests.gui.brief_sample import Today


def row_texts(window: MainWindow, row: int = 0) -> list[str]:
    model = window.commitments_tab.model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def flag_icon(window: MainWindow, row: int = 0):
    model = window.commitments_tab.model
    return model.data(model.index(row, 4), Qt.ItemDataRole.DecorationRole)


def test_a_commitment_turns_past_due_when_the_day_comes(qtbot, brief_window: MainWindow, today: Today):
    window = brief_window
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # View > Commitments
    tab = window.commitments_tab
    assert window.tabs.currentWidget() is tab
    assert row_texts(window)[4] == "Open"
    assert flag_icon(window) is None
    assert "past due" not in tab.count_label.text()
    assert tab.form.editors["due_on"].note.text() == "Due in 2 days"

    today.day = date(2027, 2, 25)  # three days after it was due
    window.session.clock.check()
    assert row_texts(window)[4] == "Past due · Open"
    assert flag_icon(window) is not None and not flag_icon(window).isNull()
    assert tab.count_label.text() == "1 commitment · ⚠ 1 past due"
    assert tab.form.editors["due_on"].note.text() == "Past due by 3 days"

    # Done: the flag goes, and Undo brings it back.
    status = tab.form.editors["status"].widget
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_Down)  # open -> done
    assert window.session.store.commitments.find()[0].status == CommitmentStatus.DONE
    assert flag_icon(window) is None and "past due" not in tab.count_label.text()
    window.undo_action.trigger()
    assert "1 past due" in tab.count_label.text()


def test_a_commitment_stored_with_a_past_date_is_flagged_at_once(qtbot, brief_window: MainWindow):
    window = brief_window
    store = window.session.store
    window.session.write("Add", lambda: store.commitments.add(Commitment(text="Publish the child labor list",
                                                                        due_on=date(2026, 12, 1))))
    tab = window.commitments_tab
    rows = {tuple(row_texts(window, r))[1]: r for r in range(tab.model.rowCount())}
    late = rows["Publish the child labor list"]
    assert row_texts(window, late)[4] == "Past due · Open"
    tab.select_record(tab.model.ids()[late])
    assert tab.form.editors["due_on"].note.text() == "Past due by 81 days"
    assert flag_icon(window, late) is not None
    assert "1 past due" in tab.count_label.text()

    # A new commitment is typed in the editor, owned by a person from the directory.
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    text = tab.form.editors["text"].widget
    qtbot.keyClicks(text, "Send the inspectors' training plan")
    owner = tab.form.editors["owner_person_id"].widget
    owner.setFocus()  # leaving the text saves it
    qtbot.keyClicks(owner, "Jane")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    added = store.commitments.one(text="Send the inspectors' training plan")
    assert added is not None and store.people.get(added.owner_person_id).name == "Jane Miller"
