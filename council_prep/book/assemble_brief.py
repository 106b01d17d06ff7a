"""Gathering the internal book's brief from the store (see brief.py); assemble.py calls it for the
internal edition only. The lists it reads are short (a meeting's people, the councils' commitments, five
years of figures per partner, the partners' projects), so they are read whole."""

from datetime import date

from council_prep.book.brief import (
    Attendee,
    Biography,
    Brief,
    Delegation,
    Earlier,
    ItemBrief,
    enforcement_table,
)
from council_prep.domain import AgendaItem, Meeting, Partner, label
from council_prep.domain.brief import Commitment, Person, Project
from council_prep.domain.enums import ParticipantRole, ProjectStatus, Side
from council_prep.store import Store

_STATUS_ORDER = {ProjectStatus.ACTIVE: 0, ProjectStatus.PLANNED: 1, ProjectStatus.CLOSED: 2}


def assemble_brief(store: Store, meeting: Meeting, items: list[AgendaItem], partners: list[Partner]) -> Brief:
    """The brief of `meeting`, whose agenda is `items` (in schedule order) and partners `partners`."""
    names = {p.code: p.name for p in partners}
    every_commitment = store.commitments.find()  # the councils' commitments: tens, read once
    continued = _earlier_items(store, items, every_commitment)
    commitments = _open_commitments(store, meeting, items, every_commitment)
    people = _people(store, [*(i.lead_person_id for i in items), *(s for i in items for s in i.speaker_ids),
                             *(c.owner_person_id for c in commitments)])
    projects = _projects(store, meeting, items)
    numbers = {item.id: n for n, item in enumerate(items, start=1)}
    briefs = {}
    for item in items:
        mine = {item.id, item.continues_id} - {None}
        briefs[item.id] = ItemBrief(
            lead=people.get(item.lead_person_id) if item.lead_person_id is not None else None,
            speakers=[people[s] for s in item.speaker_ids if s in people],
            continues=continued.get(item.continues_id) if item.continues_id is not None else None,
            commitments=[c for c in commitments if mine & set(c.agenda_item_ids)],
            projects=[p for p in projects if item.id in p.agenda_item_ids],
        )
    delegations = _delegations(store, meeting, names)
    sources = {c.source_meeting_id for c in commitments} - {None}
    return Brief(
        items=briefs,
        delegations=delegations,
        biographies=_biographies(store, delegations),
        commitments=commitments,
        people=people,
        meetings={m.id: m.title for m in store.meetings.get_many(sorted(sources))},
        enforcement=[t for t in (enforcement_table(p.name, store.enforcement.find(partner_code=p.code),
                                                   meeting.session_date.year) for p in partners) if t],
        projects=projects,
        project_items={p.id: [numbers[i] for i in p.agenda_item_ids if i in numbers] for p in projects},
    )


def _people(store: Store, ids: list[int | None]) -> dict[int, Person]:
    wanted = sorted({i for i in ids if i is not None})
    return {p.id: p for p in store.people.get_many(wanted)} if wanted else {}


def _earlier_items(store: Store, items: list[AgendaItem], commitments: list[Commitment]) -> dict[int, Earlier]:
    """The items of earlier meetings that `items` continue, by id, with the meeting and what came of them."""
    ids = sorted({i.continues_id for i in items if i.continues_id is not None})
    if not ids:
        return {}
    earlier = store.agenda.get_many(ids)
    meetings = {m.id: m for m in store.meetings.get_many(sorted({e.meeting_id for e in earlier if e.meeting_id}))}
    made = [c for c in commitments if set(c.agenda_item_ids) & set(ids)]
    found = {}
    for item in earlier:
        meeting = meetings.get(item.meeting_id)
        found[item.id] = Earlier(item.title, meeting.title if meeting else "an earlier meeting",
                                 meeting.session_date if meeting else None, item.public_summary,
                                 [c for c in made if item.id in c.agenda_item_ids])
    return found


def _open_commitments(store: Store, meeting: Meeting, items: list[AgendaItem],
                      commitments: list[Commitment]) -> list[Commitment]:
    """Commitments still owed that were made at earlier meetings: those of the same agreement's earlier
    councils, and any linked to this agenda's items or the items they continue; soonest due first."""
    earlier = {m.id for m in store.meetings.find(agreement_key=meeting.agreement_key)
               if m.id != meeting.id and m.session_date < meeting.session_date}
    linked = {i.id for i in items} | {i.continues_id for i in items if i.continues_id is not None}
    owed = [c for c in commitments
            if c.status.is_pending and c.source_meeting_id != meeting.id
            and (c.source_meeting_id in earlier or linked & set(c.agenda_item_ids))]
    return sorted(owed, key=lambda c: (c.due_on or date.max, c.text.casefold()))


def _projects(store: Store, meeting: Meeting, items: list[AgendaItem]) -> list[Project]:
    """The partners' projects that are not closed, and any project serving one of this agenda's items."""
    order = {code: n for n, code in enumerate(meeting.partner_codes)}
    on_agenda = {i.id for i in items}
    chosen = [p for p in store.projects.find()
              if (p.partner_code in order and p.status is not ProjectStatus.CLOSED)
              or on_agenda & set(p.agenda_item_ids)]
    return sorted(chosen, key=lambda p: (order.get(p.partner_code, len(order)), _STATUS_ORDER[p.status],
                                         p.start_on or date.max, p.title.casefold()))


def _delegations(store: Store, meeting: Meeting, partner_names: dict[str, str]) -> list[Delegation]:
    """The meeting's participants by side: ours, each partner's in the meeting's order, then others;
    in each, the head of delegation first, then as the officer ordered them."""
    participants = store.participants.for_meeting(meeting.id)
    people = _people(store, [p.person_id for p in participants])
    groups: dict[str, list[tuple]] = {}
    for participant in participants:
        person = people.get(participant.person_id)
        if person is None:
            continue
        heading = _side_heading(person, partner_names)
        key = (participant.role is not ParticipantRole.HEAD, participant.position or 10**9, person.name.casefold())
        groups.setdefault(heading, []).append((key, Attendee(person, participant.role)))
    order = [label(Side.US), *partner_names.values()]
    headings = sorted(groups, key=lambda h: (order.index(h) if h in order else len(order), h))
    return [Delegation(h, [a for _, a in sorted(groups[h], key=lambda pair: pair[0])]) for h in headings]


def _side_heading(person: Person, partner_names: dict[str, str]) -> str:
    if person.side is Side.US:
        return label(Side.US)
    if person.side is Side.PARTNER:
        return partner_names.get(person.partner_code or "", "Partner delegation")
    return "Others"


def _biographies(store: Store, delegations: list[Delegation]) -> list[Biography]:
    """The counterpart officials taking part (the partner side, interpreters aside), with their photos."""
    counterparts = [a.person for d in delegations for a in d.members
                    if a.person.side is Side.PARTNER and a.role is not ParticipantRole.INTERPRETER]
    return [Biography(person, store.people.photo(person.id)) for person in counterparts]
