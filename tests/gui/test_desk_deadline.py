"""A meeting's question deadline and intake mailboxes typed in the meeting dialog; late questions flagged, kept."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from council_prep.gui.main_window import MainWindow
from council_prep.gui.meetings.dialog import MeetingDialog


def test_deadline_typed_in_the_meeting_dialog_flags_the_questions_received_after_it(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    received = tab.model.columns[0]
    assert received.order_by == "received_at"
    assert not any("late" in tab.model.data(tab.model.index(row, 0)) for row in range(tab.model.rowCount()))
    window.edit_meeting_action.trigger()
    dialog = window.findChild(MeetingDialog, "meeting-dialog")
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.deadline, "2027-02-05 5pm")
    assert not ok.isEnabled() and "is not a date and time (YYYY-MM-DD HH:MM)" in dialog.problems.text()
    dialog.deadline.clear()
    qtbot.keyClicks(dialog.deadline, "2027-02-05 17:00")  # Eastern Time: 22:00 UTC
    qtbot.keyClicks(dialog.intake, "questions@example.gov; not-an-address")
    assert not ok.isEnabled() and "'not-an-address' is not an e-mail address" in dialog.problems.text()
    dialog.intake.clear()
    qtbot.keyClicks(dialog.intake, "questions@example.gov; lac@example.gov")
    qtbot.keyClicks(dialog.subject_line, "LAC public session question")
    assert ok.isEnabled(), dialog.problems.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    meeting = window.current_meeting()
    assert meeting.question_deadline == datetime(2027, 2, 5, 22, 0, tzinfo=UTC)
    assert meeting.intake_addresses == ["questions@example.gov", "lac@example.gov"]
    assert meeting.subject_line == "LAC public session question"
    # The sample's questions came in on 1-12 February at 10:00 UTC: the seven from 6 February on are late.
    store = window.session.store
    shown = [tab.model.data(tab.model.index(row, 0)) for row in range(tab.model.rowCount())]
    late_rows = [row for row, text in enumerate(shown) if text.startswith("late · 2027-02-")]
    assert len(late_rows) == 7
    assert {store.questions.get(tab.model.ids()[row]).received_at.day for row in late_rows} == set(range(6, 13))
    warned = [row for row in range(tab.model.rowCount())
              if tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None]
    assert warned == late_rows  # a warning sign beside the word, not a colour
    qtbot.mouseClick(tab.late_filter, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 7  # kept, and found again with "Late only"
    qtbot.mouseClick(tab.late_filter, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 12
    # Reopened, the dialog shows the deadline as it was typed.
    again = window.edit_meeting()
    assert again.deadline.text() == "2027-02-05 17:00" and again.deadline_zone.currentText() == "Eastern Time"
    again.reject()
