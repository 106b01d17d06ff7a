"""add_many: the fast path of imports and large stores: ids set, all or nothing, searchable afterwards."""

from datetime import date

import pytest

from council_prep.domain import LawChange, Meeting, Question, ValidationError
from council_prep.store import Store, StoreError


def test_add_many_inserts_and_indexes(store: Store):
    added = store.law_changes.add_many(LawChange(partner_code="PE", title=f"Decree {n} on wages")
                                         for n in range(1200))
    assert added == 1200 == store.law_changes.count()
    assert len(store.law_changes.select_ids(text="decree wages")) == 1200
    assert store.search("Decree 1199")[0].kind == "law_change"
    assert [c.title for c in store.law_changes.get_many([1, 600, 1200])] == [
        "Decree 0 on wages", "Decree 599 on wages", "Decree 1199 on wages"]


def test_add_many_sets_ids_like_add(store: Store):
    store.law_changes.add(LawChange(partner_code="PE", title="First"))
    batch = [LawChange(partner_code="GT", title=f"Batch {n}") for n in range(3)]
    store.law_changes.add_many(batch)
    assert [store.law_changes.get(c.id).title for c in batch] == ["Batch 0", "Batch 1", "Batch 2"]


def test_add_many_explains_unknown_references(store: Store):
    with pytest.raises(ValidationError, match="Unknown topic 'no_such_topic'"):
        store.law_changes.add_many([LawChange(partner_code="PE", title="x", topic_keys=["no_such_topic"])])


def test_add_many_is_all_or_nothing(store: Store):
    good = [LawChange(partner_code="PE", title="Fine") for _ in range(10)]
    with pytest.raises(ValidationError):
        store.law_changes.add_many([*good, LawChange(partner_code="PE", title="")])
    with pytest.raises(StoreError):
        store.questions.add_many([Question(meeting_id=999, text="No such meeting")])
    assert store.law_changes.count() == 0 and store.questions.count() == 0


def test_labels_for_pickers(store: Store):
    from council_prep.store.views import labels

    store.law_changes.add_many([LawChange(partner_code=code, title=title)
                                 for code, title in [("PE", "b law"), ("PE", "A decree"), ("CO", "C rule")]])
    assert [title for _, title in labels(store.law_changes, "title", partner_code="PE")] == ["A decree", "b law"]
    with pytest.raises(ValueError):
        labels(store.law_changes, "no_such_column")


def test_a_failed_bulk_addition_leaves_the_index_triggers_in_place(store: Store):
    bad = [LawChange(partner_code="PE", title="Fine"), LawChange(partner_code="PE", title="")]
    with store.transaction():
        with pytest.raises(ValidationError):
            store.law_changes.add_many(bad)
        added = store.law_changes.add(LawChange(partner_code="PE", title="Added one by one"))
    assert [h.record_id for h in store.search("added one")] == [added.id]
    assert store.law_changes.count() == 1
    triggers = {name for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "law_changes_search_insert" in triggers
    assert store.check() == []


def test_bulk_added_records_are_indexed_like_single_ones(store: Store):
    store.law_changes.add_many(LawChange(partner_code="GT", title=f"Acuerdo {n} sobre negociación") for n in range(7))
    store.law_changes.add(LawChange(partner_code="GT", title="Acuerdo 8 sobre negociación"))
    assert len(store.search("negociacion acuerdo")) == 8
    assert store.check() == []


def _logs_row_by_row(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = "
                              "'log_questions_insert'").fetchone() is not None


def test_a_bulk_addition_logs_by_range_without_the_row_trigger_and_puts_it_back(store: Store):
    meeting = store.meetings.add(Meeting(agreement_key="korus", partner_codes=["KR"], title="Bulk",
                                         session_date=date(2027, 1, 1)))
    seen: list[bool] = []

    def questions(count: int):
        for n in range(count):
            seen.append(_logs_row_by_row(store))
            yield Question(meeting_id=meeting.id, text=f"Question {n}?")

    store.questions.add_many(questions(6_000))  # two batches
    assert seen and not any(seen)  # taken away while the rows of every batch go in
    assert _logs_row_by_row(store)
    bad = [Question(meeting_id=meeting.id, text="Fine?"), Question(meeting_id=meeting.id, text="")]
    with store.transaction():
        with pytest.raises(ValidationError):
            store.questions.add_many(bad)
        single = store.questions.add(Question(meeting_id=meeting.id, text="One by one?"))
    logged = store.conn.execute("SELECT op, count(*) FROM changes WHERE kind = 'question' GROUP BY op").fetchall()
    assert logged == [("add", 6_001)] and _logs_row_by_row(store)
    assert store.undo() and store.questions.find_uid(single.uid) is None and store.questions.count() == 6_000
