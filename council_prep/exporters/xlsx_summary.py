"""The workbook's Summary sheet: the meeting at a glance, counts tables, and bar charts of them."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from council_prep.book import Book, Profile
from council_prep.domain import Question, QuestionStatus, label
from council_prep.domain.fields import field as described
from council_prep.domain.fields import label_of
from council_prep.exporters.xlsx_print import edition_marking, set_up_printing

TITLE_FONT = Font(bold=True, size=16, color="1F4E79")
SUBTITLE_FONT = Font(italic=True, size=11, color="595959")
HEADING_FONT = Font(bold=True, size=12, color="1F4E79")
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="1F4E79")
KEY_FONT = Font(bold=True)
RULE = Border(bottom=Side(style="thin", color="BFBFBF"))
# Each counts table takes two columns and a narrow gap; the charts sit side by side below them.
TABLE_WIDTHS = (44, 11, 3, 16, 11, 3, 24, 11)
TITLE_LINE, TITLE_LINE_HEIGHT = 90, 22  # characters of the title per line across the tables, in points
CHART_HEIGHT_CM = 9.0
CHART_WIDTHS_CM = (11.0, 6.5, 9.5)


@dataclass(frozen=True)
class Counts:
    title: str
    label: str
    counts: dict[str, int]


@dataclass
class QuestionTally:
    """Questions counted by topic and by status as they stream past, for the Summary written after them."""

    total: int = 0
    topics: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)

    def add(self, questions: list[Question]) -> None:
        self.total += len(questions)
        self.topics.update(q.topic_key for q in questions)
        self.statuses.update(q.status for q in questions)


def summary_counts(book: Book, tally: QuestionTally) -> list[Counts]:
    """Questions by topic and by status, law changes by partner: the three tables and charts."""
    by_topic: Counter = Counter()
    for key, count in tally.topics.items():
        by_topic[book.topic_label(key)] += count
    return [
        Counts("Questions by topic", "Topic", dict(sorted(by_topic.items(), key=lambda kv: kv[0].casefold()))),
        Counts("Questions by status", "Status", {label(s): tally.statuses[s] for s in QuestionStatus
                                                 if tally.statuses[s]}),
        Counts("Law changes by partner", "Partner", book.count_by(
            book.law_changes, lambda c: book.partner_name(c.partner_code))),
    ]


def write_summary(sheet: WriteOnlyWorksheet, book: Book, tally: QuestionTally, truncated: int) -> None:
    """Fill the (write-only) Summary sheet; rows go top to bottom, so the layout is planned first."""
    for index, width in enumerate(TABLE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    set_up_printing(sheet, book, pages_tall=1)  # tables and charts side by side on one landscape page
    meeting = book.meeting
    public = book.profile is Profile.PUBLIC

    def styled(value: Any, font: Font | None = None, **looks: Any) -> Cell:
        made = WriteOnlyCell(sheet, value=value)
        made.data_type = "s" if isinstance(value, str) else made.data_type
        if font is not None:
            made.font = font
        for name, look in looks.items():
            setattr(made, name, look)
        return made

    # The title spans the tables' width and wraps there, so a long one is neither cut nor printed off the page.
    sheet.merged_cells.add(f"A1:{get_column_letter(len(TABLE_WIDTHS))}1")
    sheet.row_dimensions[1].height = TITLE_LINE_HEIGHT * (len(meeting.title) // TITLE_LINE + 1)
    sheet.append([styled(meeting.title, TITLE_FONT, alignment=Alignment(wrap_text=True, vertical="top"))])
    del sheet.row_dimensions[1]
    sheet.append([styled(book.agreement.name, SUBTITLE_FONT)])
    sheet.append([])
    details: list[tuple[str, Any]] = [
        (label_of("meeting", name), value) for name, value in (
            ("session_date", meeting.session_date),
            ("public_session_date", meeting.public_session_date or "—"),
            ("location", meeting.location or "—"),
            ("partner_codes", ", ".join(p.name for p in book.partners)),
            ("handling_marking", edition_marking(book) or "None"),
        ) if not (public and described("meeting", name).internal)
    ]
    details += [
        ("Edition", "Public (confidential askers withheld)" if public else "Internal"),
        ("Prepared on", book.prepared_on),
        ("Agenda", f"{len(book.schedule)} items, {book.total_minutes} of {meeting.length_minutes} minutes"),
        ("Law changes", len(book.law_changes)),
        ("Questions", tally.total),
        ("Open submissions", len(book.open_submissions)),
    ]
    if truncated:
        texts = "1 text was" if truncated == 1 else f"{truncated} texts were"
        details.append(("Note", f"{texts} longer than an Excel cell holds (32,767 characters) and end with "
                                "a truncation note; the store keeps them in full"))
    left = Alignment(horizontal="left")
    for key, value in details:
        cell = styled(value, alignment=left, border=RULE)
        if hasattr(value, "isoformat"):
            cell.number_format = "yyyy-mm-dd"
        sheet.append([styled(key, KEY_FONT, border=RULE), cell])
    sheet.append([])

    tables = summary_counts(book, tally)
    heading_row = len(details) + 5
    sheet.append(_side_by_side([styled(t.title, HEADING_FONT) for t in tables], [None] * 3))
    sheet.append(_side_by_side([styled(t.label, HEAD_FONT, fill=HEAD_FILL) for t in tables],
                               [styled("Count", HEAD_FONT, fill=HEAD_FILL, alignment=Alignment(horizontal="right"))
                                for _ in tables]))
    longest = max((len(t.counts) for t in tables), default=0)
    for row in range(longest):
        names: list[Any] = []
        numbers: list[Any] = []
        for table in tables:
            items = list(table.counts.items())
            names.append(styled(items[row][0], border=RULE) if row < len(items) else None)
            numbers.append(styled(items[row][1], border=RULE) if row < len(items) else None)
        sheet.append(_side_by_side(names, numbers))
    for index, table in enumerate(tables):
        if not table.counts:
            continue
        chart = _bar_chart(sheet, table, first_row=heading_row + 2, column=index * 3 + 1)
        chart.anchor = f"{get_column_letter(index * 3 + 1)}{heading_row + longest + 4}"
        sheet.add_chart(chart)


def _title(text: str) -> Title:
    """A chart title in a size that fits a narrow chart on one line."""
    look = CharacterProperties(sz=1100, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=look), r=[RegularTextRun(rPr=look, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _side_by_side(names: list[Any], numbers: list[Any]) -> list[Any]:
    row: list[Any] = []
    for name, number in zip(names, numbers, strict=True):
        row += [name, number, None]
    return row[:-1]


def _bar_chart(sheet: WriteOnlyWorksheet, table: Counts, *, first_row: int, column: int) -> BarChart:
    """A bar chart of one counts table (rows first_row.. below its header, in `column`)."""
    chart = BarChart()
    chart.type = "bar" if table.label == "Topic" else "col"  # long topic names read better on the side
    chart.title = _title(table.title)
    chart.style = 10
    chart.legend = None
    chart.height = max(CHART_HEIGHT_CM, 0.8 * len(table.counts) + 2)  # room for every topic's label
    chart.width = CHART_WIDTHS_CM[(column - 1) // 3]
    last = first_row + len(table.counts) - 1
    data = Reference(sheet, min_col=column + 1, min_row=first_row - 1, max_row=last)
    names = Reference(sheet, min_col=column, min_row=first_row, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(names)
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = "0"
    if max(table.counts.values()) <= 10:
        chart.y_axis.majorUnit = 1  # whole questions, not 0.2 of one
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.tickLblSkip = 1  # a label on every bar, never every other one
    if chart.type == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # first topic on top, as in the table
    return chart
