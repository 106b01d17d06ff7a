"""The brief's records in a review copy of one meeting: the people it names, its participants,
the commitments and projects of its items or partners, and its partners' enforcement figures.

References are mapped to the copy's ids; an item of an earlier meeting that an item continues is
not in the copy, so `continues_id` is left empty. In the public edition the fields marked internal
are blank (as for every record), and no photo is copied.
"""

from collections.abc import Callable
from typing import Any

from council_prep.domain import AgendaItem, Commitment, Meeting
from council_prep.store.store import Store

Fresh = Callable[..., Any]  # review_copy._fresh: (record, kind, public, **changes) -> record


def people_named(source: Store, meeting: Meeting, items: list[AgendaItem]) -> list[int]:
    """Ids of the people the meeting's copy needs: participants, leads, speakers, commitment owners."""
    wanted = {p.person_id for p in source.participants.find(meeting_id=meeting.id)}
    wanted |= {i.lead_person_id for i in items} | {s for i in items for s in i.speaker_ids}
    wanted |= {c.owner_person_id for c in commitments_of(source, meeting, {i.id: 0 for i in items})}
    return sorted(i for i in wanted if i is not None)


def commitments_of(source: Store, meeting: Meeting, items: dict[Any, int]) -> list[Commitment]:
    """Commitments made at the meeting or linked to one of its items (`items`: keyed by source id)."""
    return [c for c in source.commitments.find()
            if c.source_meeting_id == meeting.id or any(i in items for i in c.agenda_item_ids)]


def copy_people(copy: Store, source: Store, meeting: Meeting, items: list[AgendaItem], fresh: Fresh,
                public: bool) -> dict[int, int]:
    """Copy the people the meeting names (their photos too, except in the public edition); returns
    the copy's person ids by the source's."""
    people: dict[int, int] = {}
    for person in source.people.get_many(people_named(source, meeting, items)):
        people[person.id] = copy.people.add(fresh(person, "person", public)).id  # type: ignore[index]
        image = None if public else source.people.photo(person.id)  # type: ignore[arg-type]
        if image is not None:
            copy.people.set_photo(people[person.id], image)  # type: ignore[index]
    return people


def item_references(item: AgendaItem, people: dict[int, int]) -> dict[str, Any]:
    """An agenda item's references to people as the copy's ids; the item it continues stays behind."""
    return {"lead_person_id": people.get(item.lead_person_id),  # type: ignore[arg-type]
            "speaker_ids": [people[i] for i in item.speaker_ids if i in people], "continues_id": None}


def copy_brief(copy: Store, source: Store, meeting: Meeting, new_meeting_id: int, item_ids: dict[int, int],
               change_ids: dict[int, int], people: dict[int, int], fresh: Fresh, public: bool) -> None:
    """Copy the meeting's participants, the commitments and projects of its items or partners and
    its partners' enforcement figures (`item_ids`, `change_ids`: the copy's ids by the source's)."""
    for participant in source.participants.for_meeting(meeting.id):  # type: ignore[arg-type]
        copy.participants.add(fresh(participant, "participant", public, meeting_id=new_meeting_id,
                                    person_id=people[participant.person_id]))  # type: ignore[index]
    for commitment in commitments_of(source, meeting, item_ids):
        copy.commitments.add(fresh(
            commitment, "commitment", public, owner_person_id=people.get(commitment.owner_person_id),
            source_meeting_id=new_meeting_id if commitment.source_meeting_id == meeting.id else None,
            agenda_item_ids=[item_ids[i] for i in commitment.agenda_item_ids if i in item_ids]))
    partners = set(meeting.partner_codes)
    for project in source.projects.find():
        linked = [item_ids[i] for i in project.agenda_item_ids if i in item_ids]
        if linked or project.partner_code in partners:
            copy.projects.add(fresh(project, "project", public, agenda_item_ids=linked,
                                    law_change_ids=[change_ids[i] for i in project.law_change_ids if i in change_ids]))
    copy.enforcement.add_many(fresh(f, "enforcement_figure", public) for f in source.enforcement.find()
                              if f.partner_code in partners)
