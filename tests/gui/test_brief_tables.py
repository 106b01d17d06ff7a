"""The submissions' report clock, cooperation projects with their links, and search opening the new records."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from council_prep.gui.main_window import MainWindow
from tests.gui import check_lists
from tests.gui.brief_sample import PEOPLE


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_submission_report_falls_due_180_days_after_acceptance(qtbot, brief_window: MainWindow):
    window = brief_window
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tab = window.submissions_tab
    store = window.session.store
    submission = store.submissions.one(identifier="U.S. Submission 2015-01 (Peru)")
    tab.select_record(submission.id)
    due = tab.form.editors["report_due_on"]
    assert not due.flag_box.isVisible()

    type_into(qtbot, tab.form.editors["accepted_on"].widget, "2026-06-01")
    assert store.submissions.get(submission.id).accepted_on == date(2026, 6, 1)
    assert store.submissions.get(submission.id).report_due_on is None  # left to the default
    assert due.note.text() == "2026-11-28, 180 days after acceptance. Report overdue by 84 days."
    assert due.sign.isVisible()
    model = tab.model
    row, column = model.row_of(submission.id), [c.order_by for c in model.columns].index("report_due_on")
    assert model.data(model.index(row, column)) == "2026-11-28 · overdue"
    assert model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole) is not None
    assert "1 report overdue" in tab.count_label.text()

    type_into(qtbot, due.date.widget, "2027-03-15")  # the officer agreed a later date
    assert store.submissions.get(submission.id).report_due_on == date(2027, 3, 15)
    assert due.note.text() == "Report due in 23 days."
    assert not due.sign.isVisible() and "overdue" not in tab.count_label.text()

    type_into(qtbot, tab.form.editors["report_published_on"].widget, "2027-02-10")
    assert due.note.text() == "Report published 2027-02-10."
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert "1 report overdue" in tab.count_label.text()


def test_a_project_is_entered_and_linked_to_an_agenda_item_and_a_law_change(qtbot, brief_window: MainWindow):
    window = brief_window
    tab = window.projects_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    title = tab.form.editors["title"].widget
    qtbot.keyClicks(title, "Strengthening labor inspection in agro-export regions")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    type_into(qtbot, tab.form.editors["amount"].widget, "1,250,000")
    type_into(qtbot, tab.form.editors["grantee"].widget, "International Labour Organization")
    store = window.session.store
    project = store.projects.one(title="Strengthening labor inspection in agro-export regions")
    assert (project.amount, project.grantee) == (1_250_000, "International Labour Organization")
    assert tab.model.data(tab.model.index(tab.model.row_of(project.id), 3)) == "USD 1,250,000"

    items = tab.form.editors["agenda_item_ids"].widget
    row = check_lists.texts(items).index("2027-03-04 · Labor inspection capacity")
    check_lists.toggle(qtbot, items, row)
    changes = tab.form.editors["law_change_ids"].widget
    check_lists.toggle(qtbot, changes, 1)
    project = store.projects.get(project.id)
    assert project.agenda_item_ids == [store.agenda.one(title="Labor inspection capacity").id]
    assert len(project.law_change_ids) == 1

    type_into(qtbot, tab.form.editors["amount"].widget, "a lot")
    assert "Amount: 'a lot' is not a number" in tab.form.problems.text()
    assert store.projects.get(project.id).amount == 1_250_000


def test_search_opens_a_person_and_a_commitment(qtbot, brief_window: MainWindow):
    window = brief_window
    for words, tab_of, expected in (("Quispe", lambda: window.people_tab, PEOPLE[1][0]),
                                    ("agro-export", lambda: window.commitments_tab,
                                     "Share the inspection plan for agro-export farms")):
        qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        dialog = window.search  # one popup for the whole session
        qtbot.waitUntil(lambda: window.search.isVisible() and QApplication.focusWidget() is window.search.box,
                        timeout=2000)
        dialog.box.clear()
        qtbot.keyClicks(dialog.box, words)
        qtbot.waitUntil(lambda: not window.search.debounce.isActive() and window.search.model.rowCount() > 0,
                        timeout=2000)
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        tab = tab_of()
        assert window.tabs.currentWidget() is tab
        record = tab.form.record
        assert getattr(record, "name", None) == expected or getattr(record, "text", None) == expected
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
