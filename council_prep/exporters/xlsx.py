"""The briefing book as an Excel workbook: one filterable table per kind of record, and a Summary.

Every sheet is streamed (openpyxl write-only mode), so a meeting with a hundred thousand
questions is written in bounded memory. The Questions sheet doubles as the import format:
its headers are ones the importer recognises, and its last column is the record's uid.
"""

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from council_prep.book import Book, Profile
from council_prep.domain import (
    AgendaStatus,
    AskerType,
    Channel,
    InstrumentType,
    LawChangeStatus,
    QuestionStatus,
    SubmissionStatus,
    label,
)
from council_prep.exporters.output import CancelCheck, ProgressCallback, atomic_output, check_cancelled
from council_prep.exporters.xlsx_cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    CellMaker,
    Column,
    Kind,
    column_width,
    header_cells,
)
from council_prep.exporters.xlsx_streaming import StreamedWorkbook
from council_prep.exporters.xlsx_summary import write_summary

REPORT_EVERY = 2_000  # rows between progress reports and cancellation checks
YES, NO = "Yes", "No"
LISTS_SHEET = "Lists"


@dataclass(frozen=True)
class DataSheet:
    """A sheet of records: its title, the Excel table's name, its columns and its rows."""

    title: str
    table: str
    columns: list[Column]
    records: Sequence[Any]


def export_xlsx(book: Book, output: Path, *, progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None) -> Path:
    """Write `book` to `output` (.xlsx) all or nothing; returns `output`."""
    output = Path(output)
    sheets = data_sheets(book)
    total = sum(len(s.records) for s in sheets)
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
            lists = choice_lists(book)
            names = _define_list_names(workbook, lists)
            truncated = sum(_write_data_sheet(workbook, sheet, names, advance) for sheet in sheets)
            write_summary(workbook.create_sheet("Summary"), book, truncated)
            _write_lists(workbook, lists)
            check_cancelled(cancelled, output)
        except BaseException:
            workbook.discard()
            raise
        workbook.save(temp)
    return output


def data_sheets(book: Book) -> list[DataSheet]:
    public = book.profile is Profile.PUBLIC
    return [
        DataSheet("Agenda", "Agenda", agenda_columns(book, public), book.schedule),
        DataSheet("Law changes", "LawChanges", law_change_columns(book, public), book.law_changes),
        DataSheet("Questions", "Questions", question_columns(book), book.questions),
        DataSheet("Submissions", "Submissions", submission_columns(book), book.submissions),
    ]


def _topics(book: Book, keys: list[str]) -> str:
    return "; ".join(book.topic_label(k) for k in keys)


def _enum(value: StrEnum) -> str:
    return label(value)


def agenda_columns(book: Book, public: bool) -> list[Column]:
    columns: list[Column] = [
        Column("#", lambda s: s.item.position, Kind.NUMBER),
        Column("Starts", lambda s: s.slot.starts, Kind.TIME),
        Column("Ends", lambda s: s.slot.ends, Kind.TIME),
        Column("Item", lambda s: s.item.title, Kind.LONG),
        Column("Topic", lambda s: book.topic_label(s.item.topic_key) if s.item.topic_key else "", choices="topics"),
        Column("Lead", lambda s: s.item.lead),
        Column("Minutes", lambda s: s.item.minutes, Kind.NUMBER),
        Column("Status", lambda s: _enum(s.item.status), choices="agenda_statuses"),
        Column("Objective", lambda s: s.item.objective, Kind.LONG),
    ]
    if not public:
        columns.append(Column("Talking points", lambda s: "\n".join(f"• {p}" for p in s.item.talking_points),
                              Kind.LONG))
    columns += [
        Column("Background", lambda s: s.item.background, Kind.LONG),
        Column("Law changes", lambda s: "\n".join(c.title for c in s.law_changes), Kind.LONG),
        Column("Submissions", lambda s: "\n".join(x.identifier for x in s.submissions), Kind.LONG),
        Column("uid", lambda s: s.item.uid, Kind.UID),
    ]
    return columns


def law_change_columns(book: Book, public: bool) -> list[Column]:
    columns: list[Column] = [
        Column("Partner", lambda c: book.partner_name(c.partner_code)),
        Column("Title", lambda c: c.title, Kind.LONG),
        Column("Instrument type", lambda c: _enum(c.instrument_type), choices="instrument_types"),
        Column("Status", lambda c: _enum(c.status), choices="law_change_statuses"),
        Column("Introduced", lambda c: c.introduced_on, Kind.DATE),
        Column("Adopted", lambda c: c.adopted_on, Kind.DATE),
        Column("Effective", lambda c: c.effective_on, Kind.DATE),
        Column("Topics", lambda c: _topics(book, c.topic_keys), choices="topics", strict=False),
        Column("Summary", lambda c: c.summary, Kind.LONG),
        Column("Source", lambda c: c.source_citation),
        Column("Source URL", lambda c: c.source_url, Kind.URL),
    ]
    if not public:
        columns += [Column("Assessment", lambda c: c.assessment, Kind.LONG),
                    Column("Follow-up", lambda c: c.follow_up, Kind.LONG)]
    columns.append(Column("uid", lambda c: c.uid, Kind.UID))
    return columns


def question_columns(book: Book) -> list[Column]:
    """The import format too: every header here is one the question importer knows."""
    uids = {q.id: q.uid for q in book.questions}
    return [
        Column("Question", lambda q: q.text, Kind.LONG),
        Column("Asker", lambda q: q.asker_name),
        Column("Organization", lambda q: q.organization),
        Column("Asker type", lambda q: _enum(q.asker_type), choices="asker_types"),
        Column("Topic", lambda q: book.topic_label(q.topic_key) if q.topic_key else "", choices="topics"),
        Column("Channel", lambda q: _enum(q.channel), choices="channels"),
        Column("Received", lambda q: q.received_at, Kind.DATETIME),
        Column("Status", lambda q: _enum(q.status), choices="question_statuses"),
        Column("Assignee", lambda q: q.assignee),
        Column("Suggested answer", lambda q: q.suggested_answer, Kind.LONG),
        Column("Confidential", lambda q: YES if q.confidential else NO, choices="yes_no"),
        Column("Duplicate of", lambda q: uids.get(q.duplicate_of, ""), Kind.UID),
        Column("uid", lambda q: q.uid, Kind.UID),
    ]


def submission_columns(book: Book) -> list[Column]:
    return [
        Column("Identifier", lambda s: s.identifier),
        Column("Partner", lambda s: book.partner_name(s.partner_code)),
        Column("Filed", lambda s: s.date_filed or "", Kind.DATE),
        Column("Submitters", lambda s: "\n".join(s.submitters), Kind.LONG),
        Column("Topics", lambda s: _topics(book, s.topic_keys), choices="topics", strict=False),
        Column("Status", lambda s: _enum(s.status), choices="submission_statuses"),
        Column("Status note", lambda s: s.status_note, Kind.LONG),
        Column("Summary", lambda s: s.summary, Kind.LONG),
        Column("uid", lambda s: s.uid, Kind.UID),
    ]


def choice_lists(book: Book) -> dict[str, list[str]]:
    """The drop-down lists, in the words the sheets use."""
    return {
        "topics": [t.label for t in book.topics.values()],
        "asker_types": [label(v) for v in AskerType],
        "channels": [label(v) for v in Channel],
        "question_statuses": [label(v) for v in QuestionStatus],
        "law_change_statuses": [label(v) for v in LawChangeStatus],
        "instrument_types": [label(v) for v in InstrumentType],
        "agenda_statuses": [label(v) for v in AgendaStatus],
        "submission_statuses": [label(v) for v in SubmissionStatus],
        "yes_no": [YES, NO],
    }


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
    for row in range(max(len(v) for v in lists.values())):
        sheet.append([lists[n][row] if row < len(lists[n]) else None for n in names])


def _write_data_sheet(workbook: Workbook, sheet_spec: DataSheet, lists: dict[str, str],
                      advance: Callable[[int], None]) -> int:
    """Write one table of records; returns how many texts had to be cut to fit Excel's limit."""
    sheet = workbook.create_sheet(sheet_spec.title)
    columns, records = sheet_spec.columns, sheet_spec.records
    getters = [c.get for c in columns]
    kinds = [c.kind for c in columns]
    sample = [[get(r) for get in getters] for r in records[:2_000]]
    widths = [column_width(column, [row[index] for row in sample]) for index, column in enumerate(columns)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"  # the header on every printed page
    last_row = max(2, len(records) + 1)
    last_col = get_column_letter(len(columns))
    _add_validations(sheet, columns, lists, last_row)
    ref = f"A1:{last_col}{last_row}"
    table = Table(displayName=sheet_spec.table, ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.tableColumns = [TableColumn(id=n, name=c.header) for n, c in enumerate(columns, start=1)]
    with warnings.catch_warnings():  # openpyxl always warns in write-only mode; the columns are set above
        warnings.simplefilter("ignore", UserWarning)
        sheet.add_table(table)

    sheet.append(header_cells(sheet, [c.header for c in columns]))
    maker = CellMaker(sheet)
    pairs = [(get, maker.converter(kind, width)) for get, kind, width in zip(getters, kinds, widths, strict=True)]
    pending = 0
    heights = sheet.row_dimensions
    for number, record in enumerate(records, start=2):
        maker.lines = 1
        row = [convert(get(record)) for get, convert in pairs]
        if maker.lines > 1:  # set just for this row, then dropped: a streamed sheet keeps no rows
            heights[number].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * maker.lines)
            sheet.append(row)
            del heights[number]
        else:
            sheet.append(row)
        pending += 1
        if pending == REPORT_EVERY:
            advance(pending)
            pending = 0
    advance(pending)
    return maker.truncated


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
