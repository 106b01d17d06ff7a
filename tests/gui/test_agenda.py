"""The agenda: add, reorder by drag and by keyboard, edit, delete, undo and redo, the time budget."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from council_prep.gui.main_window import MainWindow
from tests.gui import check_lists
from tests.gui.conftest import AGENDA


def titles(window: MainWindow) -> list[str]:
    meeting = window.current_meeting()
    return [i.title for i in window.session.store.agenda.for_meeting(meeting.id)]


def shown_titles(window: MainWindow) -> list[str]:
    model = window.agenda_tab.model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def undo_text(window: MainWindow) -> str:
    return window.undo_action.text().replace("&", "")


def test_drag_an_item_to_a_new_place_then_undo_and_redo(qtbot, window: MainWindow):
    tab = window.agenda_tab
    model = tab.model
    original = [title for title, _ in AGENDA]
    # Drag the last item and drop it before the second row, as the view does on a drop.
    data = model.mimeData([model.index(3, 2)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())

    moved = [original[0], original[3], original[1], original[2]]
    assert titles(window) == moved
    assert shown_titles(window) == moved
    assert model.data(model.index(1, 1)) == "09:15–09:45"  # the clock follows the new order
    assert tab.current_id() == window.session.store.agenda.one(title=original[3]).id
    assert undo_text(window) == "Undo Move agenda item “Child labor in agriculture” to 2"

    window.undo_action.trigger()
    assert titles(window) == original == shown_titles(window)
    window.redo_action.trigger()
    assert titles(window) == moved


def test_drop_onto_an_item_puts_the_dragged_one_there(qtbot, window: MainWindow):
    model = window.agenda_tab.model
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 0))
    assert titles(window)[1] == AGENDA[0][0]


def test_keyboard_moves_the_selected_item(qtbot, window: MainWindow):
    tab = window.agenda_tab
    tab.view.setFocus()
    tab.select_item(window.session.store.agenda.one(title=AGENDA[0][0]).id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[2] == AGENDA[0][0]
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[1] == AGENDA[0][0]
    # Ctrl+Z three times through the window's shortcut: back to the start.
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[2] == AGENDA[0][0]
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window) == [t for t, _ in AGENDA]
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles(window)[1] == AGENDA[0][0]


def test_add_edit_and_budget_turns_red_when_over(qtbot, window: MainWindow):
    tab = window.agenda_tab
    assert not tab.budget.over
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert titles(window)[-1] == "New agenda item"
    title = tab.form.editors["title"].widget
    assert QApplication.focusWidget() is title
    title.selectAll()
    qtbot.keyClicks(title, "Closing and next steps")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert titles(window)[-1] == "Closing and next steps"
    assert undo_text(window) == "Undo Edit agenda item “Closing and next steps”"

    minutes = tab.form.editors["minutes"].widget
    minutes.selectAll()
    qtbot.keyClicks(minutes, "45")
    qtbot.keyClick(minutes, Qt.Key.Key_Return)
    assert tab.budget.over == 15  # 150 + 45 = 195 of 180
    assert "Over by 15 min" in tab.budget.label.text()
    bar_colour = tab.budget.bar.palette().color(tab.budget.bar.palette().ColorRole.Highlight)
    assert bar_colour.red() > 150 and bar_colour.green() < 100
    window.undo_action.trigger()
    assert tab.budget.over == 0
    assert "min to spare" in tab.budget.label.text()


def test_talking_points_edit_and_links_are_saved(qtbot, window: MainWindow):
    tab = window.agenda_tab
    item = window.session.store.agenda.one(title=AGENDA[2][0])
    tab.select_item(item.id)
    points = tab.form.editors["talking_points"]
    qtbot.mouseClick(points.add_button, Qt.MouseButton.LeftButton)
    assert window.session.store.agenda.get(item.id).talking_points == ["First point", "New point"]
    points.list.item(1).setText("Ask about inspector numbers")
    assert window.session.store.agenda.get(item.id).talking_points == ["First point", "Ask about inspector numbers"]

    links = tab.form.editors["law_change_ids"].widget
    labels = check_lists.texts(links)
    assert labels and all(label.startswith("PE · ") for label in labels)  # only the meeting's partners
    check_lists.toggle(qtbot, links, 1)
    assert check_lists.is_checked(links, 1)
    linked = window.session.store.law_changes.get(window.session.store.agenda.get(item.id).law_change_ids[0])
    assert labels[1].endswith(linked.title)


def test_delete_and_undo_restores_the_same_item(qtbot, window: MainWindow):
    tab = window.agenda_tab
    store = window.session.store
    before = store.agenda.one(title=AGENDA[1][0])
    tab.select_item(before.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert AGENDA[1][0] not in titles(window)
    assert undo_text(window) == "Undo Delete agenda item “Outsourcing and freedom of association”"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = store.agenda.one(title=AGENDA[1][0])
    assert after.uid == before.uid and after.position == 2
    assert (after.objective, after.talking_points, after.law_change_ids) == \
        (before.objective, before.talking_points, before.law_change_ids)
    assert titles(window) == [t for t, _ in AGENDA]
