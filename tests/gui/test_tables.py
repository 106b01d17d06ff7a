"""Law changes, submissions and questions: filter, sort, edit in the pane, delete and undo."""

from PySide6.QtCore import QPoint, Qt

from council_prep.domain import LawChangeStatus
from council_prep.gui.main_window import MainWindow
from council_prep.gui.tables.table_tab import TableTab
from council_prep.gui.window_actions import QUESTIONS


def shown(tab: TableTab, column: int = 1) -> list[str]:
    return [tab.model.data(tab.model.index(row, column)) for row in range(tab.model.rowCount())]


def choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_filter_law_changes_by_partner_status_topic_and_text(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 6 and tab.count_label.text() == "6 law changes"
    choose(tab.partner_filter, "Peru")
    assert sorted(shown(tab)) == ["Agrarian regime repeal", "Labor inspection law reform", "Outsourcing regulation"]
    choose(tab.status_filter, "Adopted")
    assert shown(tab) == ["Labor inspection law reform"]
    choose(tab.partner_filter, "All partners")
    choose(tab.topic_filter, "Right to collective bargaining")
    assert shown(tab) == ["Decree on collective bargaining"]
    choose(tab.topic_filter, "All topics")
    choose(tab.status_filter, "All statuses")

    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F in the table
    assert tab.text_filter.hasFocus()
    qtbot.keyClicks(tab.text_filter, "child lab")
    qtbot.waitUntil(lambda: shown(tab) == ["Child labor list update"], timeout=2000)
    assert tab.count_label.text() == "1 law change"


def test_sorting_requeries_in_the_chosen_order(qtbot, window: MainWindow):
    tab = window.law_tab
    header = tab.table.horizontalHeader()
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = shown(tab)
    assert titles == sorted(titles, key=str.casefold)
    tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(tab) == titles[::-1]
    assert header.sortIndicatorSection() == 1


def test_edit_in_the_pane_saves_at_once_and_undoes(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    target = store.law_changes.one(title="Outsourcing regulation")
    assert tab.select_record(target.id)
    title = tab.form.editors["title"].widget
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Outsourcing regulation (draft 2)")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert store.law_changes.get(target.id).title == "Outsourcing regulation (draft 2)"
    assert "Outsourcing regulation (draft 2)" in shown(tab)

    status = tab.form.editors["status"].widget
    status.setFocus()
    status.setCurrentIndex(status.findData(LawChangeStatus.ADOPTED))
    status.activated.emit(status.currentIndex())
    assert store.law_changes.get(target.id).status is LawChangeStatus.ADOPTED

    adopted = tab.form.editors["adopted_on"].widget
    adopted.setText("2027-13-40")
    qtbot.keyClick(adopted, Qt.Key.Key_Return)
    assert "is not a date" in tab.form.problems.text() and tab.form.problems.isVisible()
    assert store.law_changes.get(target.id).adopted_on is None  # nothing invalid was written

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert store.law_changes.get(target.id).title == "Outsourcing regulation"
    assert title.text() == "Outsourcing regulation"


def test_delete_and_undo_keeps_uid_and_agenda_link(qtbot, window: MainWindow):
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    target = store.law_changes.one(title="Outsourcing regulation")
    linked_item = next(i for i in store.agenda.find() if target.id in i.law_change_ids)
    tab.select_record(target.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert store.law_changes.one(title="Outsourcing regulation") is None
    assert store.agenda.get(linked_item.id).law_change_ids == []
    window.undo_action.trigger()
    restored = store.law_changes.one(title="Outsourcing regulation")
    assert restored.uid == target.uid and restored.summary == target.summary
    assert store.agenda.get(linked_item.id).law_change_ids == [restored.id]
    assert tab.model.rowCount() == 6


def test_questions_belong_to_the_meeting_and_new_ones_are_added(qtbot, window: MainWindow):
    tab = window.questions_tab
    assert tab.model.rowCount() == 12
    choose(tab.status_filter, "Answered")
    assert tab.model.rowCount() == 3
    choose(tab.status_filter, "All statuses")
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # the cursor goes to the entry form
    qtbot.keyClicks(tab.entry.text, "Who inspects the farms?")
    qtbot.keyClick(tab.entry.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = window.session.store.questions.one(text="Who inspects the farms?")
    assert added.meeting_id == window.current_meeting().id
    assert tab.current_id() == added.id
    assert window.undo_action.text().replace("&", "") == "Undo Add question “Who inspects the farms?”"


def test_rows_are_read_a_page_at_a_time(qtbot, window: MainWindow):
    from council_prep.domain import Question
    from council_prep.gui.tables.model import PAGE

    store = window.session.store
    meeting = window.current_meeting()
    with store.transaction():
        for n in range(PAGE * 3):
            store.questions.add(Question(meeting_id=meeting.id, text=f"Bulk question {n}"))
    tab = window.questions_tab
    tab.reload()
    assert tab.model.rowCount() == PAGE * 3 + 12
    tab.model.data(tab.model.index(0, 1))
    assert tab.model.loaded_pages() == [0]  # only the first page was read
    last = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(last, 1)) == tab.model.fresh_record(last).text
    assert tab.model.loaded_pages() == [0, last // PAGE]


def test_hidden_tabs_are_built_when_first_shown(qtbot, window: MainWindow):
    assert window.tabs.built(QUESTIONS) is None
    window.tabs.setCurrentIndex(QUESTIONS)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, TableTab) and tab is window.questions_tab
    assert window.tabs.tabText(QUESTIONS) == "&Questions" and tab.accessibleName() == "Questions"
    assert tab.meeting_id == window.current_meeting().id and tab.model.rowCount() == 12


def test_questions_filter_by_prefixes_rare_and_common_words(qtbot, window: MainWindow):
    from council_prep.domain import Question
    from council_prep.gui.tables.model import ID_ROLE

    store = window.session.store
    meeting = window.current_meeting()
    first = store.questions.count() + 1
    store.questions.add_many(Question(meeting_id=meeting.id, text=f"Labour {n}: labor inspections"
                                      + (" under quarantine" if n % 500 == 7 else "")
                                      + (" in laboratories" if n % 300 == 11 else "")) for n in range(1_200))
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    assert tab.model.rowCount() == 1_212

    def filtered(text: str) -> list[int]:
        tab.text_filter.clear()
        qtbot.keyClicks(tab.text_filter, text)
        qtbot.waitUntil(lambda: not tab._debounce.isActive(), timeout=2000)
        ids = [tab.model.index(row, 0).data(ID_ROLE) for row in range(tab.model.rowCount())]
        assert tab.count_label.text() == f"{len(ids):,} question{'' if len(ids) == 1 else 's'}"
        assert tab.current_id() == (ids[0] if ids else None)  # the pane shows the first row
        return ids

    every = list(range(first, first + 1_200))
    assert filtered("labo") == filtered("labor") == filtered("LABOR inspec") == every
    assert filtered("laborat") == filtered("laboratories") == [first + n for n in (11, 311, 611, 911)]
    assert filtered("quarantine") == filtered("quar") == [first + n for n in (7, 507, 1007)]
    assert filtered("quarantine labo") == [first + n for n in (7, 507, 1007)]
    assert filtered("zzqx") == [] and tab.form.record is None
    tab.text_filter.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1_212, timeout=2000)


def test_columns_keep_their_widths_while_the_user_types_a_filter(qtbot, window: MainWindow):
    """A column the user widened, and the fitted ones, stay put at each keystroke; choosing another
    meeting fits them to its rows again."""
    tab = window.law_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.table.isVisible, timeout=2000)
    header = tab.table.horizontalHeader()
    other = next(c for c in range(header.count()) if c != tab.columns.main and not header.isSectionHidden(c))
    fitted = [header.sectionSize(c) for c in range(header.count())]
    handle = header.sectionViewportPosition(other) + header.sectionSize(other) - 1  # drag its right edge
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(handle, header.height() // 2))
    qtbot.mouseMove(header.viewport(), QPoint(handle + 60, header.height() // 2))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(handle + 60, header.height() // 2))
    widened = header.sectionSize(other)
    assert widened > fitted[other]
    for text in ("d", "de", "dec", "decree"):
        tab.text_filter.clear()
        qtbot.keyClicks(tab.text_filter, text)
        qtbot.waitUntil(lambda: not tab._debounce.isActive(), timeout=2000)
        assert header.sectionSize(other) == widened
    choose(tab.partner_filter, "Peru")  # not typing: the columns fit the rows again
    assert header.sectionSize(other) != widened
