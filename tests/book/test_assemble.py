"""The Book of a demo meeting: order, grouping, clock and the public profile's redactions."""

from council_prep.book import WITHHELD, Profile, Section, assemble_book
from council_prep.book.edition import Redactor
from council_prep.domain import QuestionStatus
from council_prep.domain.fields import Sensitivity, names_with
from council_prep.store import Store


def test_internal_book_holds_everything_in_order(demo_store: Store):
    meeting = next(m for m in demo_store.meetings.find() if m.agreement_key == "cafta-dr")
    book = assemble_book(demo_store, meeting.id)
    assert [s.item.position for s in book.schedule] == list(range(1, len(book.schedule) + 1))
    assert book.schedule[0].slot.starts == meeting.start_time
    assert all(a.slot.ends == b.slot.starts for a, b in zip(book.schedule, book.schedule[1:], strict=False))
    assert book.total_minutes > meeting.length_minutes  # the demo's CAFTA-DR agenda overruns on purpose
    assert {c.partner_code for c in book.law_changes} <= set(meeting.partner_codes)
    partners = [g.heading for g in book.law_changes_by_partner()]
    assert partners == list(dict.fromkeys(book.partner_name(c.partner_code) for c in book.law_changes))
    assert any(q.confidential and q.asker_name != WITHHELD for q in book.questions)
    assert book.sections == frozenset(Section)


def test_duplicates_fold_under_their_original_and_withdrawn_questions_drop_out(demo_store: Store):
    book = assemble_book(demo_store, demo_store.meetings.find()[0].id)
    threads = [t for group in book.question_threads_by_topic() for t in group.items]
    shown = [t.question for t in threads] + [d for t in threads for d in t.duplicates]
    live = [q for q in book.questions if q.status is not QuestionStatus.WITHDRAWN]
    assert sorted(q.id for q in shown) == sorted(q.id for q in live)
    for thread in threads:
        assert all(d.duplicate_of == thread.question.id for d in thread.duplicates)
    assert any(t.duplicates for t in threads)


def test_public_book_redacts_identities_assessments_and_talking_points(demo_store: Store):
    meeting = demo_store.meetings.find()[0]
    book = assemble_book(demo_store, meeting.id, profile=Profile.PUBLIC)
    confidential = [q for q in book.questions if q.confidential]
    assert confidential and all((q.asker_name, q.organization) == (WITHHELD, "") for q in confidential)
    assert all(c.assessment == "" and c.follow_up == "" for c in book.law_changes)
    assert all(s.item.talking_points == [] for s in book.schedule)
    assert all(a.name != WITHHELD for a in book.askers())
    internal = assemble_book(demo_store, meeting.id)
    assert any(c.assessment for c in internal.law_changes) and any(s.item.talking_points for s in internal.schedule)


def test_the_public_book_carries_no_internal_field_of_the_brief(demo_store: Store):
    def blanked(kind: str, record) -> None:
        for name in names_with(kind, Sensitivity.INTERNAL):
            value = getattr(record, name)
            assert value in ("", [], None) or hasattr(value, "value"), (kind, name, value)  # an enum is not printed

    meeting = demo_store.meetings.find()[0]
    book = assemble_book(demo_store, meeting.id, profile=Profile.PUBLIC)
    briefed = [s.item for s in assemble_book(demo_store, meeting.id).schedule if s.item.points_to_make]
    assert briefed and all(s.item.lead_person_id is None and not s.item.asks for s in book.schedule)
    for scheduled in book.schedule:
        blanked("agenda_item", scheduled.item)
    blanked("meeting", book.meeting)
    redactor = Redactor()
    for person in demo_store.people.find():
        blanked("person", redactor.person(person))
    for commitment in demo_store.commitments.find():
        blanked("commitment", redactor.commitment(commitment))
    for project in demo_store.projects.find():
        blanked("project", redactor.project(project))
    figure = demo_store.enforcement.find()[0]
    figure.note = "Figures from a draft annual report"
    blanked("enforcement_figure", redactor.figure(figure))
    assert "Person: César Mendoza Salas" in {w.record for w in redactor.withheld}
