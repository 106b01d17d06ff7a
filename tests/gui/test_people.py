"""The People tab: the directory with its editor and photo, and the meeting's participants added from it."""

import struct
import zlib
from pathlib import Path

from PySide6.QtCore import Qt

from council_prep.domain import ParticipantRole
from council_prep.gui.main_window import MainWindow
from tests.gui.brief_sample import PEOPLE


def participants(window: MainWindow) -> list[tuple[str, str]]:
    store = window.session.store
    found = store.participants.for_meeting(window.current_meeting().id)
    return [(store.people.get(p.person_id).name, p.role.value) for p in found]


def shown_names(window: MainWindow) -> list[str]:
    table = window.people_tab.participants.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def png(width: int = 40, height: int = 60) -> bytes:
    """A real PNG file: grey pixels, written by hand so no image library is needed."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_participant_is_added_from_the_directory_by_name_and_by_selection(qtbot, brief_window: MainWindow):
    window = brief_window
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # View > People
    tab = window.people_tab
    assert window.tabs.currentWidget() is tab
    pane = tab.participants
    assert shown_names(window) == []

    # Typing the start of a name and Enter adds that person from the directory.
    pane.add_box.setFocus()
    qtbot.keyClicks(pane.add_box, "ana p")
    qtbot.keyClick(pane.add_box, Qt.Key.Key_Return)
    assert participants(window) == [(PEOPLE[0][0], "member")]
    assert pane.add_box.text() == ""

    # With the box empty, "Add to meeting" adds the person selected in the directory above.
    jane = window.session.store.people.one(name="Jane Miller")
    tab.select_record(jane.id)
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert [name for name, _ in participants(window)] == [PEOPLE[0][0], "Jane Miller"]
    assert shown_names(window) == ["Jane Miller", PEOPLE[0][0]]  # our side first on the page

    # Adding her again is refused in words, and nothing changes.
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert "already takes part" in window.statusBar().currentMessage()
    assert len(participants(window)) == 2

    # A name that is not in the directory adds nobody.
    qtbot.keyClicks(pane.add_box, "Nobody Known")
    qtbot.keyClick(pane.add_box, Qt.Key.Key_Return)
    assert "not in the people directory" in window.statusBar().currentMessage()
    assert len(participants(window)) == 2


def test_the_head_of_delegation_comes_first_and_undo_takes_the_role_back(qtbot, brief_window: MainWindow):
    window = brief_window
    window.tabs.setCurrentWidget(window.people_tab)
    pane = window.people_tab.participants
    for name in (PEOPLE[1][0], PEOPLE[0][0]):
        pane.add_box.setText(name.split()[0])
        qtbot.keyClick(pane.add_box, Qt.Key.Key_Return)
    assert shown_names(window) == [PEOPLE[1][0], PEOPLE[0][0]]
    pane.table.setFocus()
    pane.table.setCurrentCell(1, 0)  # Ana
    pane.role.setFocus()
    assert pane.role.currentData() == ParticipantRole.MEMBER
    qtbot.keyClick(pane.role, Qt.Key.Key_Up)  # member -> head of delegation
    assert (PEOPLE[0][0], "head_of_delegation") in participants(window)
    assert shown_names(window) == [PEOPLE[0][0], PEOPLE[1][0]]  # the head first
    window.undo_action.trigger()
    assert (PEOPLE[0][0], "member") in participants(window)
    assert shown_names(window) == [PEOPLE[1][0], PEOPLE[0][0]]

    # Ctrl+Down moves the selected participant one place down the page; Del removes them; undo puts them back.
    pane.table.setFocus()
    pane.table.setCurrentCell(0, 0)
    qtbot.keyClick(pane.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert shown_names(window) == [PEOPLE[0][0], PEOPLE[1][0]]
    assert pane.current().person_id == window.session.store.people.one(name=PEOPLE[1][0]).id
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert shown_names(window) == [PEOPLE[0][0]]
    assert window.undo_action.text().replace("&", "") == f"Undo Remove {PEOPLE[1][0]} from the participants"
    window.undo_action.trigger()
    assert shown_names(window) == [PEOPLE[0][0], PEOPLE[1][0]]


def test_a_person_is_edited_in_the_directory_and_given_a_photo(qtbot, brief_window: MainWindow, tmp_path: Path):
    window = brief_window
    tab = window.people_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.count_label.text() == f"{len(PEOPLE)} people" and tab.text_filter.placeholderText().startswith(
        "Filter people")
    luis = window.session.store.people.one(name=PEOPLE[1][0])
    tab.select_record(luis.id)
    field = tab.form.editors["pronunciation"].widget
    field.setFocus()
    qtbot.keyClicks(field, "LOO-ees KEES-peh")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session.store.people.get(luis.id).pronunciation == "LOO-ees KEES-peh"

    photo = tmp_path / "luis.png"
    photo.write_bytes(png())
    tab.photo.take(photo)
    assert window.session.store.people.photo(luis.id) == photo.read_bytes()
    shown = tab.photo.picture.pixmap()
    assert not shown.isNull() and shown.height() == 120 and shown.width() == 80  # scaled, proportions kept
    assert tab.photo.remove_button.isVisible()
    window.undo_action.trigger()  # the photo was one step
    assert window.session.store.people.photo(luis.id) is None
    assert tab.photo.picture.text() == "No photo" and not tab.photo.remove_button.isVisible()
    window.redo_action.trigger()
    assert window.session.store.people.photo(luis.id) == photo.read_bytes()

    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("not an image")
    tab.photo.take(not_an_image)
    assert window.session.store.people.photo(luis.id) == photo.read_bytes()  # refused: the photo stays
    assert "PNG or JPEG" in window.statusBar().currentMessage()
