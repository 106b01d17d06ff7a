"""Ctrl+K search over everything: results with highlighted words as you type, Enter jumps to the record."""

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from council_prep.gui.main_window import MainWindow
from council_prep.gui.search import marked_html


def search(qtbot, window: MainWindow, text: str):
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # back from the previous jump
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search
    qtbot.waitUntil(lambda: dialog.isVisible() and QApplication.focusWidget() is dialog.box, timeout=2000)
    qtbot.keyClicks(dialog.box, text)
    qtbot.waitUntil(lambda: not dialog.debounce.isActive() and dialog.model.rowCount() > 0, timeout=2000)
    return dialog


def test_search_finds_law_change_and_jumps_to_its_row(qtbot, window: MainWindow):
    dialog = search(qtbot, window, "collective barg")
    hits = dialog.hits()
    assert hits[0].kind == "law_change"
    title_html = marked_html(hits[0], hits[0].title, ("#ff0", "#000"))
    assert '<b style="background-color:#ff0; color:#000">collective</b>' in title_html
    assert dialog.summary.text() == "1 result"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.law_tab
    record = window.session.store.law_changes.get(window.law_tab.current_id())
    assert record.title == "Decree on collective bargaining"
    assert window.law_tab.form.editors["title"].widget.text() == record.title


def test_search_jumps_to_an_agenda_item_and_question(qtbot, window: MainWindow):
    window.tabs.setCurrentWidget(window.book_tab)
    dialog = search(qtbot, window, "inspection capacity")
    assert dialog.hits()[0].kind == "agenda_item"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.agenda_tab
    item = window.session.store.agenda.get(window.agenda_tab.current_id())
    assert item.title == "Labor inspection capacity"

    dialog = search(qtbot, window, "Question 7 about")
    kinds = [h.kind for h in dialog.hits()]
    assert kinds[0] == "question"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.questions_tab
    question = window.session.store.questions.get(window.questions_tab.current_id())
    assert question.text.startswith("Question 7 about")


def test_search_with_arrow_keys_and_no_results(qtbot, window: MainWindow):
    dialog = search(qtbot, window, "Question")
    assert dialog.results.currentIndex().row() == 0
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    second = dialog.hits()[1]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.questions_tab.current_id() == second.record_id

    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.box.setText('zzqx "(')
    qtbot.waitUntil(lambda: dialog.summary.text() == "0 results", timeout=2000)
    assert dialog.model.rowCount() == 0


def test_prefixes_rare_and_common_words_on_a_store_of_many_questions(qtbot, tmp_path, settings):
    from council_prep.domain import LawChange, Question
    from council_prep.store import Store
    from council_prep.store.search import CANDIDATES
    from tests.gui.conftest import fill_sample, shown_window

    path = tmp_path / "many.db"
    with Store.open(path) as store:
        fill_sample(store)
        first = store.questions.count() + 1
        total = CANDIDATES + 200
        store.questions.add_many(Question(
            meeting_id=1, text=f"Labour {n}: labor inspections" + (" under quarantine" if n % 500 == 7 else "")
            + (" in the garment and textile factories of the northern export zones, " * (n % 4)),
            asker_name=f"Asker {n}", organization="Federation of labor inspectors" if n % 3 else "")
            for n in range(total))
        store.law_changes.add(LawChange(partner_code="PE", title="Laboratories decree"))
    window = next(shown_window(qtbot, path, settings, tmp_path))
    newest = list(range(first + total - 1, first + total - 51, -1))

    def found(text: str) -> list[tuple[str, int]]:
        dialog = window.search
        if dialog.isVisible():
            dialog.box.clear()
            qtbot.keyClicks(dialog.box, text)
            qtbot.waitUntil(lambda: not dialog.debounce.isActive() and dialog.model.rowCount() > 0, timeout=2000)
        else:
            search(qtbot, window, text)
        return [(h.kind, h.record_id) for h in dialog.hits()]

    # A word in more questions than are ranked: the newest fifty, whether typed in 4, 5 or all its letters.
    for typed in ("labo", "labor", "labor ", "inspections labo"):
        assert found(typed) == [("question", n) for n in newest], typed
        assert window.search.summary.text() == "50+ results"
    assert found("laborat") == [("law_change", 7)]  # the sample has six law changes
    assert sorted(found("quarantine")) == [("question", first + n) for n in (7, 507, 1007)]
    assert found("quara") == found("quarantine") and window.search.summary.text() == "3 results"
    hits = window.search.hits()
    assert all("\x02quarantine\x03" in h.title for h in hits) and hits == sorted(hits, key=lambda h: h.rank)

    # Every hit has a row of its own, in order, high enough for its text as painted (up to four lines).
    dialog = window.search
    found("labor")
    results, model = dialog.results, dialog.model
    rects = [results.visualRect(model.index(row, 0)) for row in range(50)]
    assert all(a.bottom() < b.top() for a, b in pairwise(rects))
    cap = results.fontMetrics().lineSpacing() * 4 + 8
    for row, rect in enumerate(rects):
        option = QStyleOptionViewItem()
        option.rect, option.font, option.palette = rect, results.font(), results.palette()
        text = dialog.delegate.document(option, model.index(row, 0))
        assert rect.height() >= min(text.size().height(), cap) - 1, row
        assert rect.height() <= cap
    assert not dialog.results.grab().isNull()
    window.close()
