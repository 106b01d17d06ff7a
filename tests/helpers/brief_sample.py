"""A US–Peru council with a full brief behind it, written into a real store: an earlier meeting and its
commitments, both delegations with a photo and pronunciations, five years and more of enforcement figures
(one unavailable, one of partial scope, demo-marked) and cooperation projects."""

import struct
import zlib
from dataclasses import dataclass
from datetime import date, time

from council_prep.domain import AgendaItem, Meeting, Submission, SubmissionStatus
from council_prep.domain.brief import Commitment, EnforcementFigure, Participant, Person, Project
from council_prep.domain.enums import (
    BriefDepth,
    CommitmentStatus,
    FigureStatus,
    ParticipantRole,
    PressStatus,
    ProjectStatus,
    Side,
)
from council_prep.domain.records import Ask
from council_prep.store import Store

PREPARED = date(2026, 5, 1)  # the day the book is made: the past-due and overdue flags count from it
POINT_TO_MAKE = "Recognise the new thirty-day registration limit"
POINT_TO_AVOID = "Do not speculate on trade consequences of the backlog"
ASK = "Will the United States fund more labor inspectors?"
RESPONSE = "Point to the inspection project already under way"
PRESS_LINE = "Both governments reviewed progress on union registration"
EARLIER_TITLE = "Union registration backlog (2025)"
EARLIER_SUMMARY = "Peru agreed to publish monthly registration statistics"
LATE = "Publish monthly union registration statistics"  # open, due before PREPARED: past due
OWED = "Share the draft inspection protocol"  # open, due after PREPARED
DONE = "Hold a tripartite workshop on registration"  # done: not in the open list
TODAY_MADE = "Exchange contact points for the new working group"  # made at this meeting: not from an earlier one
HEAD = Person(name="Rosa Quispe Huamán", pronunciation="ROH-sah KEES-peh wah-MAHN", title="Vice Minister of Labor",
              organization="Ministry of Labor and Employment Promotion", side=Side.PARTNER, partner_code="PE",
              biography="Labor lawyer; led the reform of the inspection system.\nFormer head of SUNAFIL.")
MEMBER = Person(name="Jorge Ccori", pronunciation="HOR-heh KOH-ree", title="Director of Labor Relations",
                organization="Ministry of Labor and Employment Promotion", side=Side.PARTNER, partner_code="PE",
                biography="Career official in collective labor relations.")
INTERPRETER = Person(name="Lucía Mendoza", title="Interpreter", side=Side.PARTNER, partner_code="PE")
US_HEAD = Person(name="Dana Whitfield", title="Deputy Undersecretary for International Affairs",
                 organization="U.S. Department of Labor", side=Side.US, biography="Never in the annex: our side.")
US_MEMBER = Person(name="Marcus Obi", title="International Relations Officer",
                   organization="U.S. Department of Labor", side=Side.US)
PROJECT = "Strengthening labor inspection in Peru's agro-export sector"
CLOSED_PROJECT = "Closed pilot on domestic workers"
SCOPE = "Lima region only"
SOURCE = "SUNAFIL annual report"
YEARS = range(2019, 2026)  # seven years: the table shows the last five (2021-2025)


@dataclass(frozen=True)
class Sample:
    meeting_id: int
    earlier_meeting_id: int
    item_ids: list[int]  # this meeting's: opening, registration (continues the earlier item), inspections


def png(width: int = 30, height: int = 40, grey: int = 0x60) -> bytes:
    """A small real PNG (a grey rectangle), as a stored photo."""
    raw = b"".join(b"\x00" + bytes([grey]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def build_brief_sample(store: Store, *, demo: bool = True) -> Sample:
    earlier = store.meetings.add(Meeting(
        agreement_key="us-peru-tpa", partner_codes=["PE"], title="Sub-Committee on Labor Affairs, 2025",
        session_date=date(2025, 4, 8)))
    meeting = store.meetings.add(Meeting(
        agreement_key="us-peru-tpa", partner_codes=["PE"], title="Sub-Committee on Labor Affairs, 2026",
        session_date=date(2026, 5, 12), start_time=time(9, 30), length_minutes=120, book_due_on=date(2026, 5, 5),
        handling_marking="SENSITIVE BUT UNCLASSIFIED"))
    before = store.agenda.add(AgendaItem(meeting_id=earlier.id, title=EARLIER_TITLE, public_summary=EARLIER_SUMMARY))
    head, member, interpreter, us_head, us_member = (store.people.add(p) for p in
                                                     (HEAD, MEMBER, INTERPRETER, US_HEAD, US_MEMBER))
    store.people.set_photo(head.id, png())
    opening = store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Opening remarks", minutes=10,
                                          lead_person_id=us_head.id, depth=BriefDepth.SHORT))
    registration = store.agenda.add(AgendaItem(
        meeting_id=meeting.id, title="Union registration", minutes=45, lead="Someone typed",
        lead_person_id=us_head.id, speaker_ids=[us_member.id], points_to_make=[POINT_TO_MAKE],
        points_to_avoid=[POINT_TO_AVOID], asks=[Ask(ASK, RESPONSE)], press=PressStatus.OPEN,
        press_line=PRESS_LINE, continues_id=before.id, public_summary="Union registration in Peru."))
    inspections = store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Labor inspections", minutes=30,
                                              depth=BriefDepth.DEFENSIVE, press=PressStatus.OPEN))
    for person, role in ((member, ParticipantRole.MEMBER), (interpreter, ParticipantRole.INTERPRETER),
                         (head, ParticipantRole.HEAD), (us_member, ParticipantRole.MEMBER),
                         (us_head, ParticipantRole.HEAD)):
        store.participants.add(Participant(meeting_id=meeting.id, person_id=person.id, role=role))
    for text, status, due, items in ((LATE, CommitmentStatus.OPEN, date(2025, 10, 1), [before.id]),
                                     (OWED, CommitmentStatus.OPEN, date(2026, 9, 30), [inspections.id]),
                                     (DONE, CommitmentStatus.DONE, date(2025, 8, 1), [before.id])):
        store.commitments.add(Commitment(text=text, status=status, due_on=due, source_meeting_id=earlier.id,
                                         owner_person_id=head.id, source_note="Joint statement, para 4",
                                         agenda_item_ids=items))
    store.commitments.add(Commitment(text=TODAY_MADE, side=Side.US, source_meeting_id=meeting.id))
    for year in YEARS:
        for key, value in (("inspectors", 400 + 40 * (year - 2019)), ("inspections", 20_000 + 900 * (year - 2019)),
                           ("inspectors_meet_ilo", 1 if year >= 2023 else 0),
                           ("inspectorate_funding", 30_000_000 + 1_000_000 * (year - 2019))):
            unavailable = key == "inspections" and year == 2023
            store.enforcement.add(EnforcementFigure(
                partner_code="PE", year=year, indicator=key, value=None if unavailable else value,
                status=FigureStatus.UNAVAILABLE if unavailable else FigureStatus.REPORTED,
                scope=SCOPE if key == "inspectors" and year == 2025 else "", source=SOURCE, demo=demo))
    store.projects.add(Project(title=PROJECT, grantee="Example Foundation", amount=4_500_000,
                               start_on=date(2024, 1, 1), end_on=date(2027, 12, 31), partner_code="PE",
                               summary="Trains inspectors in risk-based planning.",
                               agenda_item_ids=[inspections.id]))
    store.projects.add(Project(title=CLOSED_PROJECT, status=ProjectStatus.CLOSED, partner_code="PE"))
    store.submissions.add(Submission(identifier="U.S. Submission 2023-01 (Peru)", partner_code="PE",
                                     status=SubmissionStatus.UNDER_REVIEW, accepted_on=date(2025, 6, 2)))
    return Sample(meeting.id, earlier.id, [opening.id, registration.id, inspections.id])
