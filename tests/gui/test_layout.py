"""The window at the smallest and a large size it is made for: nothing hidden, the titles readable."""

import pytest
from PySide6.QtWidgets import QToolButton, QWidget

from council_prep.gui.main_window import MainWindow


def settle(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=2000)
    qtbot.wait(50)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_toolbar_shows_every_action_without_overflow(qtbot, window: MainWindow, size):
    settle(qtbot, window, *size)
    toolbar = window.findChild(QWidget, "main-toolbar")
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()
    for action in (window.new_meeting_action, window.edit_meeting_action, window.search_action):
        button = toolbar.widgetForAction(action)
        assert button.isVisible() and button.geometry().right() <= toolbar.width()
    chars = window.meeting_selector.width() / window.meeting_selector.fontMetrics().averageCharWidth()
    assert chars >= 30  # date, agreement and the start of the title


@pytest.mark.parametrize("size", [(1024, 700), (2560, 1440)])
def test_item_column_takes_the_room_and_the_others_fit_their_content(qtbot, window: MainWindow, size):
    settle(qtbot, window, *size)
    view = window.agenda_tab.view
    header = view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[2] == max(widths)  # the item's title
    assert widths[2] >= 0.3 * view.viewport().width()
    assert sum(widths) <= view.viewport().width() + 2  # no sideways scrolling
    time_text = window.agenda_tab.model.data(window.agenda_tab.model.index(0, 1))
    assert widths[1] >= view.fontMetrics().horizontalAdvance(time_text)  # "09:00–09:15" is never cut
    for tab in (window.law_tab, window.questions_tab):
        window.tabs.setCurrentWidget(tab)
        qtbot.wait(20)
        table_header = tab.table.horizontalHeader()
        sizes = [table_header.sectionSize(c) for c in range(table_header.count())]
        assert sizes[tab.columns.main] == max(sizes)


def test_book_tab_uses_a_wide_window(qtbot, window: MainWindow):
    settle(qtbot, window, 2560, 1440)
    window.tabs.setCurrentWidget(window.book_tab)
    qtbot.wait(20)
    right = max(w.mapTo(window, w.rect().bottomRight()).x() for w in window.book_tab.findChildren(QWidget)
                if w.isVisible())
    assert right > 0.8 * window.width()


def test_fitting_columns_reads_only_the_rows_in_sight(qtbot, window: MainWindow):
    from council_prep.domain import Question
    from council_prep.gui.tables.model import PAGE

    store = window.session.store
    with store.transaction():
        for n in range(PAGE * 3):
            store.questions.add(Question(meeting_id=window.current_meeting().id, text=f"Bulk question {n}"))
    window.tabs.setCurrentWidget(window.questions_tab)
    settle(qtbot, window, 2560, 1440)
    assert window.questions_tab.model.loaded_pages() == [0]
