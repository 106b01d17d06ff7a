"""The change log: one step per user action, in the write's own transaction; undo and redo in the core."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council_prep.demo import load_demo
from council_prep.domain import AgendaItem, LawChange, LawChangeStatus, Meeting, Question, QuestionStatus
from council_prep.store import SCHEMA_VERSION, Store, StoreError
from council_prep.store.schema_map import read_schema
from tests.helpers.sqlite import make_store_of_version


def content(store: Store) -> dict[str, list[str]]:
    """Every logged table's rows as the log sees them (references as uids), ids left out."""
    result = {}
    for kind, logged in read_schema(store.conn).items():
        rows = store.conn.execute(logged.select_sql()).fetchall()
        snapshots = []
        for _, row in rows:
            values = json.loads(row)
            values.pop("id", None)
            snapshots.append(json.dumps(values, sort_keys=True))
        result[kind] = sorted(snapshots)
    return result


def steps(store: Store) -> list[tuple[int, str, str]]:
    return store.conn.execute("SELECT id, label, action FROM steps ORDER BY id").fetchall()


def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Log test",
                                      session_date=date(2027, 3, 4)))


def law_change(store: Store, title: str = "Outsourcing decree") -> LawChange:
    return store.law_changes.add(LawChange(partner_code="PE", title=title))


def test_each_kind_of_write_is_one_step_named_for_what_it_did(store: Store):
    m = meeting(store)
    change = law_change(store)
    item = store.agenda.add(AgendaItem(meeting_id=m.id, title="Outsourcing"))
    store.agenda.add(AgendaItem(meeting_id=m.id, title="Inspection"))
    item.law_change_ids = [change.id]
    store.agenda.update(item)
    store.agenda.move(item.id, 2)
    store.questions.add_many(Question(meeting_id=m.id, text=f"Question {n}") for n in range(3))
    store.law_changes.delete(change.id)
    labels = [label for _, label, _ in steps(store)]
    assert labels == [
        "Add meeting “Log test”", "Add law change “Outsourcing decree”", "Add agenda item “Outsourcing”",
        "Add agenda item “Inspection”", "Edit agenda item “Outsourcing”", "Move agenda item “Outsourcing” to 2",
        "Add questions", "Delete law change “Outsourcing decree”",
    ]
    # The delete logged the link it took with it, by both records' uids.
    kinds = store.conn.execute("SELECT kind, op FROM changes WHERE step_id = (SELECT max(id) FROM steps)").fetchall()
    assert sorted(kinds) == [("agenda_law_changes", "delete"), ("law_change", "delete")]
    at = store.conn.execute("SELECT at FROM steps ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "." in at and at.endswith("+00:00")  # sub-second, UTC


def test_an_update_keeps_only_the_fields_that_changed(store: Store):
    change = law_change(store)
    change.summary = "Allows outsourcing of core activities."
    store.law_changes.update(change)
    before, after = store.conn.execute(
        "SELECT before, after FROM changes WHERE step_id = (SELECT max(id) FROM steps)").fetchone()
    assert set(json.loads(after)) - {"updated_at"} == {"summary"}
    assert json.loads(before)["summary"] == ""


def test_an_update_that_changes_nothing_writes_nothing(store: Store):
    change = law_change(store)
    stamp, count = change.updated_at, len(steps(store))
    assert store.law_changes.update(store.law_changes.get(change.id)) is False
    assert len(steps(store)) == count
    assert store.law_changes.get(change.id).updated_at == stamp


def test_several_writes_in_one_transaction_are_one_step(store: Store):
    m = meeting(store)
    with store.transaction("Plan the opening"):
        item = store.agenda.add(AgendaItem(meeting_id=m.id, title="Opening"))
        item.objective = "Welcome the delegation"
        store.agenda.update(item)
    assert steps(store)[-1][1] == "Plan the opening"
    rows = store.conn.execute("SELECT kind, op, after FROM changes WHERE step_id = ?", [steps(store)[-1][0]]).fetchall()
    assert len(rows) == 1 and rows[0][:2] == ("agenda_item", "add")
    assert json.loads(rows[0][2])["objective"] == "Welcome the delegation"
    assert store.last_changes.uids("agenda_item", "add") == {item.uid}


def test_undo_of_a_meeting_delete_brings_back_its_agenda_questions_links_and_duplicates(store: Store):
    m = meeting(store)
    change = law_change(store)
    item = store.agenda.add(AgendaItem(meeting_id=m.id, title="Outsourcing", law_change_ids=[change.id]))
    original = store.questions.add(Question(meeting_id=m.id, text="What about subcontracting?"))
    store.questions.add(Question(meeting_id=m.id, text="Subcontracting?", duplicate_of=original.id))
    before = content(store)
    store.meetings.delete(m.id)
    assert store.questions.count() == 0 and store.agenda.count() == 0
    changes = store.undo()
    assert content(store) == before
    assert store.agenda.get(item.id).law_change_ids == [change.id]  # same id, as it was free
    assert changes.uids("question", "add") == {q.uid for q in store.questions.find()}
    store.redo()
    assert store.meetings.count() == 0


def test_undo_and_redo_survive_closing_the_store(store_path: Path):
    with Store.open(store_path) as store:
        change = law_change(store)
        change.status = LawChangeStatus.ADOPTED
        store.law_changes.update(change)
    with Store.open(store_path) as store:
        assert store.can_undo()[1] == "Edit law change “Outsourcing decree”"
        store.undo()
        assert store.law_changes.get(change.id).status == "proposed"
    with Store.open(store_path) as store:
        assert store.can_redo()[1] == "Edit law change “Outsourcing decree”"
        store.redo()
        assert store.law_changes.get(change.id).status == "adopted"
        assert [a for _, _, a in steps(store)] == ["do", "do", "undo", "redo"]


def test_a_new_step_ends_the_redo(store: Store):
    law_change(store, "First")
    store.undo()
    law_change(store, "Second")
    assert store.can_redo() is None
    with pytest.raises(StoreError, match="nothing to redo"):
        store.redo()


def test_undo_refuses_a_step_that_is_not_the_latest(store: Store):
    law_change(store, "First")
    first = store.can_undo()[0]
    law_change(store, "Second")
    with pytest.raises(StoreError, match="changed by another program"):
        store.undo(first)


def test_an_import_sized_addition_is_one_step_and_undoes(store: Store):
    m = meeting(store)
    before = content(store)
    store.questions.add_many(Question(meeting_id=m.id, text=f"Question {n}", asker_name=f"Asker {n}")
                             for n in range(12_000))
    assert store.conn.execute("SELECT count(*) FROM changes WHERE step_id = (SELECT max(id) FROM steps)"
                              ).fetchone()[0] == 12_000
    store.undo()
    assert content(store) == before
    assert store.search("Asker") == []
    store.redo()
    assert store.questions.count() == 12_000 and store.check() == []


def test_undo_brings_the_demo_back_after_deleting_everything(store_path: Path):
    with Store.open(store_path) as store:
        load_demo(store)
        before = content(store)
        for m in store.meetings.find():
            store.meetings.delete(m.id)
        for change in store.law_changes.find():
            store.law_changes.delete(change.id)
        while store.can_undo() and store.can_undo()[1] != "Load the demo data":
            store.undo()
        assert content(store) == before
        assert store.check() == []


# A random sequence of writes, then undo all and redo all.
ACTIONS = st.lists(st.tuples(st.sampled_from(["add_q", "edit_q", "delete_q", "dup_q", "add_item", "move_item",
                                              "link_item", "delete_item", "delete_change", "import"]),
                             st.integers(0, 1_000)), min_size=1, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_undo_all_gives_back_the_first_store_and_redo_all_the_last(tmp_path_factory, actions):
    path = tmp_path_factory.mktemp("log") / "s.db"
    with Store.open(path) as store:
        m = meeting(store)
        law_change(store, "A")
        law_change(store, "B")
        store.agenda.add(AgendaItem(meeting_id=m.id, title="Opening"))
        first, done = content(store), 0
        for action, n in actions:
            done += _perform(store, m.id, action, n)
        last = content(store)
        for _ in range(done):
            store.undo()
        assert content(store) == first
        for _ in range(done):
            store.redo()
        assert content(store) == last
        assert store.check() == []


def _perform(store: Store, meeting_id: int, action: str, n: int) -> int:
    """Do one write; returns how many steps it left (0 when there was nothing to act on)."""
    questions, items, changes = store.questions.find(), store.agenda.for_meeting(meeting_id), store.law_changes.find()
    before = store.conn.execute("SELECT count(*) FROM steps").fetchone()[0]
    if action == "add_q":
        store.questions.add(Question(meeting_id=meeting_id, text=f"Q{n}", confidential=n % 2 == 0))
    elif action == "edit_q" and questions:
        q = questions[n % len(questions)]
        q.text, q.status = f"{q.text} (edited {n})", QuestionStatus.WITHDRAWN
        store.questions.update(q)
    elif action == "delete_q" and questions:
        store.questions.delete(questions[n % len(questions)].id)
    elif action == "dup_q" and len(questions) >= 2:
        q, original = questions[-1], questions[n % (len(questions) - 1)]
        if original.duplicate_of is None:
            q.duplicate_of = original.id
            store.questions.update(q)
    elif action == "add_item":
        store.agenda.add(AgendaItem(meeting_id=meeting_id, title=f"Item {n}", position=n % 4))
    elif action == "move_item" and items:
        store.agenda.move(items[n % len(items)].id, n % 5)
    elif action == "link_item" and items and changes:
        item = items[n % len(items)]
        item.law_change_ids = [c.id for c in changes[: n % (len(changes) + 1)]]
        store.agenda.update(item)
    elif action == "delete_item" and items:
        store.agenda.delete(items[n % len(items)].id)
    elif action == "delete_change" and changes:
        store.law_changes.delete(changes[n % len(changes)].id)
    elif action == "import":
        store.questions.add_many(Question(meeting_id=meeting_id, text=f"Imported {n}-{i}") for i in range(3))
    return store.conn.execute("SELECT count(*) FROM steps").fetchone()[0] - before


WRITER = """
import sys, time
from datetime import date
from council_prep.domain import Meeting, Question
from council_prep.store import Store
with Store.open(sys.argv[1]) as store, store.transaction("Long step"):
    m = store.meetings.add(Meeting(agreement_key="korus", partner_codes=["KR"], title="Killed",
                                   session_date=date(2027, 1, 1)))
    for n in range(200):
        store.questions.add(Question(meeting_id=m.id, text=f"Q{n}"))
    print("written", flush=True)
    time.sleep(60)
"""


def test_a_writer_killed_mid_step_leaves_neither_the_writes_nor_the_step(store_path: Path):
    Store.open(store_path).close()
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(store_path)], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    try:
        assert process.stdout.readline().strip() == "written"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    time.sleep(0.1)
    with Store.open(store_path) as store:
        assert store.meetings.count() == 0 and store.questions.count() == 0
        assert steps(store) == []
        assert store.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


def test_a_store_of_the_previous_schema_gains_the_log_after_its_backup(tmp_path: Path):
    path = tmp_path / "old.db"
    make_store_of_version(path, 3)  # as the version before the change log left it, with a meeting
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        store.meetings.delete(store.meetings.find()[0].id)
        store.undo()
        assert store.meetings.count() == 1
    assert list(tmp_path.glob("old.schema-v3.*.backup.db"))
