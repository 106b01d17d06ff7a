"""Folding a question under another as its duplicate: one undoable step, never a loop."""

from collections.abc import Callable

import pytest

from council_prep.domain import Meeting, Question, ValidationError
from council_prep.store import Store


def links(store: Store, meeting: Meeting) -> list[tuple[int, int]]:
    return store.questions.duplicate_links(meeting.id)  # type: ignore[arg-type]


def step_count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM steps").fetchone()[0]


def test_fold_and_unfold_are_one_step_each_and_undo(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    original = ask("Will the council discuss the closing of the Callao union hall?")
    repeat = ask("Will the council discuss the closing of the Callao union hall?", asker_name="Rosa Quispe",
                 confidential=True)
    before = step_count(store)
    store.questions.mark_duplicate(repeat.id, original.id)
    assert step_count(store) == before + 1
    assert store.can_undo()[1].startswith(f"Mark question {repeat.id} “Will the council")  # type: ignore[index]
    assert links(store, meeting) == [(repeat.id, original.id)]
    folded = store.questions.get(repeat.id)  # the asker keeps their own text and confidentiality
    assert (folded.asker_name, folded.confidential, folded.text) == ("Rosa Quispe", True, repeat.text)
    store.undo()
    assert links(store, meeting) == []
    store.redo()
    assert links(store, meeting) == [(repeat.id, original.id)]
    store.questions.unfold(repeat.id)
    assert links(store, meeting) == [] and step_count(store) == before + 4  # fold, undo, redo, unfold
    store.undo()
    assert links(store, meeting) == [(repeat.id, original.id)]
    store.questions.unfold(original.id)  # not a duplicate: nothing to do, no step
    assert step_count(store) == before + 5


def test_a_question_is_never_its_own_duplicate(store: Store, ask: Callable[..., Question]):
    question = ask("Overtime in the garment sector?")
    with pytest.raises(ValidationError, match="cannot be a duplicate of itself"):
        store.questions.mark_duplicate(question.id, question.id)
    assert store.questions.get(question.id).duplicate_of is None


def test_folding_two_questions_under_each_other_is_refused(store: Store, meeting: Meeting,
                                                           ask: Callable[..., Question]):
    a, b = ask("Question A about wages"), ask("Question B about wages")
    store.questions.mark_duplicate(a.id, b.id)
    before = step_count(store)
    with pytest.raises(ValidationError, match=rf"question {b.id} .* cannot be a duplicate of question {a.id} .*loop"):
        store.questions.mark_duplicate(b.id, a.id)
    assert links(store, meeting) == [(a.id, b.id)] and step_count(store) == before


def test_a_loop_through_a_longer_chain_is_refused(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    a, b, c = (ask(f"Question {n} about wages") for n in "ABC")
    # A chain as an older store or an import may hold it: C -> B -> A (marking now keeps groups flat).
    store.conn.execute("UPDATE questions SET duplicate_of = ? WHERE id = ?", [a.id, b.id])
    store.conn.execute("UPDATE questions SET duplicate_of = ? WHERE id = ?", [b.id, c.id])
    with pytest.raises(ValidationError, match="loop"):
        store.questions.mark_duplicate(a.id, c.id)
    assert links(store, meeting) == [(b.id, a.id), (c.id, b.id)]


def test_a_question_already_in_a_loop_is_not_folded_onto(store: Store, ask: Callable[..., Question]):
    a, b, c = (ask(f"Question {n} about wages") for n in "ABC")
    store.conn.execute("UPDATE questions SET duplicate_of = ? WHERE id = ?", [b.id, a.id])
    store.conn.execute("UPDATE questions SET duplicate_of = ? WHERE id = ?", [a.id, b.id])
    with pytest.raises(ValidationError, match=rf"question {a.id} .* is in a loop of duplicates; unfold one"):
        store.questions.mark_duplicate(c.id, a.id)


def test_folding_onto_a_duplicate_folds_onto_its_original_with_its_own_duplicates(
        store: Store, meeting: Meeting, ask: Callable[..., Question]):
    original, repeat, third, fourth = (ask(f"Question {n} about the pension reform") for n in range(4))
    store.questions.mark_duplicate(repeat.id, original.id)
    store.questions.mark_duplicate(fourth.id, third.id)
    store.questions.mark_duplicate(third.id, repeat.id)  # third, and fourth under it, go under the original
    assert links(store, meeting) == [(repeat.id, original.id), (third.id, original.id), (fourth.id, original.id)]
    assert [q.id for q in store.questions.duplicates_of(original.id)] == [repeat.id, third.id, fourth.id]
    store.undo()  # one step brings both back
    assert links(store, meeting) == [(repeat.id, original.id), (fourth.id, third.id)]


def test_a_question_of_another_meeting_is_no_original(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    other = store.meetings.add(Meeting(agreement_key="us-peru-tpa", title="Another", session_date=meeting.session_date,
                                       partner_codes=["PE"]))
    there = store.questions.add(Question(meeting_id=other.id, text="Wages?"))
    here = ask("Wages?")
    with pytest.raises(ValidationError, match="belongs to another meeting"):
        store.questions.mark_duplicate(here.id, there.id)
