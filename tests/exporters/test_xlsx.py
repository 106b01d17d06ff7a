"""The workbook read back with openpyxl: structure of every sheet, text kept as text, profiles, CLI."""

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from council_prep.book import WITHHELD, Profile, assemble_book
from council_prep.cli import main
from council_prep.exporters.output import ExportCancelled
from council_prep.exporters.xlsx import export_xlsx
from council_prep.exporters.xlsx_cells import EXCEL_CELL_LIMIT
from council_prep.store import Store
from tests.exporters.xlsx_data import HOSTILE_TEXTS, LONG_ANSWER, fill_meeting

DATA_SHEETS = ["Agenda", "Law changes", "Questions", "Submissions"]


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


@pytest.fixture
def workbook_path(store: Store, meeting_id: int, tmp_path: Path) -> Path:
    return export_xlsx(assemble_book(store, meeting_id), tmp_path / "book.xlsx")


def header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def column(sheet, name: str) -> list:
    index = header(sheet).index(name)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def test_sheets_are_filterable_tables_with_frozen_headers_and_uid_last(workbook_path: Path) -> None:
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == ["Summary", *DATA_SHEETS, "Lists"]
    assert book.active.title == "Summary" and book["Summary"].sheet_view.tabSelected
    assert book["Lists"].sheet_state == "hidden"
    for name in DATA_SHEETS:
        sheet = book[name]
        (table,) = sheet.tables.values()
        assert table.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{max(2, sheet.max_row)}"
        assert table.autoFilter.ref == table.ref
        assert [c.name for c in table.tableColumns] == header(sheet)
        assert sheet.freeze_panes == "A2"
        assert header(sheet)[-1] == "uid"
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(6 <= w <= 70 for w in widths), widths
    questions = book["Questions"]
    assert questions.column_dimensions["A"].width > questions.column_dimensions["D"].width


def test_dropdowns_offer_the_listed_words(workbook_path: Path) -> None:
    book = openpyxl.load_workbook(workbook_path)
    lists = book["Lists"]

    def offered(sheet_name: str, header_name: str) -> list[str]:
        sheet = book[sheet_name]
        letter = sheet.cell(1, header(sheet).index(header_name) + 1).column_letter
        (validation,) = [v for v in sheet.data_validations.dataValidation if f"{letter}2" in v.sqref]
        assert validation.type == "list"
        target = book.defined_names[validation.formula1].attr_text
        return [c.value for row in lists[target.split("!")[1].replace("$", "")] for c in row]

    assert offered("Questions", "Status") == ["New", "Assigned", "Answered", "Withdrawn"]
    assert "Workers' organization" in offered("Questions", "Asker type")
    assert "Freedom of association" in offered("Questions", "Topic")
    assert offered("Law changes", "Status")[:2] == ["Proposed", "Adopted"]
    assert "Dispute settlement" in offered("Submissions", "Status")
    assert "Draft" in offered("Agenda", "Status")


def test_dates_are_dates_links_work_and_long_text_wraps(workbook_path: Path) -> None:
    book = openpyxl.load_workbook(workbook_path)
    questions = book["Questions"]
    received = [c for c in column(questions, "Received") if c.value is not None]
    assert datetime(2027, 2, 1, 10, 30) in [c.value for c in received]
    assert all(c.is_date and c.number_format == "yyyy-mm-dd hh:mm" for c in received)
    paragraphs = [c for name in ("Question", "Suggested answer") for c in column(questions, name)
                  if c.value and len(c.value) > 50]  # more than a line of the column holds
    assert paragraphs and all(c.alignment.wrap_text for c in paragraphs)
    rows = list(questions.iter_rows(min_row=2))
    tall = [row for row in rows if any(c.alignment.wrap_text for c in row)]
    assert tall and all(questions.row_dimensions[row[0].row].height >= 30 for row in tall)
    assert all(c.alignment.vertical == "top" for row in tall for c in row if c.value is not None)
    plain = [c for row in rows if row not in tall for c in row if isinstance(c.value, str) and not c.quotePrefix]
    assert plain and all(c.style_id == 0 for c in plain)  # only the cells that need a style have one
    changes = book["Law changes"]
    (introduced, _) = column(changes, "Introduced")
    assert introduced.is_date and introduced.value.date().isoformat() == "2017-01-10"
    link = next(c for c in column(changes, "Source URL") if c.value)
    assert link.hyperlink.target == "https://example.org/decree-7-2017"
    agenda = book["Agenda"]
    assert [c.value.strftime("%H:%M") for c in column(agenda, "Starts")][:2] == ["09:30", "10:00"]


def test_text_that_looks_like_a_formula_stays_text(workbook_path: Path) -> None:
    book = openpyxl.load_workbook(workbook_path)
    questions = book["Questions"]
    texts = {c.value: c for c in column(questions, "Question")}
    for text in HOSTILE_TEXTS:
        assert texts[text].data_type == "s"
    assert book["Law changes"]["B3"].value == '=HYPERLINK("http://evil","click")'
    with zipfile.ZipFile(workbook_path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = b"".join(archive.read(n) for n in names)
    assert b"<f>" not in xml and b"<f " not in xml  # no formula anywhere in the workbook
    assert b't="inlineStr"><is><t>=1+1</t>' in xml


def test_text_over_the_cell_limit_is_cut_visibly(workbook_path: Path) -> None:
    book = openpyxl.load_workbook(workbook_path)
    answers = [c.value for c in column(book["Questions"], "Suggested answer") if c.value]
    (answer,) = answers
    assert len(answer) == EXCEL_CELL_LIMIT
    assert answer.startswith(LONG_ANSWER[:1000])
    assert answer.endswith(f"the full text has {len(LONG_ANSWER):,} characters]")
    summary = [c.value for row in book["Summary"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("longer than an Excel cell" in text for text in summary)


def test_public_profile_leaves_out_confidential_askers(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = export_xlsx(assemble_book(store, meeting_id, profile=Profile.PUBLIC), tmp_path / "public.xlsx")
    book = openpyxl.load_workbook(path)
    everything = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
    assert "Confidential Person" not in everything and "Hidden Org" not in everything
    assert WITHHELD in everything
    assert "Assessment" not in header(book["Law changes"]) and "Positive step." not in everything
    assert "Talking points" not in header(book["Agenda"])


def test_summary_has_counts_and_bar_charts(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path)["Summary"]
    assert sheet["A1"].value == "CAFTA-DR Labor Affairs Council, 2027"
    cells = {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    heading = next(r for (r, col), v in cells.items() if v == "Questions by topic")
    by_topic = {cells[(r, 1)]: cells[(r, 2)] for r in range(heading + 2, heading + 20) if (r, 1) in cells}
    assert by_topic["Freedom of association"] == 2 and by_topic["Other"] == 5
    by_partner = {cells[(r, 7)]: cells[(r, 8)] for r in range(heading + 2, heading + 5) if (r, 7) in cells}
    assert by_partner == {"Guatemala": 1, "Honduras": 1}
    charts = sheet._charts
    assert [c.title.tx.rich.p[0].r[0].t for c in charts] == [
        "Questions by topic", "Questions by status", "Law changes by partner"]
    assert all(c.tagname == "barChart" for c in charts)
    anchors = [(c.anchor._from.col, c.anchor._from.row) for c in charts]
    assert len({row for _, row in anchors}) == 1 and anchors[0][0] < anchors[1][0] < anchors[2][0]


def test_progress_is_reported_and_cancel_leaves_no_file(store: Store, meeting_id: int, tmp_path: Path) -> None:
    book = assemble_book(store, meeting_id)
    seen: list[tuple[int, int]] = []
    export_xlsx(book, tmp_path / "a.xlsx", progress=lambda done, total: seen.append((done, total)))
    total = len(book.schedule) + len(book.law_changes) + len(book.questions) + len(book.submissions)
    assert seen[-1] == (total, total)
    with pytest.raises(ExportCancelled):
        export_xlsx(book, tmp_path / "b.xlsx", cancelled=lambda: True)
    assert not (tmp_path / "b.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b")] == []


def test_cli_writes_the_workbook(store_path: Path, store: Store, meeting_id: int, tmp_path: Path) -> None:
    store.close()
    output = tmp_path / "cli.xlsx"
    result = CliRunner().invoke(main, ["export", "xlsx", "--store", str(store_path), "--meeting", str(meeting_id),
                                       "-o", str(output), "--profile", "public"])
    assert result.exit_code == 0, result.output
    questions = openpyxl.load_workbook(output)["Questions"]
    assert WITHHELD in [c.value for c in column(questions, "Asker")]
    missing = CliRunner().invoke(main, ["export", "xlsx", "--store", str(store_path), "--meeting", "99",
                                        "-o", str(tmp_path / "none.xlsx")])
    assert missing.exit_code == 1 and "No meeting with id 99" in missing.output
