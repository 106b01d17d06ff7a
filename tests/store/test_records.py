"""Every record type survives a round trip through a real store file, field for field."""

from dataclasses import asdict
from datetime import UTC, date, datetime, time

import pytest

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
    ValidationError,
)
from council_prep.store import RecordNotFoundError, Store


def add_meeting(store: Store, **changes) -> Meeting:
    values = dict(agreement_key="us-peru-tpa", title="Seventh meeting of the Labor Affairs Council",
                  session_date=date(2027, 3, 4), partner_codes=["PE"], start_time=time(8, 30),
                  length_minutes=300, public_session_date=date(2027, 3, 5), location="Lima",
                  status=MeetingStatus.BOOK_READY, handling_marking="SENSITIVE BUT UNCLASSIFIED")
    return store.meetings.add(Meeting(**(values | changes)))


def reopened(store: Store) -> Store:
    return Store.open(store.path)


def test_reference_data_is_seeded(store: Store):
    assert store.topics.one(key="child_labor").label
    assert store.agreements.one(key="cafta-dr").name.startswith("Dominican Republic")
    assert "korus" in store.partners.one(code="KR").agreement_keys


def test_meeting_round_trip(store: Store):
    added = add_meeting(store)
    assert added.id and added.created_at and added.updated_at
    with reopened(store) as again:
        assert asdict(again.meetings.get(added.id)) == asdict(added)


def test_agenda_item_round_trip_with_links(store: Store):
    meeting = add_meeting(store)
    change = store.law_changes.add(LawChange(partner_code="PE", title="Decree on outsourcing"))
    submission = store.submissions.add(Submission(identifier="U.S. Submission 2015-01 (Peru)", partner_code="PE"))
    item = store.agenda.add(AgendaItem(
        meeting_id=meeting.id, title="Outsourcing", topic_key="collective_bargaining", lead="M. Alvarez",
        minutes=30, objective="Agree on a timeline.", talking_points=["First point", "Second — ñ"],
        background="Since 2022…", status=AgendaStatus.FINAL, law_change_ids=[change.id],
        submission_ids=[submission.id]))
    with reopened(store) as again:
        back = again.agenda.get(item.id)
        assert asdict(back) == asdict(item)
        assert back.position == 1 and back.law_change_ids == [change.id]


def test_law_change_round_trip(store: Store):
    change = store.law_changes.add(LawChange(
        partner_code="GT", title="Reforma al Código de Trabajo", instrument_type=InstrumentType.LAW,
        status=LawChangeStatus.IN_FORCE, introduced_on=date(2024, 1, 10), adopted_on=date(2024, 6, 1),
        effective_on=date(2025, 1, 1), topic_keys=["freedom_of_association", "labor_law_enforcement"],
        summary="Sanctions procedure.", source_citation="Diario de Centro América", source_url="https://example.gt/x",
        assessment="Partly meets C87.", follow_up="Ask for data."))
    with reopened(store) as again:
        assert asdict(again.law_changes.get(change.id)) == asdict(change)


def test_submission_round_trip(store: Store):
    submission = store.submissions.add(Submission(
        identifier="U.S. Submission 2011-01 (Bahrain)", partner_code="BH", agreement_key="us-bahrain-fta",
        date_filed="2011-04", submitters=["AFL-CIO"], topic_keys=["freedom_of_association"],
        status=SubmissionStatus.REPORT_ISSUED, status_note="Report in 2012.", summary="Dismissals after protests."))
    with reopened(store) as again:
        assert asdict(again.submissions.get(submission.id)) == asdict(submission)


def test_question_round_trip_and_duplicate_link(store: Store):
    meeting = add_meeting(store)
    original = store.questions.add(Question(meeting_id=meeting.id, text="¿Qué pasa con la subcontratación?"))
    duplicate = store.questions.add(Question(
        meeting_id=meeting.id, text="What about outsourcing?", asker_name="김민지", organization="KCTU",
        asker_type=AskerType.WORKER_ORG, topic_key="collective_bargaining", channel=Channel.WEB_FORM,
        received_at=datetime(2027, 2, 1, 14, 30, tzinfo=UTC), status=QuestionStatus.ASSIGNED,
        assignee="R. Chen", suggested_answer="We raised it.", duplicate_of=original.id, confidential=True))
    with reopened(store) as again:
        assert asdict(again.questions.get(duplicate.id)) == asdict(duplicate)
        again.questions.delete(original.id)
        assert again.questions.get(duplicate.id).duplicate_of is None  # ON DELETE SET NULL


def test_update_changes_updated_at_only_and_keeps_uid(store: Store):
    meeting = add_meeting(store)
    created, uid = meeting.created_at, meeting.uid
    meeting.title = "Eighth meeting"
    store.meetings.update(meeting)
    back = store.meetings.get(meeting.id)
    assert (back.title, back.uid, back.created_at) == ("Eighth meeting", uid, created)
    assert store.meetings.find_uid(uid).id == meeting.id


def test_invalid_record_is_refused_and_nothing_written(store: Store):
    with pytest.raises(ValidationError, match="Unknown partner country code 'ZZ'"):
        store.law_changes.add(LawChange(partner_code="ZZ", title="Nowhere decree"))
    with pytest.raises(ValidationError, match="Minutes allotted"):
        store.agenda.add(AgendaItem(meeting_id=add_meeting(store).id, title="Too long", minutes=900))
    assert store.law_changes.count() == 0 and store.agenda.count() == 0


def test_missing_record_is_a_clear_error(store: Store):
    with pytest.raises(RecordNotFoundError, match="No law change with id 99"):
        store.law_changes.get(99)


def test_deleting_a_meeting_removes_its_agenda_and_questions(store: Store):
    meeting = add_meeting(store)
    store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Opening"))
    store.questions.add(Question(meeting_id=meeting.id, text="When?"))
    store.meetings.delete(meeting.id)
    assert store.agenda.count() == 0 and store.questions.count() == 0
    assert store.check() == []


def test_failed_transaction_leaves_nothing(store: Store):
    meeting = add_meeting(store)
    with pytest.raises(RuntimeError), store.transaction():
        store.questions.add(Question(meeting_id=meeting.id, text="First"))
        store.questions.add(Question(meeting_id=meeting.id, text="Second"))
        raise RuntimeError("interrupted")
    assert store.questions.count() == 0


def test_agenda_positions_stay_dense_through_add_move_delete(store: Store):
    meeting = add_meeting(store)
    items = [store.agenda.add(AgendaItem(meeting_id=meeting.id, title=t)) for t in "ABCD"]
    store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Z", position=2))

    def order() -> list[str]:
        return [(i.title, i.position) for i in store.agenda.for_meeting(meeting.id)]

    assert order() == [("A", 1), ("Z", 2), ("B", 3), ("C", 4), ("D", 5)]
    store.agenda.move(items[3].id, 1)
    assert [t for t, _ in order()] == ["D", "A", "Z", "B", "C"]
    store.agenda.delete(items[0].id)
    assert order() == [("D", 1), ("Z", 2), ("B", 3), ("C", 4)]
    ids = [i.id for i in reversed(store.agenda.for_meeting(meeting.id))]
    store.agenda.reorder(meeting.id, ids)
    assert [t for t, _ in order()] == ["C", "B", "Z", "D"]


def test_select_ids_filters_by_list_fields_text_and_order(store: Store):
    for title, partner, topics in [("Beta decree", "PE", ["child_labor"]), ("Alpha law", "PE", ["forced_labor"]),
                                   ("Gamma decree", "GT", ["child_labor"])]:
        store.law_changes.add(LawChange(partner_code=partner, title=title, topic_keys=topics))
    titles = lambda ids: [c.title for c in store.law_changes.get_many(ids)]  # noqa: E731
    assert titles(store.law_changes.select_ids(order_by="title")) == ["Alpha law", "Beta decree", "Gamma decree"]
    assert titles(store.law_changes.select_ids(topic_keys="child_labor", order_by="title", descending=True)) == [
        "Gamma decree", "Beta decree"]
    assert titles(store.law_changes.select_ids(partner_code="PE", text="decr")) == ["Beta decree"]
