"""Exporting the book from its tab: Word and Excel files written in the background, cancel, errors."""

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtCore import Qt

from council_prep.gui.main_window import MainWindow
from tests.gui.boxes import click_button, wait_for_box
from tests.helpers.office import pdf_text


def test_export_to_word_and_find_the_file(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    tab.public.setChecked(True)
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    assert tab.progress is not None and tab.progress.isVisible()
    box = wait_for_box(qtbot, "export-finished")
    output = tmp_path / "peru-labor-affairs-council-2027-public.docx"
    assert str(output) in box.text()
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Close", "Open file", "Open folder"]
    click_button(qtbot, box, "Close")
    text = "\n".join(p.text for p in Document(str(output)).paragraphs)
    assert "Peru Labor Affairs Council, 2027" in text
    assert "First point" not in text  # the public profile leaves out talking points
    assert tab.progress is None and str(output) in tab.result.text()
    assert "What it leaves out: " in tab.result.text() and ".withheld" in tab.result.text()
    assert window.settings.export_folder() == tmp_path


@pytest.mark.slow
def test_export_to_pdf_in_the_background(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    tab.file_name.setText("book")
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert tab.progress is not None and tab.progress.isVisible()
    box = wait_for_box(qtbot, "export-finished", timeout=120_000)
    click_button(qtbot, box, "Close")
    output = tmp_path / "book.pdf"
    assert output.read_bytes().startswith(b"%PDF")
    assert "Peru Labor Affairs Council, 2027" in pdf_text(output)


def test_pdf_export_without_libreoffice_says_what_it_needs(qtbot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch):
    monkeypatch.setenv("COUNCIL_PREP_SOFFICE", str(tmp_path / "no-office"))
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    box = wait_for_box(qtbot, "export-failed")
    assert "needs LibreOffice" in box.text()
    click_button(qtbot, box, "Close")
    assert not list(tmp_path.glob("*.pdf"))


def test_export_to_excel_with_chosen_sections(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    tab.file_name.setText("workbook")
    qtbot.mouseClick(tab.excel_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, wait_for_box(qtbot, "export-finished"), "Close")
    workbook = openpyxl.load_workbook(tmp_path / "workbook.xlsx")
    assert "Agenda" in workbook.sheetnames
    cells = {value for row in workbook["Agenda"].iter_rows(values_only=True) for value in row}
    assert "Labor inspection capacity" in cells


def test_cancel_export_leaves_no_file(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    operation = tab.operation
    cancel = tab.progress.findChild(type(tab.word_button))
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert operation.cancelled()
    qtbot.waitUntil(lambda: tab.operation is None, timeout=10_000)
    assert tab.result.text() == "Export cancelled; no file was written."
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".*.part")) == []
    assert window.statusBar().currentMessage() == "Export cancelled; no file was written"


def test_unwritable_folder_shows_error_dialog(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    tab.folder.setText(str(tmp_path / "no" / "such" / "folder"))
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    box = wait_for_box(qtbot, "export-failed")
    assert "could not be written" in box.text() and "does not exist" in box.text()
    click_button(qtbot, box, "Close")
    assert window.isVisible() and tab.operation is None
    assert not (tmp_path / "no").exists()


def test_the_book_tab_counts_the_changes_waiting_since_the_last_book(qtbot, window: MainWindow, tmp_path: Path):
    tab = window.book_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.waiting.text() == "No book of this edition has been exported yet."
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, wait_for_box(qtbot, "export-finished"), "Close")
    assert tab.waiting.text().startswith("0 changes since the book of ")
    assert "peru-labor-affairs-council-2027.docx" in tab.waiting.text()

    agenda = window.agenda_tab
    window.tabs.setCurrentWidget(agenda)
    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)  # a new item, one change
    window.tabs.setCurrentWidget(tab)
    assert tab.waiting.text().startswith("1 change since the book of ")
    tab.public.setChecked(True)  # the public edition has not been exported yet
    assert tab.waiting.text() == "No book of this edition has been exported yet."
    tab.internal.setChecked(True)
    assert tab.waiting.text().startswith("1 change since")
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, wait_for_box(qtbot, "replace-file"), "Replace")
    click_button(qtbot, wait_for_box(qtbot, "export-finished"), "Close")
    text = "\n".join(p.text for p in Document(str(tmp_path / "peru-labor-affairs-council-2027.docx")).paragraphs)
    assert "Changes since the book of" in text and "Agenda items added (1)" in text
