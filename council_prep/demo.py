"""The demo store: real agreements, partners and submissions with invented meetings around them.

The submissions' report clock is left empty: their acceptance dates are not verified here.
"""

from datetime import date, datetime, time

from council_prep.demo_brief import (
    add_commitments,
    add_participants,
    add_people,
    add_projects,
    brief_fields,
    enforcement_figures,
)
from council_prep.domain import (
    AgendaItem,
    AgendaStatus,
    AskerType,
    Channel,
    InstrumentType,
    LawChange,
    LawChangeStatus,
    Meeting,
    MeetingStatus,
    Question,
    QuestionStatus,
    Submission,
    SubmissionStatus,
)
from council_prep.resources_path import load_json
from council_prep.store import Store, StoreNotEmptyError


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def load_demo(store: Store) -> dict[str, int]:
    """Fill an empty store with the demo data in one transaction; returns counts by record type."""
    if not store.is_empty():
        raise StoreNotEmptyError(f"{store.path}: the store already holds data; the demo needs an empty store.json")
    counts = {"meetings": 0, "agenda items": 0, "law changes": 0, "submissions": 0, "questions": 0,
              "people": 0, "participants": 0}
    brief = load_json("demo", "brief.json")
    with store.transaction("Load the demo data"):
        people = add_people(store, load_json("demo", "people.json"))
        counts["people"] = len(people)
        submission_ids: dict[str, int] = {}
        for row in load_json("demo", "submissions.json"):
            added = store.submissions.add(Submission(
                identifier=row["identifier"], partner_code=row["partner"], agreement_key=row["agreement"],
                date_filed=row.get("date_filed"), submitters=row.get("submitters", []),
                topic_keys=row.get("topics", []), status=SubmissionStatus(row["status"]),
                status_note=row.get("status_note", ""), summary=row["summary"],
            ))
            submission_ids[added.identifier] = added.id  # type: ignore[assignment]
        counts["submissions"] = len(submission_ids)
        law_change_ids: dict[str, int] = {}
        for row in load_json("demo", "law_changes.json"):
            added = store.law_changes.add(LawChange(
                partner_code=row["partner"], title=row["title"],
                instrument_type=InstrumentType(row["instrument_type"]), status=LawChangeStatus(row["status"]),
                introduced_on=_date(row.get("introduced_on")), adopted_on=_date(row.get("adopted_on")),
                effective_on=_date(row.get("effective_on")), topic_keys=row.get("topics", []),
                summary=row.get("summary", ""), source_citation=row.get("source_citation", ""),
                source_url=row.get("source_url", ""), assessment=row.get("assessment", ""),
                follow_up=row.get("follow_up", ""),
            ))
            law_change_ids[row["ref"]] = added.id  # type: ignore[assignment]
        counts["law changes"] = len(law_change_ids)
        meeting_ids: list[int] = []
        agenda: list[list[tuple[str, int]]] = []
        for row in load_json("demo", "meetings.json"):
            meeting = store.meetings.add(Meeting(
                agreement_key=row["agreement"], partner_codes=row["partners"], title=row["title"],
                session_date=date.fromisoformat(row["session_date"]),
                start_time=time.fromisoformat(row.get("start_time", "09:00")),
                length_minutes=row["length_minutes"], public_session_date=_date(row.get("public_session_date")),
                location=row.get("location", ""), status=MeetingStatus(row["status"]),
                handling_marking=row.get("handling_marking", ""), book_due_on=_date(row.get("book_due_on")),
                question_deadline=_moment(row.get("question_deadline")),
                intake_addresses=row.get("intake_addresses", []), subject_line=row.get("subject_line", ""),
            ))
            counts["meetings"] += 1
            meeting_ids.append(meeting.id)  # type: ignore[arg-type]
            agenda.append([])
            counts["participants"] += add_participants(store, meeting.id, row["participants"], people)  # type: ignore[arg-type]
            for item in row["agenda"]:
                added_item = store.agenda.add(AgendaItem(
                    meeting_id=meeting.id, title=item["title"], topic_key=item.get("topic"),
                    lead=item.get("lead", ""), minutes=item["minutes"], objective=item.get("objective", ""),
                    talking_points=item.get("talking_points", []), background=item.get("background", ""),
                    status=AgendaStatus(item.get("status", "draft")),
                    law_change_ids=[law_change_ids[ref] for ref in item.get("law_changes", [])],
                    submission_ids=[submission_ids[ident] for ident in item.get("submissions", [])],
                    **brief_fields(item, people),
                ))
                agenda[-1].append((added_item.title, added_item.id))  # type: ignore[arg-type]
                counts["agenda items"] += 1
            question_ids: dict[str, int] = {}
            for q in row["questions"]:
                added = store.questions.add(Question(
                    meeting_id=meeting.id, text=q["text"], asker_name=q.get("asker_name", ""),
                    organization=q.get("organization", ""), asker_type=AskerType(q["asker_type"]),
                    topic_key=q.get("topic"), channel=Channel(q["channel"]),
                    received_at=_moment(q.get("received_at")),
                    status=QuestionStatus(q["status"]), assignee=q.get("assignee", ""),
                    suggested_answer=q.get("suggested_answer", ""),
                    duplicate_of=question_ids[q["duplicate_of"]] if q.get("duplicate_of") else None,
                    confidential=bool(q.get("confidential")),
                ))
                question_ids[q["ref"]] = added.id  # type: ignore[assignment]
            counts["questions"] += len(question_ids)
        counts["commitments"] = add_commitments(store, brief["commitments"], meeting_ids, agenda, people)
        counts["projects"] = add_projects(store, brief["projects"], agenda, law_change_ids)
        counts["enforcement figures"] = store.enforcement.add_many(enforcement_figures(brief["enforcement"]))
    return counts
