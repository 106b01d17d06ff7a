"""Search and the table filter stay fast when a word is in most records, or a meeting has many rows."""

from datetime import date

import pytest

from council_prep.domain import Meeting, Question
from council_prep.store import Store
from council_prep.store.search import CANDIDATES


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(agreement_key="korus", title="KORUS council", session_date=date(2027, 5, 1),
                                      partner_codes=["KR"]))


def _steps(store: Store, action) -> int:
    """How many thousand SQLite virtual-machine steps `action` takes: work done, whatever the machine's load."""
    count = 0

    def tick() -> int:
        nonlocal count
        count += 1
        return 0

    store.conn.set_progress_handler(tick, 1000)
    try:
        action()
    finally:
        store.conn.set_progress_handler(None, 0)
    return count


def test_a_word_in_more_records_than_are_ranked_lists_the_newest(store: Store, meeting: Meeting):
    total = CANDIDATES * 3
    store.questions.add_many(Question(meeting_id=meeting.id, text=f"Question {n} on cobalt mining safety")
                             for n in range(total))
    newest = store.questions.select_ids(meeting_id=meeting.id, order_by="id", descending=True)[:20]
    hits = store.search("cobalt", limit=20)
    assert [h.record_id for h in hits] == newest
    assert all("\x02cobalt\x03" in h.title for h in hits)
    # Reading the candidates stops early: ranking every match would cost in proportion to all of them.
    few = _steps(store, lambda: store.search("cobalt", limit=20))
    store.questions.add_many(Question(meeting_id=meeting.id, text=f"More on cobalt {n}") for n in range(total * 3))
    assert _steps(store, lambda: store.search("cobalt", limit=20)) < few * 2


def test_fewer_matches_than_candidates_are_ranked_by_relevance(store: Store, meeting: Meeting):
    added = [store.questions.add(Question(meeting_id=meeting.id, text=f"Q{n}: " + "tin " * (4 if n % 4 == 0 else 1)))
             for n in range(40)]
    hits = store.search("tin", limit=10)
    # bm25 puts the ten questions that say it four times first, the oldest among them; recency would not.
    assert {h.record_id for h in hits} == {q.id for n, q in enumerate(added) if n % 4 == 0}
    assert hits == sorted(hits, key=lambda h: h.rank)


def test_filter_by_a_rare_word_does_not_scan_the_meeting(store: Store, meeting: Meeting):
    store.questions.add_many(Question(meeting_id=meeting.id, text=f"Question {n} on wages"
                                      + (" and quarantine" if n % 5_000 == 7 else "")) for n in range(10_000))
    found = store.questions.select_ids(text="quarantine", meeting_id=meeting.id)
    assert [store.questions.get(i).text for i in found] == ["Question 7 on wages and quarantine",
                                                            "Question 5007 on wages and quarantine"]
    # Through the meeting's index SQLite would visit all 10,000 of its rows (hundreds of thousand steps).
    assert _steps(store, lambda: store.questions.select_ids(text="quarantine", meeting_id=meeting.id)) < 20


def test_a_meetings_ids_in_id_order_come_from_its_index_not_a_walk_of_every_row(store: Store, meeting: Meeting):
    """Told to order by id, SQLite walked the whole table in id order (every page of every meeting's
    questions, their texts included) rather than the meeting's index, when the meeting held most rows."""
    other = store.meetings.add(Meeting(agreement_key="korus", title="Earlier council", session_date=date(2026, 5, 1),
                                       partner_codes=["KR"]))
    store.questions.add_many(Question(meeting_id=meeting.id, text=f"Question {n} on mining safety") for n in range(900))
    store.questions.add_many(Question(meeting_id=other.id, text=f"Question {n} on ports") for n in range(100))
    store.conn.execute("ANALYZE")
    issued: list[str] = []
    store.conn.set_trace_callback(issued.append)
    ids = store.questions.select_ids(meeting_id=meeting.id)
    store.conn.set_trace_callback(None)
    assert ids == sorted(ids) and len(ids) == 900
    assert store.questions.select_ids(meeting_id=meeting.id, descending=True) == ids[::-1]
    plans = [row[3] for sql in issued for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    assert plans and not any(plan.startswith("SCAN questions") for plan in plans), plans
