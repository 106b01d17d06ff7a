"""Showing a record never writes it: walking every row of every table leaves the store as it was."""

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt

from council_prep.domain import LawChange, Question, Submission
from council_prep.gui.main_window import MainWindow
from council_prep.gui.window_actions import LAW_CHANGES, QUESTIONS, SUBMISSIONS
from council_prep.store import Store
from tests.gui import check_lists


def fingerprint(path: Path) -> str:
    """The bytes of the store and its write-ahead log."""
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        digest.update(part.read_bytes() if part.exists() else b"")
    return digest.hexdigest()


def add_awkward_records(path: Path) -> None:
    """Values a form cannot show exactly: an offset and seconds, topics out of order, odd lines."""
    with Store.open(path) as store:
        meeting = store.meetings.find()[0]
        store.questions.add(Question(
            meeting_id=meeting.id, text="When will the inspectorate\nbe funded?", topic_key="labor_law_enforcement",
            received_at=datetime(2027, 2, 20, 16, 45, 12, tzinfo=timezone(timedelta(hours=-5)))))
        store.law_changes.add(LawChange(partner_code="PE", title="Omnibus reform",
                                        topic_keys=["minimum_wages", "child_labor", "freedom_of_association"]))
        store.submissions.add(Submission(identifier="U.S. Submission 2019-01 (Peru)", partner_code="PE",
                                         topic_keys=["minimum_wages", "child_labor"], date_filed="2019",
                                         submitters=["A union", "An NGO"]))


def test_selecting_every_row_with_the_keyboard_writes_nothing(qtbot, sample_store_path: Path, settings):
    from council_prep.gui.opening import open_session

    add_awkward_records(sample_store_path)
    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    window = MainWindow(session, settings, ask_read_only=lambda reason: True)
    qtbot.addWidget(window)
    window.show()
    store = window.session.store
    before = {kind: [(r.uid, r.updated_at) for r in getattr(store, kind).find()]
              for kind in ("law_changes", "submissions", "questions")}
    bytes_before = fingerprint(sample_store_path)
    steps = window.session.undo_stack.count()  # the steps that filled the store stay undoable
    for index in (LAW_CHANGES, SUBMISSIONS, QUESTIONS):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        for _ in range(tab.model.rowCount()):
            qtbot.keyClick(tab.table, Qt.Key.Key_Down)
        qtbot.keyClick(tab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        assert tab.current_id() == tab.model.ids()[0]
    window.tabs.setCurrentIndex(0)  # leaving the tab commits the pane too
    assert window.session.undo_stack.count() == steps
    after = {kind: [(r.uid, r.updated_at) for r in getattr(store, kind).find()] for kind in before}
    assert after == before
    assert fingerprint(sample_store_path) == bytes_before
    window.close()


def test_a_changed_time_keeps_its_offset_and_topics_keep_their_order(qtbot, sample_store_path: Path, settings):
    from council_prep.gui.opening import open_session

    add_awkward_records(sample_store_path)
    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    window = MainWindow(session, settings, ask_read_only=lambda reason: True)
    qtbot.addWidget(window)
    window.show()
    store = window.session.store
    steps = window.session.undo_stack.count()
    tab = window.questions_tab
    window.tabs.setCurrentWidget(tab)
    question = store.questions.one(text="When will the inspectorate\nbe funded?")
    tab.select_record(question.id)
    received = tab.form.editors["received_at"].widget
    assert received.text() == "2027-02-20 16:45-05:00"
    received.setFocus()
    received.selectAll()
    qtbot.keyClicks(received, "2027-02-21 09:30")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    saved = store.questions.get(question.id).received_at
    assert saved == datetime(2027, 2, 21, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert window.session.undo_stack.count() == steps + 1

    law = window.law_tab
    window.tabs.setCurrentWidget(law)
    change = store.law_changes.one(title="Omnibus reform")
    law.select_record(change.id)
    topics = law.form.editors["topic_keys"].widget
    check_lists.toggle(qtbot, topics, check_lists.values(topics).index("labor_law_enforcement"))
    assert store.law_changes.get(change.id).topic_keys == [
        "minimum_wages", "child_labor", "freedom_of_association", "labor_law_enforcement"]
    window.close()
