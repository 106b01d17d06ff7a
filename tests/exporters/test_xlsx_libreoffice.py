"""LibreOffice opens the workbook: formula-like text stays text after its round trip, and the
Summary prints with its counts and charts."""

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from council_prep.book import assemble_book
from council_prep.exporters.xlsx import export_xlsx
from council_prep.store import Store
from tests.exporters.xlsx_data import HOSTILE_TEXTS, fill_meeting
from tests.helpers.office import convert, pdf_text, sheets_as_csv


@pytest.mark.slow
def test_libreoffice_keeps_text_as_text_and_prints_the_summary(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    (resaved,) = convert([path], "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved")
    (pdf,) = convert([path], "pdf", tmp_path / "pdf")

    sheet = openpyxl.load_workbook(resaved)["Questions"]
    headers = [c.value for c in sheet[1]]
    cells = [row for row in sheet.iter_rows(min_row=2)]
    texts = {row[0].value: row for row in cells}
    for text in HOSTILE_TEXTS:
        question, asker = texts[text][0], texts[text][headers.index("Asker")]
        assert (question.value, question.data_type, asker.value, asker.data_type) == (text, "s", text, "s")
    with zipfile.ZipFile(resaved) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
    assert b"<f>" not in xml and b"<f " not in xml

    printed = pdf_text(pdf)
    for words in ("CAFTA-DR Labor Affairs Council, 2027", "Questions by topic", "Law changes by partner",
                  "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)"):
        assert words in printed


@pytest.mark.slow
def test_libreoffice_csv_of_every_sheet_keeps_formula_like_text(store: Store, tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)
    path = export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")
    sheets = sheets_as_csv(path, tmp_path / "csv")
    assert {"Agenda", "Law changes", "Questions", "Submissions", "Summary"} <= set(sheets)
    with sheets["Questions"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_text = {row["Question"]: row for row in rows}
    for text in HOSTILE_TEXTS:
        assert by_text[text]["Asker"] == text  # what Excel or LibreOffice shows: the text, not a result
