"""The internal book's brief, assembled from a real store: who takes part and in what order, which
commitments are still owed, the enforcement table's years and rows, the projects; and no brief at all in
the public edition."""

from datetime import date

import pytest

from council_prep.book import Profile, Section, assemble_book
from council_prep.book.brief import TREND_YEARS, enforcement_table
from council_prep.domain.brief import EnforcementFigure
from council_prep.domain.enums import ParticipantRole
from council_prep.store import Store
from tests.helpers.brief_sample import (
    CLOSED_PROJECT,
    DONE,
    EARLIER_SUMMARY,
    EARLIER_TITLE,
    LATE,
    OWED,
    PREPARED,
    PROJECT,
    SCOPE,
    TODAY_MADE,
    Sample,
    build_brief_sample,
)


@pytest.fixture
def sample(store: Store) -> Sample:
    return build_brief_sample(store)


def test_each_item_gets_its_people_the_item_it_continues_and_what_is_owed_on_it(store: Store, sample: Sample):
    brief = assemble_book(store, sample.meeting_id, prepared_on=PREPARED).brief
    assert brief is not None
    opening, registration, inspections = (brief.items[i] for i in sample.item_ids)
    assert opening.lead.name == "Dana Whitfield" and opening.continues is None
    assert [p.name for p in registration.speakers] == ["Marcus Obi"]
    earlier = registration.continues
    assert (earlier.title, earlier.meeting, earlier.held_on) == (
        EARLIER_TITLE, "Sub-Committee on Labor Affairs, 2025", date(2025, 4, 8))
    assert earlier.summary == EARLIER_SUMMARY
    assert {c.text for c in earlier.commitments} == {LATE, DONE}  # what came of it, done or not
    # Owed on the item it continues; the done one is no longer owed.
    assert [c.text for c in registration.commitments] == [LATE]
    assert [c.text for c in inspections.commitments] == [OWED]
    assert [p.title for p in inspections.projects] == [PROJECT] and not registration.projects


def test_open_commitments_are_the_earlier_meetings_still_owed_soonest_due_first(store: Store, sample: Sample):
    book = assemble_book(store, sample.meeting_id, prepared_on=PREPARED)
    owed = book.brief.commitments
    assert [c.text for c in owed] == [LATE, OWED]  # not the done one, not one made at this meeting
    assert TODAY_MADE not in {c.text for c in owed}
    assert [c.past_due(PREPARED) for c in owed] == [True, False]
    assert book.brief.meetings == {sample.earlier_meeting_id: "Sub-Committee on Labor Affairs, 2025"}
    assert {p.name for p in book.brief.people.values()} >= {"Rosa Quispe Huamán"}  # the owners


def test_participants_by_side_head_of_delegation_first_and_counterparts_in_the_annex(store: Store, sample: Sample):
    brief = assemble_book(store, sample.meeting_id).brief
    assert [d.heading for d in brief.delegations] == ["United States", "Peru"]
    us, peru = brief.delegations
    assert [a.person.name for a in us.members] == ["Dana Whitfield", "Marcus Obi"]
    assert [a.person.name for a in peru.members] == ["Rosa Quispe Huamán", "Jorge Ccori", "Lucía Mendoza"]
    assert peru.members[0].role is ParticipantRole.HEAD
    # Counterpart officials only: not our side, not the interpreter; the photo comes with its person.
    assert [b.person.name for b in brief.biographies] == ["Rosa Quispe Huamán", "Jorge Ccori"]
    assert brief.biographies[0].photo.startswith(b"\x89PNG") and brief.biographies[1].photo is None


def test_enforcement_table_holds_the_last_five_years_in_the_fixed_order(store: Store, sample: Sample):
    (table,) = assemble_book(store, sample.meeting_id).brief.enforcement
    assert table.partner == "Peru" and table.years == [2021, 2022, 2023, 2024, 2025]
    assert [r.indicator.key for r in table.rows] == [
        "inspectorate_funding", "inspectors", "inspectors_meet_ilo", "inspections"]
    inspections = table.rows[-1]
    assert inspections.values()[2] is None and inspections.figures[2] is not None  # unavailable, not missing
    assert table.demo and table.scopes == [SCOPE]


def test_a_table_never_looks_past_the_meeting_year_and_shows_years_without_a_figure_as_none():
    figures = [EnforcementFigure(partner_code="PE", year=y, indicator="inspectors", value=y - 2000)
               for y in (2015, 2018, 2020, 2021, 2022, 2023, 2030)]
    figures.append(EnforcementFigure(partner_code="PE", year=2022, indicator="convictions", value=3))
    table = enforcement_table("Peru", figures, until=2024)
    assert table.years == [2018, 2020, 2021, 2022, 2023] and len(table.years) == TREND_YEARS
    assert table.rows[-1].values() == [None, None, None, 3, None] and not table.demo
    assert enforcement_table("Peru", figures, until=2010) is None


def test_projects_are_the_partners_open_ones_with_the_items_they_serve(store: Store, sample: Sample):
    brief = assemble_book(store, sample.meeting_id).brief
    assert [p.title for p in brief.projects] == [PROJECT]
    assert CLOSED_PROJECT not in {p.title for p in brief.projects}
    assert brief.project_items[brief.projects[0].id] == [3]


def test_the_public_edition_has_no_brief_and_prints_none_of_its_sections(store: Store, sample: Sample):
    book = assemble_book(store, sample.meeting_id, profile=Profile.PUBLIC)
    assert book.brief is None
    assert not any(book.includes(s) for s in (Section.PARTICIPANTS, Section.COMMITMENTS, Section.ENFORCEMENT,
                                              Section.PROJECTS, Section.BIOGRAPHIES))
    assert all(not s.item.points_to_make and not s.item.points_to_avoid and not s.item.asks
               and not s.item.press_line for s in book.schedule)
    assert book.lead(book.schedule[1].item) == "Someone typed"  # the lead as typed, not from the directory
    internal = assemble_book(store, sample.meeting_id)
    assert internal.lead(internal.schedule[1].item) == "Dana Whitfield"
