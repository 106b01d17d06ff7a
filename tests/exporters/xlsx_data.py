"""A meeting with awkward content, built through the store API, for the workbook and import tests."""

from datetime import UTC, date, datetime, time

from council_prep.domain import (
    AgendaItem,
    AskerType,
    Channel,
    InstrumentType,
    LawChange,
    LawChangeStatus,
    Meeting,
    Question,
    QuestionStatus,
    Submission,
    SubmissionStatus,
)
from council_prep.store import Store

# Text a spreadsheet program would take for a formula or a command if written carelessly.
HOSTILE_TEXTS = ["=1+1", '=HYPERLINK("http://x","y")', "+cmd", "-2+3", "@SUM(A1)"]
LONG_ANSWER = "Paragraph of a very long answer. " * 1_500  # ~49,500 characters: over Excel's cell limit


def fill_meeting(store: Store) -> int:
    """A CAFTA-DR meeting with Guatemala and Honduras; returns the meeting's id."""
    meeting = store.meetings.add(Meeting(
        agreement_key="cafta-dr", partner_codes=["GT", "HN"], title="CAFTA-DR Labor Affairs Council, 2027",
        session_date=date(2027, 3, 4), start_time=time(9, 30), length_minutes=240,
        public_session_date=date(2027, 3, 5), location="Guatemala City",
        handling_marking="SENSITIVE BUT UNCLASSIFIED",
    ))
    changes = [
        store.law_changes.add(LawChange(
            partner_code="GT", title="Decree 7-2017 on union registration", instrument_type=InstrumentType.DECREE,
            status=LawChangeStatus.IN_FORCE, introduced_on=date(2017, 1, 10), adopted_on=date(2017, 3, 1),
            effective_on=date(2017, 4, 1), topic_keys=["freedom_of_association"],
            summary="Shortens union registration to 30 days.", source_citation="Diario de Centro América",
            source_url="https://example.org/decree-7-2017", assessment="Positive step.", follow_up="Ask for data.",
        )),
        store.law_changes.add(LawChange(
            partner_code="HN", title="=HYPERLINK(\"http://evil\",\"click\")", status=LawChangeStatus.PROPOSED,
            topic_keys=["child_labor", "labor_law_enforcement"], summary="A bill with an unlucky title.",
        )),
    ]
    submission = store.submissions.add(Submission(
        identifier="U.S. Submission 2008-01 (Guatemala)", partner_code="GT", agreement_key="cafta-dr",
        date_filed="2008-04", submitters=["AFL-CIO", "Six Guatemalan unions"], topic_keys=["freedom_of_association"],
        status=SubmissionStatus.DISPUTE_SETTLEMENT, summary="Failure to enforce labor laws.",
    ))
    for position, title in enumerate(["Opening", "Union registration", "Child labor", "Inspection", "Closing"], 1):
        store.agenda.add(AgendaItem(
            meeting_id=meeting.id, position=position, title=title, minutes=30, lead="Director",
            objective=f"Objective of {title}.", talking_points=["First point", "=2+2 is not a formula"],
            law_change_ids=[changes[0].id] if position == 2 else [],  # type: ignore[list-item]
            submission_ids=[submission.id] if position == 2 else [],  # type: ignore[list-item]
            topic_key="freedom_of_association" if position == 2 else None,
        ))
    first = store.questions.add(Question(
        meeting_id=meeting.id, text="How many unions were registered in 2026?", asker_name="Ana Pérez",
        organization="Sindicato de Trabajadores", asker_type=AskerType.WORKER_ORG, topic_key="freedom_of_association",
        channel=Channel.EMAIL, received_at=datetime(2027, 2, 1, 10, 30), status=QuestionStatus.ASSIGNED,
        assignee="J. Smith",
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="How many unions were registered in 2026 ?", asker_name="Luis Gómez",
        asker_type=AskerType.PUBLIC, topic_key="freedom_of_association", channel=Channel.WEB_FORM,
        duplicate_of=first.id,
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="ما هي خطط التفتيش على العمل؟", asker_name="Confidential Person",
        organization="Hidden Org", asker_type=AskerType.NGO, topic_key="labor_law_enforcement",
        channel=Channel.IN_PERSON, received_at=datetime(2027, 2, 2, 9, 0, tzinfo=UTC), confidential=True,
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="What is the plan on child labor in coffee?", asker_name="Dr. Lee",
        organization="University", asker_type=AskerType.ACADEMIC, topic_key="child_labor",
        status=QuestionStatus.ANSWERED, suggested_answer=LONG_ANSWER,
    ))
    for text in HOSTILE_TEXTS:
        store.questions.add(Question(meeting_id=meeting.id, text=text, asker_name=text, organization=text))
    return meeting.id  # type: ignore[return-value]
