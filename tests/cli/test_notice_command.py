"""`council-prep notice`: the public-session notice printed from the meeting's data."""

from datetime import UTC, date, datetime
from pathlib import Path

from council_prep.domain import Meeting
from council_prep.store import Store
from tests.cli.running import assert_clean_failure, run


def test_the_notice_states_the_dates_place_deadline_mailboxes_and_subject(store_path: Path):
    with Store.open(store_path) as store:
        meeting = store.meetings.add(Meeting(
            agreement_key="us-peru-tpa", title="Sixth meeting", session_date=date(2027, 3, 4),
            public_session_date=date(2027, 3, 5), partner_codes=["PE"], location="Lima, Peru",
            question_deadline=datetime(2027, 2, 22, 22, 0, tzinfo=UTC),
            intake_addresses=["LAC-Peru@dol.gov", "questions@ustr.eop.gov", "ilab@dol.gov"],
            subject_line="Questions: Peru LAC public session"))
    result = run("notice", "--store", str(store_path), "--meeting", str(meeting.id))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "United States–Peru Trade Promotion Agreement" in text and "with Peru" in text
    assert "meet on March 4, 2027 (Lima, Peru)" in text and "follow on March 5, 2027" in text
    assert "received by 5:00 p.m. EST (22:00 UTC) on February 22, 2027" in text
    assert "LAC-Peru@dol.gov, questions@ustr.eop.gov, or ilab@dol.gov" in text
    assert 'subject line "Questions: Peru LAC public session"' in text


def test_a_meeting_without_what_the_notice_states_is_named_in_one_line(store_path: Path):
    with Store.open(store_path) as store:
        meeting = store.meetings.add(Meeting(agreement_key="us-peru-tpa", title="Seventh meeting", location="Lima",
                                             session_date=date(2028, 3, 4), partner_codes=["PE"],
                                             public_session_date=date(2028, 3, 5)))
    result = run("notice", "--store", str(store_path), "--meeting", str(meeting.id))
    assert_clean_failure(result, 1, f"meeting {meeting.id} (Seventh meeting) lacks a question deadline, the addresses "
                                    "that receive questions, and a subject line for questions")
    assert_clean_failure(run("notice", "--store", str(store_path), "--meeting", "99"), 1, "No meeting with id 99")


def test_every_demo_meeting_prints_its_notice_and_flags_its_late_questions(demo_store_path: Path):
    with Store.open(demo_store_path) as store:
        meetings = store.meetings.find()
        late = {m.id: store.questions.late_ids(m.id) for m in meetings}
    assert all(late.values())  # each demo meeting shows the desk a question that came after its deadline
    for meeting in meetings:
        result = run("notice", "--store", str(demo_store_path), "--meeting", str(meeting.id))
        assert result.returncode == 0, result.stderr
        assert meeting.subject_line in result.stdout and meeting.intake_addresses[0] in result.stdout
