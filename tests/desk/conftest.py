"""Fixtures of the question desk's tests: a real store with one meeting (and another to stay apart from)."""

from collections.abc import Callable
from datetime import date

import pytest

from council_prep.domain import Meeting, Question
from council_prep.store import Store


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(agreement_key="us-peru-tpa", title="Sixth meeting of the Labor Affairs Council",
                                      session_date=date(2027, 3, 4), partner_codes=["PE"]))


@pytest.fixture
def ask(store: Store, meeting: Meeting) -> Callable[..., Question]:
    """Store a question of the meeting: ask("text", asker_name="Ana", ...)."""
    def add(text: str, **values) -> Question:
        return store.questions.add(Question(meeting_id=meeting.id, text=text, **values))
    return add
