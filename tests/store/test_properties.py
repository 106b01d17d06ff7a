"""Any text a user can type is stored as cleaned, found again by its words, and never breaks search."""

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council_prep.domain import Meeting, Question
from council_prep.domain.text import clean
from council_prep.store import Store

# Every Unicode character but surrogates (which no file can store): controls, RTL, emoji, CJK...
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def open_store(tmp_path: Path) -> tuple[Store, int]:
    store = Store.open(tmp_path / "p.db")
    meeting = store.meetings.one(title="Properties") or store.meetings.add(Meeting(
        agreement_key="korus", partner_codes=["KR"], title="Properties", session_date=date(2027, 1, 1)))
    return store, meeting.id  # type: ignore[return-value]


@SETTINGS
@given(text=TEXT)
def test_any_text_round_trips_cleaned(tmp_path: Path, text: str):
    store, meeting_id = open_store(tmp_path)
    try:
        if not clean(text).strip():
            return  # nothing left to store: validation refuses it, as tested elsewhere
        added = store.questions.add(Question(meeting_id=meeting_id, text=text, asker_name=text))
        back = store.questions.get(added.id)
        assert back.text == clean(text) == back.asker_name
        assert store.check() == []
    finally:
        store.close()


@given(text=st.text())
def test_cleaning_is_idempotent(text: str):
    assert clean(clean(text)) == clean(text)


@SETTINGS
@given(query=TEXT)
def test_any_query_is_safe(tmp_path: Path, query: str):
    store, meeting_id = open_store(tmp_path)
    try:
        if store.questions.count() == 0:
            store.questions.add(Question(meeting_id=meeting_id, text="Migrant fishers — 어선 이주노동자 — العمال"))
        hits = store.search(query)
        assert all(h.kind == "question" for h in hits)
        store.questions.select_ids(text=query)
    finally:
        store.close()


@SETTINGS
@given(word=st.from_regex(r"[A-Za-zÀ-ÖØ-öø-ÿ가-힣]{3,12}", fullmatch=True))  # letters, not × or ÷
def test_a_stored_word_is_found_by_its_prefix(tmp_path: Path, word: str):
    store, meeting_id = open_store(tmp_path)
    try:
        added = store.questions.add(Question(meeting_id=meeting_id, text=f"About {word} today"))
        found = {h.record_id for h in store.search(word[:3])}
        assert added.id in found
    finally:
        store.close()
