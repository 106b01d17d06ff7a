"""The brief added to the sample store: people, an earlier meeting with a commitment made on it, the book's
due date; and the calendar the brief window's clock reads (fixtures in conftest)."""

from datetime import date, time

from council_prep.domain import AgendaItem, AgendaStatus, Commitment, Meeting, Person, Side
from council_prep.store import Store

TODAY = date(2027, 2, 20)  # two weeks before the sample meeting of 4 March 2027
PEOPLE = [
    ("Ana Pérez Villanueva", "AH-nah PEH-res", "Vice Minister of Labor Promotion",
     "Ministry of Labor and Employment Promotion", Side.PARTNER, "PE"),
    ("Luis Quispe Mamani", "", "Superintendent", "National Superintendency of Labor Inspection (SUNAFIL)",
     Side.PARTNER, "PE"),
    ("Jane Miller", "", "Deputy Undersecretary for International Affairs", "U.S. Department of Labor",
     Side.US, None),
]


class Today:
    """The date the window's clock reads; a test moves it."""

    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> date:
        return self.day


def fill_brief(store: Store) -> None:
    """People, a meeting a year earlier with an item and a commitment made on it, and the book's due date."""
    for name, pronunciation, title, organization, side, partner in PEOPLE:
        store.people.add(Person(name=name, pronunciation=pronunciation, title=title, organization=organization,
                                side=side, partner_code=partner))
    earlier = store.meetings.add(Meeting(
        agreement_key="us-peru-tpa", partner_codes=["PE"], title="Peru Labor Affairs Council, 2026",
        session_date=date(2026, 3, 10), start_time=time(9, 0), length_minutes=180))
    item = store.agenda.add(AgendaItem(meeting_id=earlier.id, title="Inspection in agriculture", minutes=30,
                                       status=AgendaStatus.FINAL))
    store.commitments.add(Commitment(
        text="Share the inspection plan for agro-export farms", owner_person_id=store.people.one(
            name=PEOPLE[1][0]).id, due_on=date(2027, 2, 22), source_meeting_id=earlier.id,
        source_note="Joint statement, para 4", agenda_item_ids=[item.id]))
    meeting = store.meetings.one(title="Peru Labor Affairs Council, 2027")
    meeting.book_due_on = date(2027, 2, 25)
    store.meetings.update(meeting)
