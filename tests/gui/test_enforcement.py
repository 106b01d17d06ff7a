"""Enforcement figures in the window: imported from a spreadsheet (plan first, one undo step, a bad file
refused with the store unchanged), shown per partner by year and indicator, a cell edited in place."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QTableView

from council_prep.domain import FigureStatus
from council_prep.domain.enforcement import INDICATORS
from council_prep.gui.enforcement.importing import ImportPreview
from council_prep.gui.main_window import MainWindow
from tests.gui.boxes import visible

HEADER = ["Country", "Year", "Labor inspectorate funding (USD)", "No. of inspectors",
          "Number of labor inspections conducted", "Violations found", "Convictions", "Source"]
ROWS = [["Peru", 2021, "$9,100,000", 980, 41_200, "N/A", 2, "SUNAFIL annual report 2021"],
        ["Peru", 2022, 9_800_000, "1,012", 45_320, 12_000, 3, "SUNAFIL annual report 2022"]]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Figures"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialog answers with `path`, as if the officer had picked it."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))


def open_import(qtbot, window: MainWindow) -> ImportPreview:
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Import &indicators…")
    action.trigger()
    qtbot.waitUntil(lambda: bool(visible("import-preview")))
    dialog = visible("import-preview")[0]
    assert isinstance(dialog, ImportPreview)
    return dialog


def type_in_cell(qtbot, table: QTableView, index, text: str) -> None:
    """F2 on the cell, its text replaced by `text`, Enter."""
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def cell(window: MainWindow, indicator: str, year: int) -> str | None:
    model = window.enforcement_tab.model
    row = [i.key for i in INDICATORS].index(indicator)
    return model.data(model.index(row, model.years.index(year)))


def test_indicators_are_imported_from_the_window_as_one_undo_step(qtbot, brief_window: MainWindow,
                                                                 tmp_path: Path, monkeypatch):
    window = brief_window
    store = window.session.store
    choose_file(monkeypatch, workbook(tmp_path / "peru.xlsx", ROWS))
    dialog = open_import(qtbot, window)
    assert dialog.windowTitle() == "Import indicators"
    assert "10 added" in dialog.details.toPlainText()  # the plan, before anything is written
    assert store.enforcement.count() == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert store.enforcement.count() == 10
    assert window.tabs.currentWidget() is window.enforcement_tab
    assert window.enforcement_tab.model.years == [2021, 2022]
    assert cell(window, "inspectors", 2022) == "1,012"
    assert cell(window, "inspectorate_funding", 2021) == "USD 9,100,000"
    assert cell(window, "violations_found", 2021) == "Unavailable"  # reported unavailable: not empty
    assert cell(window, "prosecutions", 2021) is None  # no figure at all: empty
    assert window.undo_action.text().replace("&", "").startswith("Undo Import")

    window.undo_action.trigger()
    assert store.enforcement.count() == 0
    assert window.enforcement_tab.model.years == []
    assert window.enforcement_tab.empty.isVisible()


def test_a_bad_file_is_refused_by_row_and_column_and_the_store_is_unchanged(qtbot, brief_window: MainWindow,
                                                                           tmp_path: Path, monkeypatch):
    window = brief_window
    store = window.session.store
    before = (store.enforcement.count(), window.undo_action.text())
    bad = [ROWS[0], ["Peru", 2022, 9_800_000, "many", 45_320, 12_000, 3, "SUNAFIL"]]
    choose_file(monkeypatch, workbook(tmp_path / "bad.xlsx", bad))
    dialog = open_import(qtbot, window)
    assert dialog.windowTitle() == "Import refused"
    problems = dialog.details.toPlainText()
    assert "row 3" in problems and "inspectors" in problems.casefold()
    assert not hasattr(dialog, "import_button")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert (store.enforcement.count(), window.undo_action.text()) == before


def test_a_figure_is_changed_in_its_cell_and_marked_unavailable(qtbot, brief_window: MainWindow, tmp_path: Path,
                                                               monkeypatch):
    window = brief_window
    store = window.session.store
    choose_file(monkeypatch, workbook(tmp_path / "peru.xlsx", ROWS))
    qtbot.mouseClick(open_import(qtbot, window).import_button, Qt.MouseButton.LeftButton)
    tab = window.enforcement_tab
    row = [i.key for i in INDICATORS].index("convictions")
    type_in_cell(qtbot, tab.table, tab.model.index(row, 1), "unavailable")
    qtbot.waitUntil(lambda: cell(window, "convictions", 2022) == "Unavailable")
    stored = store.enforcement.one(partner_code="PE", year=2022, indicator="convictions")
    assert (stored.value, stored.status) == (None, FigureStatus.UNAVAILABLE)

    type_in_cell(qtbot, tab.table, tab.model.index(row, 1), "several")
    QApplication.processEvents()
    assert "is not a number" in window.statusBar().currentMessage()
    assert store.enforcement.one(partner_code="PE", year=2022, indicator="convictions").status \
        == FigureStatus.UNAVAILABLE

    type_in_cell(qtbot, tab.table, tab.model.index(row, 1), "")  # empty: the figure is removed
    qtbot.waitUntil(lambda: cell(window, "convictions", 2022) is None)
    window.undo_action.trigger()
    assert cell(window, "convictions", 2022) == "Unavailable"
