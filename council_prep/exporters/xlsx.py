"""The briefing book as an Excel workbook: a Summary first, then one filterable table per kind of record.

Every sheet is streamed (openpyxl write-only mode) and the questions are read from the store a
batch at a time as they are written (council_prep.book.stream), so memory stays flat however
many questions a meeting has. The Summary is the first sheet but is filled last, from counts
taken while the rows went by. The Questions sheet doubles as the import format: its headers
are ones the importer recognises, and its last column is the record's uid.
"""

import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from council_prep.book import Book, Profile
from council_prep.book.stream import BookStream
from council_prep.domain import Question
from council_prep.exporters.output import CancelCheck, ProgressCallback, atomic_output, check_cancelled
from council_prep.exporters.xlsx_brief_columns import (
    commitment_columns,
    enforcement_columns,
    figure_years,
    participant_columns,
    project_columns,
    seats,
)
from council_prep.exporters.xlsx_cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    WIDTH_SAMPLE,
    CellMaker,
    Column,
    Kind,
    column_width,
    header_cells,
)
from council_prep.exporters.xlsx_columns import (
    agenda_columns,
    choice_lists,
    law_change_columns,
    question_columns,
    submission_columns,
)
from council_prep.exporters.xlsx_print import set_up_printing
from council_prep.exporters.xlsx_streaming import StreamedWorkbook
from council_prep.exporters.xlsx_summary import QuestionTally, write_summary

REPORT_EVERY = 2_000  # rows between progress reports and cancellation checks
LISTS_SHEET = "Lists"


@dataclass(frozen=True)
class DataSheet:
    """A sheet of records: its title, the Excel table's name, its columns and its rows in batches."""

    title: str
    table: str
    columns: list[Column]
    batches: Iterable[list[Any]]
    size: int  # rows, for the progress; the questions are counted by the stream

    @classmethod
    def listed(cls, title: str, table: str, columns: list[Column], rows: list[Any]) -> "DataSheet":
        """A sheet whose rows are all in memory already (everything but the questions)."""
        return cls(title, table, columns, [rows], len(rows))


def export_xlsx(source: Book | BookStream, output: Path, *, progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None) -> Path:
    """Write the book to `output` (.xlsx) all or nothing; returns `output`.

    `source` is a book streamed from the store (book.stream.stream_book), or one already in memory.
    """
    output = Path(output)
    stream = source if isinstance(source, BookStream) else BookStream.of(source)
    book = stream.book
    tally = QuestionTally()
    sheets = data_sheets(stream, tally)
    total = sum(sheet.size for sheet in sheets)
    done = 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        check_cancelled(cancelled, output)
        if progress is not None:
            progress(done, total)

    with atomic_output(output) as temp:
        workbook = StreamedWorkbook()
        try:
            summary = workbook.create_sheet("Summary")  # first, and the one a reader sees on opening
            summary.sheet_view.tabSelected = True
            used = {c.choices for s in sheets for c in s.columns if c.choices}
            lists = {name: values for name, values in choice_lists(book).items() if name in used}
            names = _define_list_names(workbook, lists)
            truncated = sum(_write_data_sheet(workbook, sheet, book, names, advance) for sheet in sheets)
            write_summary(summary, book, tally, truncated)
            _write_lists(workbook, lists)
            check_cancelled(cancelled, output)
        except BaseException:
            workbook.discard()
            raise
        workbook.save(temp)
    return output


def data_sheets(stream: BookStream, tally: QuestionTally) -> list[DataSheet]:
    """The tables, with the columns of the book's edition; questions counted into `tally` as they go."""
    book = stream.book
    public = book.profile is Profile.PUBLIC
    originals: dict[int, str] = {}

    def questions() -> Iterator[list[Question]]:
        for batch in stream.question_batches():
            originals.clear()
            originals.update(stream.uids_of([q.duplicate_of for q in batch if q.duplicate_of]))
            tally.add(batch)
            yield batch

    def edition(columns: list[Column]) -> list[Column]:
        return [c for c in columns if not (public and c.internal)]

    sheets = [
        DataSheet.listed("Agenda", "Agenda", edition(agenda_columns(book)), book.schedule),
        DataSheet.listed("Law changes", "LawChanges", edition(law_change_columns(book)), book.law_changes),
        DataSheet("Questions", "Questions", edition(question_columns(book, originals)), questions(),
                  stream.question_count),
        DataSheet.listed("Submissions", "Submissions", edition(submission_columns(book)), book.submissions),
    ]
    brief = book.brief
    if brief is not None:  # the internal edition's brief, a sheet for each part it holds
        parts = [
            DataSheet.listed("Participants", "Participants", edition(participant_columns()), seats(brief.delegations)),
            DataSheet.listed("Commitments", "Commitments", edition(commitment_columns(book, brief)), brief.commitments),
            DataSheet.listed("Enforcement", "Enforcement", edition(enforcement_columns()), figure_years(brief)),
            DataSheet.listed("Projects", "Projects", edition(project_columns(book, brief)), brief.projects),
        ]
        sheets += [part for part in parts if part.size]
    return sheets


def _define_list_names(workbook: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Name each list's range on the Lists sheet (column per list, values from row 2); returns list -> name."""
    names = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        defined = f"list_{name}"
        workbook.defined_names[defined] = DefinedName(
            defined, attr_text=f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}")
        names[name] = defined
    return names


def _write_lists(workbook: Workbook, lists: dict[str, list[str]]) -> None:
    """A hidden last sheet holding the drop-down lists (too long for lists written inline)."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    names = list(lists)
    sheet.append(names)
    for row in range(max((len(v) for v in lists.values()), default=0)):
        sheet.append([lists[n][row] if row < len(lists[n]) else None for n in names])


def _write_data_sheet(workbook: Workbook, spec: DataSheet, book: Book, lists: dict[str, str],
                      advance: Callable[[int], None]) -> int:
    """Write one table of records; returns how many texts had to be cut to fit Excel's limit."""
    sheet = workbook.create_sheet(spec.title)
    columns = spec.columns
    getters = [c.get for c in columns]
    batches = iter(spec.batches)
    first = next(batches, [])
    sample = [[get(r) for get in getters] for r in first[:WIDTH_SAMPLE]]
    widths = [column_width(column, [row[index] for row in sample]) for index, column in enumerate(columns)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    set_up_printing(sheet, book, title_rows="1:1")
    sheet.append(header_cells(sheet, [c.header for c in columns]))
    _take_cells_as_they_are(sheet)

    maker = CellMaker(sheet)
    pairs = [(get, maker.converter(c.kind, width)) for get, c, width in zip(getters, columns, widths, strict=True)]
    top = maker.top
    heights = sheet.row_dimensions
    number = 1
    for batch in _chain(first, batches):
        for record in batch:
            number += 1
            maker.lines = 1
            row = [convert(get(record)) for get, convert in pairs]
            if maker.lines > 1:  # a tall row: every cell at its top, its height set as it is not recomputed on opening
                row = [top(v) if v is not None and not isinstance(v, Cell) else v for v in row]
                heights[number].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * maker.lines)
                sheet.append(row)
                del heights[number]  # a streamed sheet keeps no rows
            else:
                sheet.append(row)
        advance(len(batch))

    last_row, last_col = max(2, number), get_column_letter(len(columns))
    printed = len(columns) - (columns[-1].kind is Kind.UID)  # the uid is for machines
    sheet.print_area = f"A1:{get_column_letter(max(1, printed))}{last_row}"
    _add_validations(sheet, columns, lists, last_row)
    ref = f"A1:{last_col}{last_row}"
    table = Table(displayName=spec.table, ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.tableColumns = [TableColumn(id=n, name=c.header) for n, c in enumerate(columns, start=1)]
    with warnings.catch_warnings():  # openpyxl always warns in write-only mode; the columns are set above
        warnings.simplefilter("ignore", UserWarning)
        sheet.add_table(table)
    return maker.truncated


def _take_cells_as_they_are(sheet: Any) -> None:
    """Let the sheet's `append` take styled cells straight away.

    openpyxl's write-only `append` first tries every value as a plain value and, for a styled cell,
    raises and catches an error (formatting the cell's repr) before taking it as a cell: a tenth of
    the time of a large sheet. The rows here hold cells and plain values already typed, so this
    replaces, for this sheet only, the step that turns a row's values into cells.
    """
    def values_to_row(values: list[Any], row_index: int) -> Iterator[Cell]:
        plain = WriteOnlyCell(sheet)
        for column_index, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                if plain.has_style:  # a value that brought a number format of its own
                    plain = WriteOnlyCell(sheet)
                cell = plain
                cell.value = value
            cell.column, cell.row = column_index, row_index
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell

    sheet._values_to_row = values_to_row


def _chain(first: list[Any], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    if first:
        yield first
    yield from rest


def _add_validations(sheet: Any, columns: list[Column], lists: dict[str, str], last_row: int) -> None:
    for index, column in enumerate(columns, start=1):
        if column.choices is None:
            continue
        letter = get_column_letter(index)
        validation = DataValidation(type="list", formula1=lists[column.choices], allow_blank=True,
                                    showErrorMessage=column.strict, errorStyle="stop",
                                    error=f"Choose one of the listed values for {column.header}.",
                                    errorTitle=column.header)
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.data_validations.append(validation)
