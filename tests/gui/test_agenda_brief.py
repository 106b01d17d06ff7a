"""The agenda item's brief in its editor: points, asks and responses, press, depth, continues, lead and speakers."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from council_prep.domain import Ask, BriefDepth, PressStatus
from council_prep.gui.main_window import MainWindow
from tests.gui.brief_sample import PEOPLE


def cell_editor(view: QAbstractItemView) -> QLineEdit:
    """The editor open in a list or table cell (one closed before may linger until deleted)."""
    return next(e for e in view.findChildren(QLineEdit) if e.isVisible())


def item(window: MainWindow):
    tab = window.agenda_tab
    return window.session.store.agenda.get(tab.current_id())


def test_the_brief_is_written_in_the_item_editor_and_undone_step_by_step(qtbot, brief_window: MainWindow):
    window = brief_window
    tab = window.agenda_tab
    tab.select_item(window.session.store.agenda.one(title="Labor inspection capacity").id)
    form = tab.form

    # A point to make: the button opens a new point for typing.
    points = form.editors["points_to_make"]
    qtbot.mouseClick(points.add_button, Qt.MouseButton.LeftButton)
    editor = cell_editor(points.list)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Welcome the new inspection offices")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list takes the text once the editor has closed
    qtbot.waitUntil(lambda: item(window).points_to_make == ["Welcome the new inspection offices"])

    # Their likely ask and our response, typed cell by cell.
    asks = form.editors["asks"]
    qtbot.mouseClick(asks.add_button, Qt.MouseButton.LeftButton)
    cell = cell_editor(asks.table)
    qtbot.keyClicks(cell, "Fund more inspectors")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item(window).asks == [Ask(ask="Fund more inspectors", response="")])
    asks.table.setCurrentCell(0, 1)
    qtbot.keyClick(asks.table, Qt.Key.Key_F2)
    cell = cell_editor(asks.table)
    qtbot.keyClicks(cell, "Technical cooperation, not budget support")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item(window).asks == [
        Ask(ask="Fund more inspectors", response="Technical cooperation, not budget support")])

    # Open press, a short brief: chosen from the keyboard.
    press = form.editors["press"].widget
    press.setFocus()
    qtbot.keyClick(press, Qt.Key.Key_Down)
    depth = form.editors["depth"].widget
    depth.setFocus()
    qtbot.keyClick(depth, Qt.Key.Key_Down)
    assert (item(window).press, item(window).depth) == (PressStatus.OPEN, BriefDepth.SHORT)

    # The lead comes from the directory; the free-text lead stays as it was.
    lead = form.editors["lead_person_id"].widget
    lead.setFocus()
    qtbot.keyClicks(lead, "Luis")
    qtbot.keyClick(lead, Qt.Key.Key_Return)
    luis = window.session.store.people.one(name=PEOPLE[1][0])
    assert item(window).lead_person_id == luis.id and item(window).lead == ""
    row = tab.model.row_of(tab.current_id())
    assert tab.model.data(tab.model.index(row, 4)) == PEOPLE[1][0]  # the agenda's Lead column names him
    speakers = form.editors["speaker_ids"]
    qtbot.keyClicks(speakers.add_box, "Jane")
    qtbot.keyClick(speakers.add_box, Qt.Key.Key_Return)
    assert item(window).speaker_ids == [window.session.store.people.one(name="Jane Miller").id]

    # It continues last year's item, whose outcome (its commitment) is shown under the choice.
    continues = form.editors["continues_id"]
    earlier = window.session.store.agenda.one(title="Inspection in agriculture")
    continues.combo.setFocus()
    qtbot.keyClick(continues.combo, Qt.Key.Key_Down)
    assert item(window).continues_id == earlier.id
    assert "Share the inspection plan for agro-export farms" in continues.outcome.text()
    assert continues.outcome.isVisible()

    # Each edit was one step: undo walks back through them.
    window.undo_action.trigger()
    assert item(window).continues_id is None
    assert continues.combo.currentData() is None and not continues.outcome.isVisible()
    window.undo_action.trigger()
    assert item(window).speaker_ids == []
    window.undo_action.trigger()
    assert item(window).lead_person_id is None
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert (item(window).press, item(window).depth) == (PressStatus.CLOSED, BriefDepth.FULL)
    assert form.editors["press"].widget.currentData() == PressStatus.CLOSED


def test_a_name_not_in_the_directory_is_explained_and_not_saved(qtbot, brief_window: MainWindow):
    window = brief_window
    form = window.agenda_tab.form
    lead = form.editors["lead_person_id"].widget
    lead.setFocus()
    qtbot.keyClicks(lead, "Somebody Else")
    qtbot.keyClick(lead, Qt.Key.Key_Return)
    assert item(window).lead_person_id is None
    assert "not in the people directory" in form.problems.text()
