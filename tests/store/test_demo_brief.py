"""The demo store's brief: participants with biographies for every meeting, commitments of an
earlier meeting (one past due), five years of figures per partner marked as demonstration data,
cooperation projects and agenda items with their brief filled in."""

from datetime import date

from council_prep.domain import CommitmentStatus, FigureStatus, MeetingStatus
from council_prep.domain.enforcement import INDICATORS
from council_prep.store import Store


def test_every_demo_meeting_has_participants_of_both_sides_with_biographies(demo_store: Store):
    for meeting in demo_store.meetings.find():
        people = demo_store.people.get_many([p.person_id for p in demo_store.participants.for_meeting(meeting.id)])
        assert {p.side for p in people} == {"us", "partner"}
        partner_side = [p for p in people if p.side == "partner"]
        assert all(p.biography and p.pronunciation and p.partner_code in meeting.partner_codes for p in partner_side)
        assert meeting.book_due_on is not None and meeting.book_due_on < meeting.session_date
        items = demo_store.agenda.for_meeting(meeting.id)
        assert any(i.points_to_make and i.lead_person_id for i in items)


def test_commitments_come_from_an_earlier_meeting_and_one_is_past_due(demo_store: Store):
    held = demo_store.meetings.one(status=MeetingStatus.HELD)
    made_there = demo_store.commitments.find(source_meeting_id=held.id)
    assert len(made_there) >= 3
    today = date(2026, 12, 1)
    past_due = [c for c in demo_store.commitments.find() if c.past_due(today)]
    assert any(c.source_meeting_id == held.id and c.status is CommitmentStatus.OPEN for c in past_due)
    assert any(c.agenda_item_ids for c in demo_store.commitments.find() if c.source_meeting_id is None)


def test_five_years_of_every_figure_per_partner_all_marked_demo(demo_store: Store):
    partners = {code for m in demo_store.meetings.find() for code in m.partner_codes}
    figures = demo_store.enforcement.find()
    assert all(f.demo and f.source == "Demonstration data (invented)" for f in figures)
    assert {f.partner_code for f in figures} == partners
    for code in partners:
        mine = [f for f in figures if f.partner_code == code]
        assert len({f.year for f in mine}) == 5 and len(mine) == 5 * len(INDICATORS)
    assert any(f.status is FigureStatus.UNAVAILABLE and f.value is None for f in figures)
    assert any(f.scope for f in figures)


def test_projects_serve_agenda_items_and_law_changes(demo_store: Store):
    projects = demo_store.projects.find()
    assert len(projects) >= 4 and all(p.agenda_item_ids and p.law_change_ids for p in projects)
    assert {p.status for p in projects} == {"planned", "active", "closed"}
