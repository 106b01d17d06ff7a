"""A sample store with the brief filled in (people, an earlier meeting, a commitment) and a window on it
whose clock reads a date the test chooses."""

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from council_prep.domain import AgendaItem, AgendaStatus, Commitment, Meeting, Person, Side
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
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


@pytest.fixture
def today() -> Today:
    return Today(TODAY)


@pytest.fixture
def brief_window(qtbot, sample_store_path: Path, settings: Settings, tmp_path: Path,
                 today: Today) -> Iterator[MainWindow]:
    with Store.open(sample_store_path) as store:
        fill_brief(store)
    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    session.clock.set_source(today)
    shown = MainWindow(session, settings, ask_read_only=lambda reason: True)
    shown.book_tab.folder.setText(str(tmp_path))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
