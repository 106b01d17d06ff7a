"""The workbook as it prints, read back with openpyxl: page set-up, running header and footer, dates,
quote prefixes, wrapping; and the same again after LibreOffice has printed it to PDF."""

import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from council_prep.book import Profile, assemble_book
from council_prep.exporters.xlsx import export_xlsx
from council_prep.store import Store
from tests.exporters.xlsx_data import HOSTILE_TEXTS, fill_meeting
from tests.helpers.office import convert, pdf_pages

DATA_SHEETS = ["Agenda", "Law changes", "Questions", "Submissions"]
MARKING = "SENSITIVE BUT UNCLASSIFIED"


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def export(store: Store, meeting_id: int, path: Path, profile: Profile = Profile.INTERNAL) -> Path:
    return export_xlsx(assemble_book(store, meeting_id, profile=profile), path)


def headers(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_every_sheet_prints_landscape_one_page_wide_with_marking_and_page_numbers(
        store: Store, meeting_id: int, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(store, meeting_id, tmp_path / "book.xlsx"))
    assert book.sheetnames[0] == "Summary" and book.active.title == "Summary"
    for name in ["Summary", *DATA_SHEETS]:
        sheet = book[name]
        setup = sheet.page_setup
        assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 1 if name == "Summary"
                                                                             else 0), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert sheet.oddHeader.center.text == MARKING and sheet.oddFooter.center.text == MARKING, name
        assert sheet.oddFooter.right.text == "Page &P of &N", name
    for name in DATA_SHEETS:
        sheet = book[name]
        assert sheet.print_title_rows == "$1:$1", name
        last_printed = sheet.cell(1, len(headers(sheet)) - 1).column_letter
        assert sheet.print_area == f"'{name}'!$A$1:${last_printed}${max(2, sheet.max_row)}", name


def test_public_edition_prints_no_marking(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = export(store, meeting_id, tmp_path / "public.xlsx", Profile.PUBLIC)
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets[:-1]:  # the hidden Lists sheet is not printed
        assert not sheet.oddHeader.center.text and not sheet.oddFooter.center.text, sheet.title
        assert sheet.oddFooter.right.text == "Page &P of &N"
    summary = [c.value for row in book["Summary"].iter_rows() for c in row]
    assert MARKING not in summary and "Handling marking" not in summary
    assert MARKING.encode() not in b"".join(_parts(path).values())


def test_partial_dates_are_dates_showing_only_what_is_known(store: Store, meeting_id: int, tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(export(store, meeting_id, tmp_path / "book.xlsx"))["Submissions"]
    (filed,) = [row[headers(sheet).index("Filed")] for row in sheet.iter_rows(min_row=2)]
    assert filed.is_date and filed.value == datetime(2008, 4, 1) and filed.number_format == "yyyy-mm"


def test_formula_like_text_is_quoted_text_and_long_text_wraps(store: Store, meeting_id: int, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(store, meeting_id, tmp_path / "book.xlsx"))
    questions = book["Questions"]
    quoted = {c.value: c for row in questions.iter_rows(min_row=2) for c in row if c.quotePrefix}
    for text in HOSTILE_TEXTS:
        assert quoted[text].data_type == "s"
    assert book["Law changes"]["B3"].quotePrefix
    assert not any(c.quotePrefix for row in questions.iter_rows(min_row=2) for c in row
                   if isinstance(c.value, str) and not c.value.startswith(("=", "+", "-", "@")))
    for name in DATA_SHEETS:  # nothing cut off: text longer than its column wraps, in a row tall enough
        sheet = book[name]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                width = sheet.column_dimensions[cell.column_letter].width
                if cell.hyperlink:  # a link has no spaces to wrap at: it shrinks to fit its cell
                    assert cell.alignment.shrink_to_fit, (name, cell.coordinate)
                elif isinstance(cell.value, str) and len(cell.value) > 1.15 * width:  # more than a line holds
                    assert cell.alignment.wrap_text, (name, cell.coordinate, cell.value)
                    assert sheet.row_dimensions[cell.row].height >= 30, (name, cell.coordinate)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _page_texts(pdf: Path) -> list[str]:
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, pdf_pages(pdf) + 1)]


@pytest.mark.slow
def test_libreoffice_prints_every_sheet_one_page_wide_with_the_marking_on_every_page(
        store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = export(store, meeting_id, tmp_path / "book.xlsx")
    (pdf,) = convert([path], "pdf", tmp_path / "pdf")
    book = openpyxl.load_workbook(path)
    printed = {name: headers(book[name])[:-1] for name in DATA_SHEETS}  # the uid column is not printed
    pages = _page_texts(pdf)
    seen: dict[str, int] = {}
    for number, text in enumerate(pages, start=1):
        assert MARKING in text and f"Page {number} of {len(pages)}" in text, number
        footer = next(line for line in reversed(text.splitlines()) if "Page " in line)
        sheet_name = footer.split(MARKING)[0].strip()
        seen[sheet_name] = seen.get(sheet_name, 0) + 1
        if sheet_name in printed:  # one page wide, header repeated: each page has the whole header row
            first, last = printed[sheet_name][0], printed[sheet_name][-1]
            assert any(line.split()[:1] == first.split()[:1] and last in line for line in text.splitlines()
                       if line.strip()), (number, sheet_name, first, last)
    assert seen["Summary"] == 1
    assert set(seen) == {"Summary", *DATA_SHEETS}
