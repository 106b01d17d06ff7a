"""Choosing another meeting updates the tab on show at once and hidden tabs only when they are shown."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from council_prep.domain import Meeting, Question
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
from council_prep.gui.window_actions import AGENDA, QUESTIONS
from council_prep.store import Store


@pytest.fixture
def second(sample_store_path: Path) -> Meeting:
    with Store.open(sample_store_path) as store:
        meeting = store.meetings.add(Meeting(agreement_key="korus", partner_codes=["KR"], title="KORUS council",
                                             session_date=date(2026, 10, 20)))
        for n in range(3):
            store.questions.add(Question(meeting_id=meeting.id, text=f"KORUS question {n}"))
    return meeting


@pytest.fixture
def two_meetings(qtbot, sample_store_path: Path, second: Meeting, settings: Settings) -> Iterator[MainWindow]:
    window = MainWindow(open_session(sample_store_path, read_only=False, ask=lambda reason: True), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def click_tab(qtbot, window: MainWindow, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def test_hidden_tabs_are_refreshed_when_shown_not_on_every_switch(qtbot, two_meetings: MainWindow, second: Meeting):
    window = two_meetings
    click_tab(qtbot, window, QUESTIONS)
    questions = window.tabs.built(QUESTIONS)
    assert questions.model.rowCount() == 12  # the sample meeting, the latest, is chosen at start
    click_tab(qtbot, window, AGENDA)
    resets: list[bool] = []
    questions.model.modelReset.connect(lambda: resets.append(True))

    selector = window.meeting_selector
    selector.setCurrentIndex(selector.findData(second.uid))
    assert window.tabs.built(AGENDA).meeting.uid == second.uid  # the tab on show follows at once
    assert resets == [] and questions.model.rowCount() == 12  # the hidden one is left alone

    click_tab(qtbot, window, QUESTIONS)
    assert resets == [True] and questions.model.rowCount() == 3
    assert questions.table.model().index(0, 0).data() is not None

    # Switching back while it shows updates it at once; asking for a stale hidden tab updates it too.
    selector.setCurrentIndex(selector.findData(window.meetings()[-1].uid))
    assert questions.model.rowCount() == 12 and len(resets) == 2
    click_tab(qtbot, window, AGENDA)
    selector.setCurrentIndex(selector.findData(second.uid))
    assert window.questions_tab.model.rowCount() == 3
