"""The question desk driven from the keyboard: fast entry with Ctrl+Enter, and bulk triage of many rows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from council_prep.domain import QuestionStatus
from council_prep.gui.main_window import MainWindow
from tests.gui.test_desk_duplicates import right_click_menu


class Keyboard:
    """Types into whatever has the focus, as a user does, and counts every key event sent."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.count += len(text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.count += 1


QUESTIONS = [
    ("How many inspectors work in the agricultural export sector?", "Rosa Quispe", "Confederacion General"),
    ("When will the outsourcing regulation be published?", "Luis Paredes", "Sociedad Nacional de Industrias"),
    ("Are fines for anti-union dismissals collected?", "Rosa Quispe", "Confederacion General"),
    ("What protects migrant workers from Venezuela?", "Ana Torres", "Encuentros"),
    ("Does the child labor list cover mining?", "Ana Torres", "Encuentros"),
]


def test_five_questions_are_entered_with_ctrl_enter_in_the_texts_keys_plus_six_at_most(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    meeting = window.current_meeting()
    before = store.questions.count_of(meeting_id=meeting.id)
    entry = tab.entry
    entry.text.setFocus()
    keys = Keyboard(qtbot)
    seen: set[str] = set()
    for text, asker, organization in QUESTIONS:
        assert QApplication.focusWidget() is entry.text and entry.text.toPlainText() == ""  # nothing to type over
        keys.count = 0
        repeat = asker in seen and organization in seen
        keys.type(text)
        keys.press(Qt.Key.Key_Tab)
        # An asker typed before is completed from three letters (Tab keeps the completion) and brings
        # their organization along; a new organization is completed from what earlier askers typed.
        keys.type(asker[:3] if asker in seen else asker)
        keys.press(Qt.Key.Key_Tab)
        if asker not in seen:
            keys.type(organization[:4] if organization in seen else organization)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        seen |= {asker, organization}
        assert keys.count <= len(text) + len(asker) + len(organization) + 6
        saved = store.questions.one(text=text)
        assert (saved.asker_name, saved.organization, saved.meeting_id) == (asker, organization, meeting.id)
        assert saved.received_at is not None  # now, unless changed
        if repeat:  # the text, Tab, three letters of the asker, Tab, Ctrl+Enter: the text's keys plus six
            assert keys.count == len(text) + 6
    assert store.questions.count_of(meeting_id=meeting.id) == before + 5
    assert QApplication.focusWidget() is entry.text  # ready for the sixth
    assert window.undo_action.text().replace("&", "").startswith("Undo Add question")


def test_completion_fills_the_rest_of_a_known_organization(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    entry = tab.entry
    entry.text.setFocus()
    keys = Keyboard(qtbot)
    keys.type("Who pays for the new inspectors?")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Ask")  # "Asker 0" ... were entered before
    keys.press(Qt.Key.Key_Tab)
    keys.type("Uni")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = window.session.store.questions.one(text="Who pays for the new inspectors?")
    assert saved.organization == "Union" and saved.asker_name.startswith("Asker ")
    assert keys.count == len("Who pays for the new inspectors?") + 3 + 3 + 3


def test_a_question_without_text_is_not_saved(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    before = store.questions.count()
    tab.entry.text.setFocus()
    qtbot.keyClick(tab.entry.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.questions.count() == before
    assert tab.entry.problem.isVisible() and "Type the question" in tab.entry.problem.text()


def test_ten_rows_are_assigned_at_once_and_one_undo_takes_it_back(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    table = tab.table
    first = table.visualRect(tab.model.index(0, 1)).center()
    tenth = table.visualRect(tab.model.index(9, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=tenth)
    ids = tab.selected_ids()
    was = {q.id: q.status for q in store.questions.get_many(ids)}
    assert len(ids) == 10 and tab.triage.selected_label.text() == "10 questions selected"
    qtbot.keyClick(table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Alt+I: "Assign to"
    assert tab.triage.assignee.lineEdit().hasFocus()
    qtbot.keyClicks(tab.triage.assignee.lineEdit(), "Maria Ruiz")
    qtbot.keyClick(tab.triage.assignee.lineEdit(), Qt.Key.Key_Return)
    assigned = store.questions.get_many(ids)
    assert all(q.assignee == "Maria Ruiz" for q in assigned)
    # New ones become assigned; an answered one stays answered.
    assert [q.status for q in assigned] == [QuestionStatus.ASSIGNED if was[q.id] is QuestionStatus.NEW
                                            else was[q.id] for q in assigned]
    assert QuestionStatus.ANSWERED in was.values()
    assert tab.count_buttons[QuestionStatus.ASSIGNED].text().startswith("Assigned ")
    assert window.undo_action.text().replace("&", "") == "Undo Assign to Maria Ruiz (10 questions)"
    window.undo_action.trigger()
    assert {q.id: (q.assignee, q.status) for q in store.questions.get_many(ids)} == {i: ("", s) for i, s in was.items()}


def test_bulk_status_and_topic_and_delete_each_are_one_step(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    store = window.session.store
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    ids = tab.selected_ids()
    assert len(ids) == 3
    for submenu, item in (("Set &status", "Withdrawn"), ("Set &topic", "Child labor and its worst forms")):
        menu = right_click_menu(qtbot, tab, ids[0])
        choices = next(a.menu() for a in menu.actions() if a.text() == submenu)
        next(a for a in choices.actions() if a.text() == item).trigger()
        menu.close()
    assert window.undo_action.text().replace("&", "") == "Undo Set topic Child labor and its worst forms (3 questions)"
    assert {(q.status, q.topic_key) for q in store.questions.get_many(ids)} == {(QuestionStatus.WITHDRAWN,
                                                                                   "child_labor")}
    menu = right_click_menu(qtbot, tab, ids[0])
    assert [a.text() for a in menu.actions() if a.text()][-1] == "&Delete 3 questions"
    menu.close()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert store.questions.get_many(ids) == []
    window.undo_action.trigger()
    assert len(store.questions.get_many(ids)) == 3


def test_counts_and_filters_narrow_the_table(qtbot, window: MainWindow):
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.count_buttons[QuestionStatus.ANSWERED].text() == "Answered 3"
    qtbot.mouseClick(tab.count_buttons[QuestionStatus.ANSWERED], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3
    qtbot.mouseClick(tab.count_buttons[QuestionStatus.ANSWERED], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 12
    store = window.session.store
    question = store.questions.get(tab.model.ids()[0])
    from dataclasses import replace
    store.questions.update(replace(question, suggested_answer="We will ask.", confidential=True))
    tab.reload()
    tab.answer_filter.setCurrentIndex(tab.answer_filter.findData(True))
    assert tab.model.ids() == [question.id]
    tab.answer_filter.setCurrentIndex(0)
    tab.confidential_filter.setCurrentIndex(tab.confidential_filter.findData(True))
    assert tab.model.ids() == [question.id]
    asker_column = next(n for n, c in enumerate(tab.model.columns) if c.order_by == "asker_name")
    assert tab.model.data(tab.model.index(0, asker_column), Qt.ItemDataRole.DecorationRole) is not None
    assert "(confidential)" in tab.model.data(tab.model.index(0, asker_column))
