"""A meeting's question deadline and intake mailboxes; late questions kept and flagged."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from council_prep.domain import Meeting, Question, ValidationError
from council_prep.store import Store

EST = timezone(timedelta(hours=-5))
DEADLINE = datetime(2027, 2, 22, 17, 0, tzinfo=EST)  # 22:00 UTC


def test_the_deadline_is_stored_in_utc_with_the_mailboxes_and_subject(store: Store, meeting: Meeting):
    meeting.question_deadline = DEADLINE
    meeting.intake_addresses = ["LAC-Peru@dol.gov", "questions@ustr.eop.gov"]
    meeting.subject_line = "Peru LAC public session"
    store.meetings.update(meeting)
    stored_text = store.conn.execute("SELECT question_deadline, intake_addresses FROM meetings WHERE id = ?",
                                     [meeting.id]).fetchone()
    assert stored_text == ("2027-02-22T22:00:00+00:00", '["LAC-Peru@dol.gov", "questions@ustr.eop.gov"]')
    again = store.meetings.get(meeting.id)
    assert again.question_deadline == DEADLINE and again.subject_line == "Peru LAC public session"
    made = Meeting(agreement_key="us-peru-tpa", title="T", session_date=meeting.session_date, partner_codes=["PE"],
                   question_deadline=DEADLINE, intake_addresses=[" a@dol.gov "])
    assert made.question_deadline.tzinfo is UTC and made.question_deadline.hour == 22  # type: ignore[union-attr]
    assert made.intake_addresses == ["a@dol.gov"]
    store.undo()
    assert store.meetings.get(meeting.id).question_deadline is None


@pytest.mark.parametrize(("addresses", "message"), [
    (["questions at dol.gov"], "'questions at dol.gov' is not an e-mail address"),
    (["a@dol"], "'a@dol' is not an e-mail address"),
    (["Ana <a@dol.gov>"], "is not an e-mail address"),
    (["a@dol.gov", "A@DOL.GOV"], "'A@DOL.GOV' is listed twice"),
])
def test_intake_addresses_must_look_like_mail_addresses(store: Store, meeting: Meeting, addresses, message):
    meeting.intake_addresses = addresses
    with pytest.raises(ValidationError, match=message) as refused:
        store.meetings.update(meeting)
    assert refused.value.problems[0].field == "intake_addresses"
    assert store.meetings.get(meeting.id).intake_addresses == []


def test_a_deadline_without_a_zone_is_refused(store: Store, meeting: Meeting):
    meeting.question_deadline = datetime(2027, 2, 22, 17, 0)
    with pytest.raises(ValidationError, match="question deadline needs a time zone"):
        store.meetings.update(meeting)


def test_late_questions_are_kept_and_flagged(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    on_time = ask("On time", received_at=datetime(2027, 2, 22, 16, 59, tzinfo=EST))
    at_deadline = ask("At the minute", received_at=datetime(2027, 2, 22, 22, 0, tzinfo=UTC))
    late = ask("A second late", received_at=datetime(2027, 2, 22, 17, 0, 1, tzinfo=EST))
    naive_late = ask("No zone, read as UTC", received_at=datetime(2027, 2, 22, 22, 30))
    naive_on_time = ask("No zone, on time", received_at=datetime(2027, 2, 22, 21, 30))
    undated = ask("Date not recorded")
    assert store.questions.late_ids(meeting.id) == []  # no deadline yet
    meeting.question_deadline = DEADLINE
    store.meetings.update(meeting)
    assert store.questions.late_ids(meeting.id) == [late.id, naive_late.id]
    for question in (on_time, at_deadline, late, naive_late, naive_on_time, undated):
        assert question.late(DEADLINE) is (question.id in (late.id, naive_late.id))
        assert question.late(None) is False
    assert store.questions.count_of(meeting_id=meeting.id) == 6  # kept
