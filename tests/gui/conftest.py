"""GUI fixtures: a small real store with one meeting, isolated settings, and a shown main window."""

from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from council_prep.domain import AgendaItem, LawChange, LawChangeStatus, Meeting, Question, QuestionStatus, Submission
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
from council_prep.store import Store
from tests.gui.brief_sample import TODAY, Today, fill_brief

AGENDA = [("Opening remarks", 15), ("Outsourcing and freedom of association", 60),
          ("Labor inspection capacity", 45), ("Child labor in agriculture", 30)]


def fill_sample(store: Store) -> None:
    """One meeting with four agenda items, law changes for two partners, submissions and questions."""
    meeting = store.meetings.add(Meeting(
        agreement_key="us-peru-tpa", partner_codes=["PE"], title="Peru Labor Affairs Council, 2027",
        session_date=date(2027, 3, 4), start_time=time(9, 0), length_minutes=180,
        public_session_date=date(2027, 3, 5), location="Lima", handling_marking="SENSITIVE BUT UNCLASSIFIED"))
    changes = [store.law_changes.add(LawChange(
        partner_code=code, title=title, status=status, topic_keys=[topic], summary=f"Summary of {title}."))
        for code, title, status, topic in [
            ("PE", "Outsourcing regulation", LawChangeStatus.PROPOSED, "freedom_of_association"),
            ("PE", "Labor inspection law reform", LawChangeStatus.ADOPTED, "labor_law_enforcement"),
            ("PE", "Agrarian regime repeal", LawChangeStatus.IN_FORCE, "minimum_wages"),
            ("CO", "Decree on collective bargaining", LawChangeStatus.ADOPTED, "collective_bargaining"),
            ("CO", "Child labor list update", LawChangeStatus.PROPOSED, "child_labor"),
            ("GT", "Minimum wage agreement", LawChangeStatus.IN_FORCE, "minimum_wages"),
        ]]
    store.submissions.add(Submission(identifier="U.S. Submission 2015-01 (Peru)", partner_code="PE",
                                     date_filed="2015-07-23", summary="Short-term contracts in exports."))
    for title, minutes in AGENDA:
        store.agenda.add(AgendaItem(meeting_id=meeting.id, title=title, minutes=minutes,
                                    objective=f"Objective for {title}.", talking_points=["First point"],
                                    law_change_ids=[changes[0].id] if "Outsourcing" in title else []))
    for n in range(12):
        store.questions.add(Question(
            meeting_id=meeting.id, text=f"Question {n} about {'inspection' if n % 3 == 0 else 'wages'} in Peru",
            asker_name=f"Asker {n}", organization="Union" if n % 2 else "NGO",
            received_at=datetime(2027, 2, 1 + n, 10, 0),
            status=QuestionStatus.NEW if n % 4 else QuestionStatus.ANSWERED, topic_key="minimum_wages"))


@pytest.fixture
def sample_store_path(tmp_path: Path) -> Path:
    path = tmp_path / "sample.db"
    with Store.open(path) as store:
        fill_sample(store)
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a private ini file, never the user's own; notes in a private folder too."""
    private = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    private.set_notes_folder(tmp_path / "notes")
    return private


def shown_window(qtbot, path: Path, settings: Settings, tmp_path: Path,
                 today: Callable[[], date] | None = None) -> Iterator[MainWindow]:
    """A window on the store at `path`, shown; its clock reads `today` when given."""
    session = open_session(path, read_only=False, ask=lambda reason: True)
    if today is not None:
        session.clock.set_source(today)
    shown = MainWindow(session, settings, ask_read_only=lambda reason: True)
    shown.book_tab.folder.setText(str(tmp_path))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


@pytest.fixture
def window(qtbot, sample_store_path: Path, settings: Settings, tmp_path: Path) -> Iterator[MainWindow]:
    yield from shown_window(qtbot, sample_store_path, settings, tmp_path)


@pytest.fixture
def today() -> Today:
    """The date the brief window's clock reads; a test moves it."""
    return Today(TODAY)


@pytest.fixture
def brief_window(qtbot, sample_store_path: Path, settings: Settings, tmp_path: Path,
                 today: Today) -> Iterator[MainWindow]:
    """The sample store with the brief filled in (see brief_sample), its clock on `today`."""
    with Store.open(sample_store_path) as store:
        fill_brief(store)
    yield from shown_window(qtbot, sample_store_path, settings, tmp_path, today)
