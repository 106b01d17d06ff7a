"""Creating and editing a meeting through the dialog, as a user types."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from council_prep.gui.main_window import MainWindow
from council_prep.gui.meetings.dialog import MeetingDialog


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_new_meeting_validates_as_you_type_and_is_saved(qtbot, window: MainWindow):
    window.new_meeting_action.trigger()
    dialog = window.findChild(MeetingDialog, "meeting-dialog")
    qtbot.waitExposed(dialog)
    assert not ok_button(dialog).isEnabled()
    assert "Meeting title must not be empty" in dialog.problems.text()
    assert dialog.partner_codes(), "a new meeting starts on an agreement with its partner chosen"

    qtbot.keyClicks(dialog.title, "Colombia Labor Affairs Council, 2028")
    dialog.agreement.setCurrentIndex(dialog.agreement.findData("us-colombia-tpa"))
    item = dialog.partners.findItems("Colombia (CO)", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)
    assert ok_button(dialog).isEnabled(), dialog.problems.text()

    dialog.length.setValue(5)
    assert not ok_button(dialog).isEnabled()
    assert "Session length in minutes must be between 15" in dialog.problems.text()
    dialog.length.setValue(240)
    dialog.public_date.selectAll()
    qtbot.keyClicks(dialog.public_date, "2000-01-01")
    assert "Public session date must not be before" in dialog.problems.text()
    dialog.public_date.selectAll()
    qtbot.keyClicks(dialog.public_date, "2028-06-16")
    dialog.location.setText("Bogotá")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    saved = window.session.store.meetings.one(title="Colombia Labor Affairs Council, 2028")
    assert saved is not None and saved.partner_codes == ["CO"] and saved.location == "Bogotá"
    assert window.current_meeting().uid == saved.uid
    assert "Colombia Labor Affairs Council, 2028" in window.windowTitle()
    assert window.undo_action.text().replace("&", "") == "Undo Add meeting “Colombia Labor Affairs Council, 2028”"


def test_edit_meeting_changes_the_agenda_clock(qtbot, window: MainWindow):
    dialog = window.edit_meeting()
    qtbot.waitExposed(dialog)
    assert dialog.title.text() == "Peru Labor Affairs Council, 2027"
    dialog.start_time.setTime(dialog.start_time.time().addSecs(3600))
    dialog.length.setValue(120)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert window.session.store.meetings.find()[0].length_minutes == 120
    assert window.agenda_tab.model.data(window.agenda_tab.model.index(0, 1)) == "10:00–10:15"
    assert window.agenda_tab.budget.over == 30
    window.undo_action.trigger()
    assert window.session.store.meetings.find()[0].length_minutes == 180
    assert window.agenda_tab.budget.over == 0
