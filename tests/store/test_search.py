"""Full-text search: ranked, highlighted, kept in step with edits, safe with any typed text."""

from datetime import date

import pytest

from council_prep.domain import AgendaItem, LawChange, Meeting, Question
from council_prep.store import HIGHLIGHT_END, HIGHLIGHT_START, Store
from council_prep.store.schema import M006_SEARCH
from council_prep.store.search import SEARCH_KINDS, SEARCH_TABLES, WIDTH


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(agreement_key="korus", title="KORUS council", session_date=date(2027, 5, 1),
                                      partner_codes=["KR"]))


def test_title_matches_rank_above_body_matches(store: Store, meeting: Meeting):
    body = store.law_changes.add(LawChange(partner_code="KR", title="Working hours act",
                                           summary="Also touches on subcontracting rules."))
    title = store.law_changes.add(LawChange(partner_code="KR", title="Subcontracting protection act"))
    hits = store.search("subcontracting")
    assert [h.record_id for h in hits] == [title.id, body.id]
    assert hits[0].title == f"{HIGHLIGHT_START}Subcontracting{HIGHLIGHT_END} protection act"
    assert HIGHLIGHT_START + "subcontracting" + HIGHLIGHT_END in hits[1].snippet
    assert hits[0].parts(hits[0].title) == [("Subcontracting", True), (" protection act", False)]


def test_search_spans_every_record_kind_with_prefix_and_accents(store: Store, meeting: Meeting):
    store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Negociación colectiva en el sector agrícola"))
    store.questions.add(Question(meeting_id=meeting.id, text="노동조합 등록 절차는 어떻게 개선됩니까?"))
    store.law_changes.add(LawChange(partner_code="KR", title="Trade Union Act amendment",
                                    summary="Negotiation rights"))
    assert [h.kind for h in store.search("negociacion")] == ["agenda_item"]
    assert {h.kind for h in store.search("nego")} == {"agenda_item", "law_change"}
    assert [h.kind for h in store.search("노동조합")] == ["question"]


def test_index_follows_updates_and_deletes(store: Store, meeting: Meeting):
    question = store.questions.add(Question(meeting_id=meeting.id, text="What about migrant fishers?"))
    question.text = "What about seafarers?"
    store.questions.update(question)
    assert store.search("fishers") == []
    assert [h.record_id for h in store.search("seafarers")] == [question.id]
    store.questions.delete(question.id)
    assert store.search("seafarers") == []
    assert store.check() == []


@pytest.mark.parametrize("typed", ['"', "AND OR NOT", "*", "a:b (c", "NEAR(", "''", "   ", "-x", "^"])
def test_any_typed_text_is_a_safe_query(store: Store, meeting: Meeting, typed: str):
    store.questions.add(Question(meeting_id=meeting.id, text="AND the x of b and c"))
    store.search(typed)  # never raises


def test_all_words_must_match(store: Store, meeting: Meeting):
    store.questions.add(Question(meeting_id=meeting.id, text="child labor in coffee"))
    store.questions.add(Question(meeting_id=meeting.id, text="child labor in mining"))
    assert [h.snippet or h.title for h in store.search("child coffee")] == [
        f"{HIGHLIGHT_START}child{HIGHLIGHT_END} labor in {HIGHLIGHT_START}coffee{HIGHLIGHT_END}"]


def test_check_notices_a_record_missing_from_the_index(store: Store, meeting: Meeting):
    question = store.questions.add(Question(meeting_id=meeting.id, text="Indexed?"))
    store.conn.execute("DELETE FROM search_index WHERE rowid = ?", [question.id * WIDTH + SEARCH_KINDS["question"]])
    missing = f"questions row {question.id} (uid {question.uid}): missing from the search index"
    assert store.check() == [missing, "search index holds 0 entries for 1 records"]
    with Store.open(store.path, read_only=True) as review:
        assert missing in review.check()


def test_snippets_read_as_text_not_as_stored_lists(store: Store, meeting: Meeting):
    store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Opening", lead="K. Brennan",
                                talking_points=["Welcome the delegation", "Propose the seafarers item"]))
    (hit,) = store.search("seafarers")
    marked = f"{HIGHLIGHT_START}seafarers{HIGHLIGHT_END}"
    assert hit.snippet == f"Welcome the delegation · Propose the {marked} item · K. Brennan"
    assert "[" not in hit.snippet and '"' not in hit.snippet


def test_the_index_the_last_migration_built_covers_what_the_registry_marks_searchable():
    """Triggers are made by a migration: marking a field searchable needs a migration rebuilding the index."""
    assert M006_SEARCH == SEARCH_TABLES
