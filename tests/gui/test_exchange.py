"""Several laptops in the window: merge preview, the conflict banner, deciding field by field, undo."""

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from council_prep.domain import LawChangeStatus, Question
from council_prep.gui.main_window import MainWindow
from council_prep.gui.opening import open_session
from council_prep.gui.settings import Settings
from council_prep.store import Store


def test_preview_merge_decide_a_conflict_then_undo_the_merge(qtbot, sample_store_path: Path, settings: Settings,
                                                             tmp_path: Path):
    laptop = tmp_path / "laptop.db"
    shutil.copyfile(sample_store_path, laptop)
    with Store.open(laptop) as store:
        meeting = store.meetings.find()[0]
        store.questions.add(Question(meeting_id=meeting.id, text="Collected at the public session"))
        change = store.law_changes.one(title="Outsourcing regulation")
        change.status, change.summary = LawChangeStatus.ADOPTED, "Adopted in committee."
        store.law_changes.update(change)
        store.pack(tmp_path / "laptop.cpx")
    with Store.open(sample_store_path) as store:  # the office changed the same status meanwhile
        change = store.law_changes.one(title="Outsourcing regulation")
        change.status = LawChangeStatus.REPEALED
        store.law_changes.update(change)

    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    window = MainWindow(session, settings, ask_read_only=lambda reason: True)
    qtbot.addWidget(window)
    window.show()
    store = window.session.store
    assert not window.exchange.banner.isVisible()

    preview = window.exchange.preview(tmp_path / "laptop.cpx")
    text = preview.text.toPlainText()
    assert "added: 1 (1 question)" in text and "conflicts: 1" in text
    assert store.questions.one(text="Collected at the public session") is None  # nothing written yet
    qtbot.mouseClick(preview.merge_button, Qt.MouseButton.LeftButton)
    assert store.questions.one(text="Collected at the public session") is not None
    assert store.law_changes.one(title="Outsourcing regulation").summary == "Adopted in committee."
    assert window.exchange.banner.isVisible() and "1 conflict from merges" in window.exchange.banner.text()
    assert window.undo_action.text() == "&Undo Merge from laptop.cpx"

    qtbot.mouseClick(window.exchange.banner, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "conflicts-dialog")
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(4)] == [
        "law change “Outsourcing regulation”", "Status", "Repealed", "Adopted"]
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    assert store.law_changes.one(title="Outsourcing regulation").status is LawChangeStatus.ADOPTED
    dialog.close()
    assert not window.exchange.banner.isVisible()

    window.undo_action.trigger()  # the decision
    assert window.exchange.banner.isVisible()
    window.undo_action.trigger()  # the whole merge
    assert store.questions.one(text="Collected at the public session") is None
    assert store.law_changes.one(title="Outsourcing regulation").status is LawChangeStatus.REPEALED
    window.close()


def test_send_my_changes_and_merge_all_from_the_folder(qtbot, sample_store_path: Path, settings: Settings,
                                                      tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    settings.set_exchange_folder(shared)
    laptops = [tmp_path / f"laptop{n}.db" for n in range(2)]
    for n, laptop in enumerate(laptops):
        shutil.copyfile(sample_store_path, laptop)
        with Store.open(laptop) as store:
            store.questions.add(Question(meeting_id=store.meetings.find()[0].id, text=f"From laptop {n}"))
            store.pack(shared / f"{store.site_id()}.cpx")
    session = open_session(sample_store_path, read_only=False, ask=lambda reason: True)
    window = MainWindow(session, settings, ask_read_only=lambda reason: True)
    qtbot.addWidget(window)
    window.show()
    sent = window.exchange.send_changes()
    assert sent is not None and sent.parent == shared and sent.name.startswith(window.session.store.site_id())
    window.exchange.merge_folder_action.trigger()
    store = window.session.store
    assert {q.text for q in store.questions.find()} >= {"From laptop 0", "From laptop 1"}
    assert window.undo_action.text() == "&Undo Merge 2 packages"  # its own package left out, one step
    window.exchange.merge_folder_action.trigger()  # merged twice: nothing more
    assert store.questions.count() == 14
    window.close()
