"""Duplicates at the desk: found while typing, shown side by side, folded, unfolded; a loop refused."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from council_prep.domain import Question
from council_prep.gui.main_window import MainWindow
from tests.gui.test_keyboard import repeated, unnamed, window_mnemonics

ORIGINAL = "How many labor inspectors does the ministry employ in the agricultural export regions?"
TYPED = "How many labor inspectors are employed in the agricultural export regions by the ministry?"


def add_original(window: MainWindow, **fields) -> Question:
    store = window.session.store
    return store.questions.add(Question(meeting_id=window.current_meeting().id, text=ORIGINAL,
                                        asker_name="Rosa Quispe", organization="CGTP", **fields))


def folded_pair(window: MainWindow) -> tuple[Question, Question]:
    """An original and a repeat of it folded under it, on the Questions tab."""
    original = add_original(window)
    store = window.session.store
    other = store.questions.add(Question(meeting_id=original.meeting_id, text=TYPED, asker_name="Luis Paredes"))
    store.questions.mark_duplicate(other.id, original.id)
    window.tabs.setCurrentWidget(window.questions_tab)
    window.questions_tab.reload()
    return original, other


def right_click_menu(qtbot, tab, record_id: int) -> QMenu:
    """Right-click the row of `record_id` and return the menu that opens."""
    rect = tab.table.visualRect(tab.model.index(tab.model.row_of(record_id), 1))
    viewport = tab.table.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                                                       viewport.mapToGlobal(rect.center()),
                                                       Qt.KeyboardModifier.NoModifier))
    menus = [m for m in tab.table.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    return menus[0]


def click_item(qtbot, menu: QMenu, starts: str) -> None:
    action = next(a for a in menu.actions() if a.text().startswith(starts))
    assert action.isEnabled(), action.text()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_a_duplicate_is_found_while_typing_and_saved_folded_under_it(qtbot, window: MainWindow):
    original = add_original(window, confidential=True)
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    tab.entry.text.setFocus()
    qtbot.keyClicks(tab.entry.text, TYPED)
    pane = tab.duplicates
    qtbot.waitUntil(lambda: pane.chosen_match() == original.id, timeout=3000)  # once typing pauses
    assert pane.heading.text() == "Like the question being typed"
    assert "inspectors" in pane.compare.shared.text() and "agricultural" in pane.compare.shared.text()
    underlined = [word for word in ORIGINAL.rstrip("?").split()
                  if f'underline;">{word}</span>' in pane.compare.right.toHtml()]
    assert {"inspectors", "agricultural", "export"} <= set(underlined) and "does" not in underlined
    assert tab.entry.topic_reason.text().startswith("suggested by:")  # the words that suggested the topic
    qtbot.keyClick(tab.entry.text, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Luis Paredes")
    qtbot.mouseClick(pane.fold_button, Qt.MouseButton.LeftButton)
    store = window.session.store
    typed = store.questions.one(text=TYPED)
    assert typed.duplicate_of == original.id and typed.asker_name == "Luis Paredes"
    assert window.undo_action.text().replace("&", "").startswith("Undo Add question")
    assert tab.entry.text.toPlainText() == "" and QApplication.focusWidget() is tab.entry.text
    assert tab.current_id() == original.id and pane.heading.text() == "Asked by 2"  # its group is shown
    assert not tab.folded_filter.isChecked() and tab.model.row_of(typed.id) < 0


def test_fold_then_the_group_shows_every_asker_then_unfold(qtbot, window: MainWindow):
    original = add_original(window, confidential=True)
    store = window.session.store
    other = store.questions.add(Question(meeting_id=original.meeting_id, text=TYPED, asker_name="Luis Paredes",
                                         organization="SNI"))
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_record(other.id)
    pane = tab.duplicates
    assert pane.matches.count() == 0  # looked for only when the pane is shown
    qtbot.mouseClick(tab.side.tabBar(), Qt.MouseButton.LeftButton, pos=tab.side.tabBar().tabRect(1).center())
    assert tab.side.currentWidget() is pane
    assert pane.chosen_match() == original.id  # the selected question's likes, best first
    qtbot.mouseClick(pane.fold_button, Qt.MouseButton.LeftButton)  # Mark as duplicate of the chosen question
    assert store.questions.get(other.id).duplicate_of == original.id
    assert tab.model.row_of(other.id) < 0  # folded: no row of its own
    tab.select_record(original.id)
    askers = next(n for n, c in enumerate(tab.model.columns) if c.title == "Askers")
    assert not tab.table.isColumnHidden(askers)  # shown once a question is folded
    assert tab.model.data(tab.model.index(tab.model.row_of(original.id), askers)) == "2"
    assert pane.compare.right.toPlainText() == TYPED  # the other asker's own text beside the original's
    assert "inspectors" in pane.compare.shared.text()
    assert pane.heading.text() == "Asked by 2"
    lines = [pane.askers.item(n).text() for n in range(pane.askers.count())]
    assert lines[0].startswith("Rosa Quispe, CGTP  (confidential) (original)") and ORIGINAL in lines[0]
    assert lines[1].startswith("Luis Paredes, SNI (duplicate)") and TYPED in lines[1]  # each keeps their own text
    assert not pane.askers.item(0).icon().isNull() and pane.askers.item(1).icon().isNull()  # the lock
    assert unnamed(tab) == []  # every control of the desk, the duplicates pane shown, has a name
    pane.askers.setFocus()
    qtbot.keyClick(pane.askers, Qt.Key.Key_Down)
    assert pane.unfold_button.isEnabled()
    qtbot.mouseClick(pane.unfold_button, Qt.MouseButton.LeftButton)
    assert store.questions.get(other.id).duplicate_of is None
    assert tab.model.row_of(other.id) >= 0 and pane.heading.text() == "Asked by 1: no duplicates"
    assert tab.table.isColumnHidden(askers)
    window.undo_action.trigger()  # the unfold undone: folded again
    assert store.questions.get(other.id).duplicate_of == original.id


def test_folding_an_original_under_its_own_duplicate_is_refused_with_a_message(qtbot, window: MainWindow):
    original, other = folded_pair(window)
    store = window.session.store
    tab = window.questions_tab
    qtbot.mouseClick(tab.folded_filter, Qt.MouseButton.LeftButton)  # show the folded one as a row too
    assert tab.model.row_of(other.id) >= 0
    # Select the original, then the duplicate last (ctrl+click): "Mark 1 as duplicate of question <duplicate>".
    table = tab.table
    for record_id, modifier in ((original.id, Qt.KeyboardModifier.NoModifier),
                                (other.id, Qt.KeyboardModifier.ControlModifier)):
        point = table.visualRect(tab.model.index(tab.model.row_of(record_id), 1)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, pos=point)
    menu = right_click_menu(qtbot, tab, other.id)
    click_item(qtbot, menu, f"&Mark 1 as duplicate of question {other.id}")
    box = window.findChild(QMessageBox, "store-failed")
    assert box is not None and "loop" in box.text() and f"question {original.id}" in box.text()
    assert store.questions.get(original.id).duplicate_of is None  # nothing changed
    assert store.questions.get(other.id).duplicate_of == original.id
    box.close()
    menu = right_click_menu(qtbot, tab, other.id)  # the folded one can be unfolded from the menu too
    click_item(qtbot, menu, "&Unfold 1")
    assert store.questions.get(other.id).duplicate_of is None


def test_the_desk_keeps_its_alt_letters_apart_whichever_side_is_shown(qtbot, window: MainWindow):
    original, _other = folded_pair(window)
    tab = window.questions_tab
    tab.select_record(original.id)
    tab.side.setCurrentWidget(tab.duplicates)
    assert tab.duplicates.unfold_button.isEnabled()
    assert repeated(window_mnemonics(window)) == []
    tab.entry.text.setFocus()
    qtbot.keyClicks(tab.entry.text, "How many labor inspectors")
    qtbot.waitUntil(lambda: tab.duplicates.record is None, timeout=3000)  # now comparing what is typed
    assert repeated(window_mnemonics(window)) == []
