"""uids in any spelling are one uid, never another record's; Duplicate of may name a new row; loops are refused."""

import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from council_prep.domain import Question, new_uid
from council_prep.importers import apply_import, plan_law_change_import, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import write_csv, write_xlsx


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def other_meetings_question(store: Store, meeting_id: int) -> Question:
    other = store.meetings.add(replace(store.meetings.get(meeting_id), id=None, uid=new_uid()))
    return store.questions.add(Question(meeting_id=other.id, text="Elsewhere?"))


def test_uids_in_any_spelling_are_stored_in_one(store: Store, meeting_id: int, tmp_path: Path) -> None:
    uids = [str(uuid.uuid4()) for _ in range(4)]
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "uid"], ["Upper?", uids[0].upper()], ["Braces?", "{" + uids[1] + "}"],
        ["URN?", "urn:uuid:" + uids[2]], ["Spaced?", f"  {{{uids[3].upper()}}} "]])
    apply_import(store, plan_question_import(store, meeting_id, path))
    assert [store.questions.one(text=t).uid for t in ("Upper?", "Braces?", "URN?", "Spaced?")] == uids  # type: ignore[union-attr]
    again = plan_question_import(store, meeting_id, write_xlsx(tmp_path / "again.xlsx", [
        ["Question", "uid"], ["Upper, edited?", "URN:UUID:" + uids[0].upper()]]))
    assert again.counts["added"] == 0 and [q.uid for q in again.updated] == [uids[0]]


def test_a_uid_of_another_meeting_or_another_kind_of_record_is_refused(store: Store, meeting_id: int,
                                                                       tmp_path: Path) -> None:
    foreign = other_meetings_question(store, meeting_id)
    law_change = store.law_changes.find()[0]
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "uid"], ["Moved?", foreign.uid.upper()], ["A law?", "{" + law_change.uid + "}"],
        ["Bad?", "12345"]])
    before = store.questions.count()
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [
        f"{path} row 2, column uid: {foreign.uid} belongs to a question of another meeting “Elsewhere?”; clear "
        "the uid to add the row as a new record",
        f"{path} row 3, column uid: {law_change.uid} belongs to a law change “{law_change.title}”; clear "
        "the uid to add the row as a new record",
        f"{path} row 4, column uid: '12345' is not a uid (a UUID such as 00000000-0000-0000-0000-000000000000); "
        "clear the cell to add the row as a new record",
    ]
    assert store.questions.count() == before
    question = store.questions.find(meeting_id=meeting_id)[0]
    changes = write_csv(tmp_path / "c.csv", f"Partner,Title,uid\nGT,Some decree,{question.uid.upper()}\n")
    assert "belongs to a question" in plan_law_change_import(store, changes).problems[0]


def test_duplicate_of_may_name_a_new_row_of_the_same_file(store: Store, meeting_id: int, tmp_path: Path) -> None:
    root, child = str(uuid.uuid4()), str(uuid.uuid4())
    stored = store.questions.one(asker_name="Dr. Lee")
    assert stored is not None
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "Asker", "uid", "Duplicate of"],
        ["Is child labor rising?", "B", child, root.upper()],  # points at a row further down
        ["Child labor: rising or not?", "A", root, None],
        ["Child labor in coffee, again?", "C", None, "{" + stored.uid + "}"],
    ])
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == []
    apply_import(store, plan)
    by_uid = {q.uid: q for q in store.questions.find()}
    assert by_uid[child].duplicate_of == by_uid[root].id
    assert store.questions.one(asker_name="C").duplicate_of == stored.id  # type: ignore[union-attr]


def test_a_chain_is_accepted_and_loops_are_refused_naming_their_rows(store: Store, meeting_id: int,
                                                                     tmp_path: Path) -> None:
    a, b, c, x, y, z = (str(uuid.uuid4()) for _ in range(6))
    chain = write_xlsx(tmp_path / "chain.xlsx", [
        ["Question", "uid", "Duplicate of"], ["A?", a, None], ["B?", b, a], ["C?", c, b]])
    apply_import(store, plan_question_import(store, meeting_id, chain))
    loops = write_xlsx(tmp_path / "loops.xlsx", [
        ["Question", "uid", "Duplicate of"], ["X?", x, y], ["Y?", y, x], ["Z?", z, z],
        ["A again?", a, c],  # A is stored; C (stored) is a duplicate of B, itself of A: a loop through the store
    ])
    before = [(q.uid, q.duplicate_of) for q in store.questions.find()]
    plan = plan_question_import(store, meeting_id, loops)
    assert plan.problems == [
        f"{loops} row 2, column Duplicate of: row 2 → row 3 → row 2 are duplicates of each other in a loop; clear "
        "the Duplicate of cell of the original question",
        f"{loops} row 4, column Duplicate of: a question cannot be a duplicate of itself",
        f"{loops} row 5, column Duplicate of: row 5 → the stored question “C?” → the stored question “B?” → row 5 "
        "are duplicates of each other in a loop; clear the Duplicate of cell of the original question",
    ]
    assert [(q.uid, q.duplicate_of) for q in store.questions.find()] == before


def test_duplicate_of_an_unknown_uid_is_refused(store: Store, meeting_id: int, tmp_path: Path) -> None:
    foreign = other_meetings_question(store, meeting_id)
    path = write_csv(tmp_path / "q.csv", f"Question,Duplicate of\nSame as elsewhere?,{foreign.uid}\n")
    assert plan_question_import(store, meeting_id, path).problems == [
        f"{path} row 2, column Duplicate of: no question of this meeting or of this file has the uid {foreign.uid}"]
