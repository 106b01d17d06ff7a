"""The brief's records (people, participants, commitments, enforcement figures, projects) and the
agenda item's brief fields: stored and read back, logged, undone and redone, found by search."""

from datetime import date
from pathlib import Path

import pytest

from council_prep.domain import (
    AgendaItem,
    Ask,
    BriefDepth,
    Commitment,
    CommitmentStatus,
    EnforcementFigure,
    FigureStatus,
    LawChange,
    Meeting,
    Participant,
    ParticipantRole,
    Person,
    PressStatus,
    Project,
    Side,
    Submission,
    ValidationError,
)
from council_prep.store import Store
from tests.store.test_change_log import content

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Seventh Council",
                                      session_date=date(2027, 3, 4), book_due_on=date(2027, 2, 18)))


def _brief(store: Store, meeting: Meeting) -> dict[str, object]:
    """One record of every new kind, linked as an officer would link them."""
    person = store.people.add(Person(name="César Mendoza Salas", pronunciation="SEH-sar men-DOH-sah",
                                     title="Superintendent", organization="SUNAFIL", side=Side.PARTNER,
                                     partner_code="PE", biography="Led the Arequipa intendancy.", email="c@x.pe"))
    earlier = store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Sixth Council",
                                         session_date=date(2025, 3, 4)))
    old_item = store.agenda.add(AgendaItem(meeting_id=earlier.id, title="Inspection in the regions"))
    change = store.law_changes.add(LawChange(partner_code="PE", title="Inspection protocol"))
    item = store.agenda.add(AgendaItem(
        meeting_id=meeting.id, title="Labor inspection capacity", points_to_make=["Regional offices matter"],
        points_to_avoid=["Budget comparisons"], asks=[Ask("Will you fund training?", "Within the project")],
        press_line="We discussed inspection", press=PressStatus.OPEN, depth=BriefDepth.SHORT,
        continues_id=old_item.id, lead_person_id=person.id, speaker_ids=[person.id]))
    participant = store.participants.add(Participant(meeting_id=meeting.id, person_id=person.id,
                                                     role=ParticipantRole.HEAD))
    commitment = store.commitments.add(Commitment(
        text="Publish inspection figures by region", side=Side.PARTNER, owner_person_id=person.id,
        due_on=date(2026, 11, 1), source_meeting_id=earlier.id, source_note="Joint statement, para 7",
        agenda_item_ids=[item.id]))
    figure = store.enforcement.add(EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors",
                                                     value=912, scope="federal only", source="Annual report"))
    project = store.projects.add(Project(
        title="Strengthening labor inspection", grantee="Andes Foundation", amount=4_500_000,
        start_on=date(2023, 10, 1), end_on=date(2027, 9, 30), partner_code="PE",
        topic_keys=["labor_law_enforcement"], summary="Training of inspectors",
        agenda_item_ids=[item.id], law_change_ids=[change.id]))
    return {"person": person, "participant": participant, "commitment": commitment,
            "enforcement_figure": figure, "project": project, "agenda_item": item}


def test_every_new_kind_reads_back_as_written(store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    for kind, record in written.items():
        assert store.table(kind).get(record.id) == record  # type: ignore[attr-defined]
    assert store.meetings.get(meeting.id).book_due_on == date(2027, 2, 18)
    assert store.agenda.get(written["agenda_item"].id).asks == [Ask("Will you fund training?", "Within the project")]


def test_every_new_kind_survives_reopening(store_path: Path, store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    store.close()
    with Store.open(store_path) as again:
        for kind, record in written.items():
            assert again.table(kind).find_uid(record.uid) == record  # type: ignore[attr-defined]


def test_deleting_a_person_clears_leads_and_owners_and_undo_brings_all_back(store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    person, item = written["person"], written["agenda_item"]
    store.people.set_photo(person.id, PNG)
    store.people.delete(person.id)
    assert store.agenda.get(item.id).lead_person_id is None
    assert store.agenda.get(item.id).speaker_ids == []
    assert store.commitments.get(written["commitment"].id).owner_person_id is None
    assert store.participants.count() == 0
    assert store.people.photo(person.id) is None
    store.undo()
    assert store.agenda.get(item.id) == item
    assert store.commitments.get(written["commitment"].id) == written["commitment"]
    assert store.participants.count() == 1
    assert store.people.photo(person.id) == PNG
    store.redo()
    assert store.people.count() == 0 and store.agenda.get(item.id).lead_person_id is None


def test_each_new_kind_is_logged_and_undone_and_redone(store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    for kind, record in written.items():
        history = store.history(uid=record.uid)  # type: ignore[attr-defined]
        assert history and history[0].op == "add" and history[0].kind == kind
    before = {kind: store.table(kind).count() for kind in written}
    for _ in range(9):
        store.undo()
    assert all(store.table(kind).count() == 0 for kind in written if kind != "agenda_item")
    for _ in range(9):
        store.redo()
    assert {kind: store.table(kind).count() for kind in written} == before
    for kind, record in written.items():
        assert store.table(kind).find_uid(record.uid) == record  # type: ignore[attr-defined]


def test_links_are_logged_under_the_record_holding_them(store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    project = written["project"]
    project.agenda_item_ids = []
    store.projects.update(project)
    assert store.last_changes.records == {("project", project.uid, "update")}
    store.undo()
    assert store.projects.get(project.id).agenda_item_ids == [written["agenda_item"].id]


def test_search_finds_people_commitments_projects_and_brief_text(store: Store, meeting: Meeting):
    written = _brief(store, meeting)
    found = {(h.kind, h.record_id) for h in store.search("Arequipa")}
    assert found == {("person", written["person"].id)}
    assert {(h.kind, h.record_id) for h in store.search("para 7")} == {("commitment", written["commitment"].id)}
    assert {(h.kind, h.record_id) for h in store.search("Andes")} == {("project", written["project"].id)}
    assert {h.kind for h in store.search("budget comparisons")} == {"agenda_item"}
    assert {h.kind for h in store.search("fund training")} == {"agenda_item"}  # an ask
    assert store.people.select_ids(text="Mendoza") == [written["person"].id]
    assert store.check() == []


def test_photos_are_png_or_jpeg_up_to_two_megabytes(store: Store):
    person = store.people.add(Person(name="Ana Paredes"))
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        store.people.set_photo(person.id, b"GIF89a....")
    with pytest.raises(ValidationError, match="at most 2 MB"):
        store.people.set_photo(person.id, b"\xff\xd8\xff" + b"\x00" * (2 * 1024 * 1024))
    store.people.set_photo(person.id, PNG)
    assert store.people.with_photo() == {person.id}
    assert store.people.get(person.id) == person  # the record itself never carries the image


def test_a_person_takes_part_in_a_meeting_once(store: Store, meeting: Meeting):
    person = store.people.add(Person(name="Ana Paredes"))
    store.participants.add(Participant(meeting_id=meeting.id, person_id=person.id))
    with pytest.raises(ValidationError, match="already takes part"):
        store.participants.add(Participant(meeting_id=meeting.id, person_id=person.id))
    second = store.participants.add(Participant(meeting_id=meeting.id,
                                                person_id=store.people.add(Person(name="B")).id))
    assert second.position == 2


def test_figures_say_unavailable_without_a_value():
    with pytest.raises(ValidationError, match="unavailable figure has no value"):
        EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors", value=3,
                          status=FigureStatus.UNAVAILABLE).validate()
    with pytest.raises(ValidationError, match="needs a value"):
        EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors").validate()
    with pytest.raises(ValidationError, match="Unknown enforcement figure"):
        EnforcementFigure(partner_code="PE", year=2024, indicator="raids", value=1).validate()
    with pytest.raises(ValidationError, match="yes \\(1\\) or no"):
        EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors_meet_ilo", value=2).validate()
    EnforcementFigure(partner_code="PE", year=2024, indicator="convictions", status=FigureStatus.UNAVAILABLE).validate()


def test_commitment_past_due_is_computed_from_the_day():
    commitment = Commitment(text="Send the timetable", due_on=date(2026, 11, 20))
    assert not commitment.past_due(date(2026, 11, 20))
    assert commitment.past_due(date(2026, 11, 21))
    commitment.status = CommitmentStatus.DONE
    assert not commitment.past_due(date(2027, 1, 1))


def test_the_report_is_due_180_days_after_acceptance_unless_set():
    submission = Submission(identifier="2026-01", partner_code="PE", accepted_on=date(2026, 1, 10))
    assert submission.report_due() == date(2026, 7, 9)
    assert submission.report_overdue(date(2026, 7, 10)) and not submission.report_overdue(date(2026, 7, 9))
    submission.report_due_on = date(2026, 9, 1)
    assert submission.report_due() == date(2026, 9, 1)
    submission.report_published_on = date(2026, 8, 30)
    assert not submission.report_overdue(date(2027, 1, 1))
    assert Submission(identifier="x", partner_code="PE").report_due() is None


@pytest.mark.parametrize("index", [0, 2])
def test_deleting_a_demo_meeting_takes_its_brief_and_undo_restores_every_row(demo_store: Store, index: int):
    before = content(demo_store)
    meeting = demo_store.meetings.find()[index]
    people = {p.person_id for p in demo_store.participants.for_meeting(meeting.id)}
    demo_store.meetings.delete(meeting.id)
    assert demo_store.participants.count_of(meeting_id=meeting.id) == 0
    assert demo_store.commitments.count_of(source_meeting_id=meeting.id) == 0
    assert all(demo_store.people.get(p) for p in people)  # the directory keeps them
    kinds = {kind for kind, _, _ in demo_store.last_changes.records}
    assert {"meeting", "agenda_item", "participant"} <= kinds
    demo_store.undo()
    assert content(demo_store) == before
    assert demo_store.check() == []


def test_changes_of_one_record_in_one_step_fold_into_one(store: Store):
    with store.transaction("Add Ana with her photo"):
        person = store.people.add(Person(name="Ana"))
        person.title = "Director General"
        store.people.update(person)
        store.people.set_photo(person.id, PNG)
    assert store.last_changes.records == {("person", person.uid, "add")}
    [added] = [c for c in store.history() if c.kind == "person"]
    assert added.op == "add" and added.after["title"] == "Director General"
    assert [c.kind for c in store.history(uid=person.uid)] == ["person", "person_photos"]
    store.undo()
    assert store.people.count() == 0 and not store.people.with_photo()


def test_an_item_continues_only_an_item_of_an_earlier_meeting(store: Store, meeting: Meeting):
    later = store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Eighth",
                                       session_date=date(2028, 3, 4)))
    item = store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Inspection"))
    sibling = AgendaItem(meeting_id=meeting.id, title="Same meeting", continues_id=item.id)
    with pytest.raises(ValidationError, match="earlier meeting"):
        store.agenda.add(sibling)
    follow_up = store.agenda.add(AgendaItem(meeting_id=later.id, title="Inspection again", continues_id=item.id))
    item.continues_id = follow_up.id
    with pytest.raises(ValidationError, match="earlier meeting"):
        store.agenda.update(item)
    assert store.agenda.get(item.id).continues_id is None and store.agenda.count() == 2


def test_a_store_with_only_people_is_not_empty(store: Store):
    assert store.is_empty()
    store.people.add(Person(name="Ana"))
    assert not store.is_empty()


def test_participants_are_reordered_and_removed_in_steps_named_for_them(store: Store, meeting: Meeting):
    ids = [store.participants.add(Participant(meeting_id=meeting.id, person_id=store.people.add(
        Person(name=name)).id)).id for name in ("Ana", "Bo", "Cy")]
    store.participants.reorder(meeting.id, [ids[2], ids[0], ids[1]])
    assert [p.id for p in store.participants.for_meeting(meeting.id)] == [ids[2], ids[0], ids[1]]
    with pytest.raises(ValueError, match="exactly"):
        store.participants.reorder(meeting.id, ids[:2])
    store.participants.delete(ids[1])
    assert store.last_changes.label == "Remove Bo from the participants"
    store.undo()
    store.undo()
    assert [p.id for p in store.participants.for_meeting(meeting.id)] == ids


def test_a_second_figure_for_the_same_partner_year_and_indicator_is_refused_in_words(store: Store):
    first = store.enforcement.add(EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors", value=900))
    twin = EnforcementFigure(partner_code="PE", year=2024, indicator="inspectors", value=950)
    with pytest.raises(ValidationError, match="PE already has a figure for 'Number of labor inspectors' in 2024"):
        store.enforcement.add(twin)
    with pytest.raises(ValidationError, match="already has a figure"):
        store.enforcement.add_many([EnforcementFigure(partner_code="PE", year=2025, indicator="inspectors", value=1),
                                    EnforcementFigure(partner_code="PE", year=2025, indicator="inspectors", value=2)])
    first.value = 950
    assert store.enforcement.update(first)  # itself is no twin
    assert store.enforcement.count() == 1
    store.enforcement.add(EnforcementFigure(partner_code="PE", year=2023, indicator="convictions", value=3))
    store.enforcement.add(EnforcementFigure(partner_code="PE", year=2023, indicator="inspectors", value=3))
    assert [(f.year, f.indicator) for f in store.enforcement.for_partner("PE")] == [
        (2023, "inspectors"), (2023, "convictions"), (2024, "inspectors")]


def test_asks_given_as_pairs_become_asks_and_a_bad_one_is_named():
    item = AgendaItem(title="Inspection", asks=[["Will you fund it?", "Within the project"], ("Timing?",)])
    assert item.asks == [Ask("Will you fund it?", "Within the project"), Ask("Timing?", "")]
    with pytest.raises(ValidationError, match="needs its question"):
        AgendaItem(title="Inspection", asks=[["", "An answer to nothing"]]).validate()
    with pytest.raises(ValidationError, match="needs its question"):
        AgendaItem(title="Inspection", asks=[[1, 2]]).validate()
