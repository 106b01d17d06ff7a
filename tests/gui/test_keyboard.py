"""The window from the keyboard: unique mnemonics, named controls, unambiguous shortcuts, Tab reaching everything."""

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QToolButton,
    QWidget,
)

from council_prep.gui.main_window import TAB_TITLES, MainWindow
from council_prep.gui.opening import open_session
from tests.gui.boxes import visible


def mnemonic_owners(root: QWidget) -> list[tuple[str, str]]:
    """(key, text) of every visible control under `root` that answers to an Alt+letter, as Qt reads it."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or (
                isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton)):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty():
            found.append((key.toString(), text))
    return found


def window_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    texts = [a.text() for a in window.menuBar().actions()]
    # The brief's later tabs have no Alt+letter of their own (Ctrl+7…9 and the View menu reach them), so that
    # the fields of every tab keep enough letters.
    texts += [window.tabs.tabText(n) for n in range(window.tabs.count()) if "&" in window.tabs.tabText(n)]
    return [(QKeySequence.mnemonic(t).toString(), t) for t in texts] + mnemonic_owners(window.tabs.currentWidget()) \
        + mnemonic_owners(window.findChild(QWidget, "main-toolbar"))


def repeated(owners: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    counts = Counter(key for key, _ in owners)
    return [(key, [t for k, t in owners if k == key]) for key, n in counts.items() if n > 1]


def interactive(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets under `root` that take focus with Tab (a spin box's inner line edit counts as it)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)) or widget.focusProxy() is not None:
            continue
        if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
            continue  # arrow keys move within a group of radio buttons; Tab stops at the chosen one
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in interactive(root) if not accessible_name(w)]


def shortcuts_by_focus(window: MainWindow, focus: QWidget) -> list[str]:
    """Every key sequence that would fire with `focus` focused, one entry per action or shortcut bound to it."""
    keys = []
    for action in window.findChildren(QAction):
        if not action.isEnabled() or not action.shortcuts():
            continue
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        context = action.shortcutContext()
        if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            live = any(w.isVisible() or w.inherits("QMenu") for w in owners)
        elif context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            live = any(w.isVisible() and (w is focus or w.isAncestorOf(focus)) for w in owners)
        else:
            live = focus in owners
        if live:
            keys += [k.toString() for k in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parentWidget()
        if shortcut.isEnabled() and parent is not None and (parent is focus or parent.isAncestorOf(focus)):
            keys.append(shortcut.key().toString())
    return keys


@pytest.mark.parametrize("index", range(len(TAB_TITLES)))
def test_each_tab_has_unique_mnemonics_named_controls_and_unambiguous_shortcuts(qtbot, window: MainWindow, index):
    window.tabs.setCurrentIndex(index)
    page = window.tabs.currentWidget()
    assert repeated(window_mnemonics(window)) == []
    assert unnamed(page) == [] and unnamed(window.findChild(QWidget, "main-toolbar")) == []
    for focus in interactive(page):
        keys = shortcuts_by_focus(window, focus)
        assert [k for k, n in Counter(keys).items() if n > 1] == [], f"ambiguous with {type(focus).__name__} focused"


def test_dialogs_have_unique_mnemonics_and_named_controls(qtbot, window: MainWindow):
    for dialog in (window.new_meeting(), window.edit_meeting()):
        assert repeated(mnemonic_owners(dialog)) == [], dialog.windowTitle()
        assert unnamed(dialog) == [], dialog.windowTitle()
        dialog.reject()
    window.open_search()
    assert unnamed(window.search) == []


def test_redo_answers_to_ctrl_shift_z_and_ctrl_y_without_ambiguity(qtbot, qtlog, window: MainWindow):
    tab = window.agenda_tab
    store = window.session.store
    first = tab.model.items[0]
    tab.view.setFocus()
    tab.select_item(first.id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    moved = [i.title for i in store.agenda.for_meeting(first.meeting_id)]
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.agenda.for_meeting(first.meeting_id)[0].title == first.title
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [i.title for i in store.agenda.for_meeting(first.meeting_id)] == moved
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def test_menus_and_tooltips_name_the_shortcuts(qtbot, window: MainWindow):
    assert window.undo_action.toolTip().endswith("(Ctrl+Z)")
    assert window.redo_action.toolTip().endswith("(Ctrl+Y)") or window.redo_action.toolTip().endswith("(Ctrl+Shift+Z)")
    assert window.search_action.toolTip() == "Find everywhere (Ctrl+K)"
    menu_actions = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    toolbar = window.findChild(QWidget, "main-toolbar")
    for action in toolbar.actions():
        if action.text() and not action.isSeparator() and action.isVisible() and not action.inherits("QWidgetAction"):
            assert action in menu_actions and not action.shortcut().isEmpty(), action.text()
            assert "(" in action.toolTip()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


@pytest.mark.parametrize("index", range(len(TAB_TITLES)))
def test_tab_reaches_every_control_of_each_tab(qtbot, window: MainWindow, index):
    window.tabs.setCurrentIndex(index)
    page = window.tabs.currentWidget()
    wanted = interactive(page)
    assert wanted
    wanted[0].setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[QWidget] = []
    for _ in range(len(wanted) * 3 + 20):
        focus = QApplication.focusWidget()
        reached.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    missed = [f"{type(w).__name__} {accessible_name(w)!r}" for w in wanted if w not in reached]
    assert missed == []
    # and back again with Shift+Tab from the table, which lets go of the focus
    table = next((w for w in wanted if w.inherits("QTableView")), None)
    if table is not None:
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is not table


def test_ctrl_tab_moves_between_tabs(qtbot, window: MainWindow):
    window.tabs.setCurrentIndex(0)
    window.agenda_tab.view.setFocus()
    qtbot.keyClick(window.agenda_tab.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.questions_tab
    assert window.questions_tab.isAncestorOf(QApplication.focusWidget())  # the focus went along


def test_delete_key_deletes_the_selected_agenda_item_and_undo_restores_it(qtbot, window: MainWindow):
    tab = window.agenda_tab
    store = window.session.store
    target = tab.model.items[1]
    tab.select_item(target.id)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert store.agenda.find_uid(target.uid) is None
    assert window.statusBar().currentMessage().startswith("Saved: Delete agenda item")
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.agenda.find_uid(target.uid) is not None


def test_delete_in_a_field_deletes_a_character_not_the_record(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    record = tab.model.fresh_record(0)
    title = tab.form.editors["title"].widget
    title.setFocus()
    title.setCursorPosition(0)
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    assert title.text() == record.title[1:]
    assert window.session.store.law_changes.find_uid(record.uid) is not None


def test_delete_in_a_read_only_store_is_refused_quietly(qtbot, sample_store_path: Path, settings):
    review = MainWindow(open_session(sample_store_path, read_only=True, ask=lambda reason: False), settings)
    qtbot.addWidget(review)
    with qtbot.waitActive(review):
        review.show()
        review.activateWindow()
    for tab in (review.agenda_tab, review.law_tab):
        review.tabs.setCurrentWidget(tab)
        view = tab.view if tab is review.agenda_tab else tab.table
        view.setFocus()
        count = tab.model.rowCount()
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert tab.model.rowCount() == count
        assert "read-only" in review.statusBar().currentMessage()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert not visible("store-failed")
    review.close()


def test_alt_letter_reaches_each_labelled_field_of_a_tab(qtbot, window: MainWindow):
    from council_prep.gui.mnemonics import controls, letter

    window.tabs.setCurrentWidget(window.law_tab)
    window.law_tab.table.setFocus()
    labels = [c for c in controls(window.law_tab) if isinstance(c, QLabel) and c.isVisible() and letter(c.text())]
    assert len(labels) >= 7  # every field a letter is left for (the window keeps eleven for itself)
    for label in labels:
        key = QKeySequence.mnemonic(label.text())[0].key()
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        buddy = label.buddy()
        assert QApplication.focusWidget() in (buddy, buddy.focusProxy()), label.text()


def test_delete_in_the_talking_points_removes_the_selected_point(qtbot, window: MainWindow):
    tab = window.agenda_tab
    points = tab.form.editors["talking_points"]
    item = tab.model.items[0]
    qtbot.mouseClick(points.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget().inherits("QLineEdit"), timeout=2000)  # the new point's editor
    qtbot.keyClicks(QApplication.focusWidget(), "Second point")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.store.agenda.get(item.id).talking_points == ["First point", "Second point"],
                    timeout=2000)  # the list takes the edited point once the editor closes
    points.list.setFocus()
    points.list.setCurrentRow(0)
    qtbot.keyClick(points.list, Qt.Key.Key_Delete)
    assert window.session.store.agenda.get(item.id).talking_points == ["Second point"]
    assert window.session.store.agenda.find_uid(item.uid) is not None  # the item itself stays


def test_each_menu_has_unique_mnemonics(qtbot, window: MainWindow):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        menu.aboutToShow.emit()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert repeated([(QKeySequence.mnemonic(t).toString(), t) for t in texts]) == [], menu_action.text()
        assert all(not QKeySequence.mnemonic(t).isEmpty() for t in texts), texts
