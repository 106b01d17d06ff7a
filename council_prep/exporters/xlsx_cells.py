"""Cells of the Excel workbook: how one value becomes one streamed cell, always as what it is.

Only cells that need a style get one, and every style is made once per workbook and shared:
text too long for its column wraps (and the row is made tall enough to show it all), text that
a spreadsheet would take for a formula is typed as text with a quote prefix (editing it in Excel
keeps it text), dates carry a date format, links look like links. A plain short value is written
as a plain value, which openpyxl streams fastest.

Text longer than Excel's cell limit is cut visibly, with a marker saying how long the full text is.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Generic, TypeVar

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from council_prep.domain.fields import field as described

R = TypeVar("R")

EXCEL_CELL_LIMIT = 32_767
TRUNCATION_MARK = "\n[… truncated by council-prep: the full text has {length:,} characters]"
WIDTH_SAMPLE = 2_000  # rows looked at to size a column
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_ROW_HEIGHT = 409  # Excel's limit, in points
FORMULA_STARTS = ("=", "+", "-", "@")  # what Excel and LibreOffice read as the start of a formula
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Kind(Enum):
    """What a column holds, which decides its cell style and width."""

    TEXT = "text"  # short text, wrapped only when longer than its column
    LONG = "long"  # paragraphs, in a wider column
    DATE = "date"
    PARTIAL_DATE = "partial date"  # "2011", "2011-06" or "2011-06-14": a date showing only what is known
    DATETIME = "datetime"
    TIME = "time"
    NUMBER = "number"
    FIGURE = "figure"  # a statistic: a number with thousands separators, or a word ("Unavailable", "Yes")
    URL = "url"  # a working link
    UID = "uid"  # the record's identity, kept last and narrow


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a data sheet: header, how to get the value from a record, and a drop-down list."""

    header: str
    get: Callable[[R], Any]
    kind: Kind = Kind.TEXT
    choices: str | None = None  # name of a list on the Lists sheet offered as a drop-down
    strict: bool = True  # False: the drop-down suggests, but other values (several topics) are allowed
    internal: bool = False  # left out of the public edition

    @classmethod
    def of(cls, record_kind: str, name: str, get: Callable[[R], Any], kind: Kind = Kind.TEXT,
           **options: Any) -> "Column[R]":
        """The column of a described field: header and sensitivity come from the field registry."""
        spec = described(record_kind, name)
        return cls(spec.header, get, kind, internal=spec.internal, **options)


# Narrow enough that a sheet printed one page wide stays legible; longer text wraps.
_WIDTHS = {Kind.LONG: (30, 40), Kind.TEXT: (8, 24), Kind.URL: (12, 40), Kind.UID: (37, 37),
           Kind.DATE: (11, 11), Kind.PARTIAL_DATE: (11, 11), Kind.DATETIME: (17, 17), Kind.TIME: (7, 8),
           Kind.NUMBER: (6, 10), Kind.FIGURE: (10, 22)}


def column_width(column: Column, values: list[Any]) -> float:
    """Fit the header and the longest line among the sampled values, within the kind's bounds."""
    low, high = _WIDTHS[column.kind]
    longest = len(column.header) + 3  # room for the filter button
    for value in values[:WIDTH_SAMPLE]:
        if isinstance(value, str) and value:
            longest = max(longest, max(len(line) for line in value.split("\n")[:20]))
    return float(max(low, min(high, longest + 1)))


def excel_text(text: str) -> str:
    """`text` if it fits in a cell, else its head with a visible note of the full length."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    mark = TRUNCATION_MARK.format(length=len(text))
    return text[:EXCEL_CELL_LIMIT - len(mark)] + mark


def partial_date(text: str) -> tuple[date, str] | None:
    """A stored partial date as the first day it may mean and the number format showing only what is known."""
    found = _PARTIAL_DATE.match(text)
    if not found:
        return None
    year, month, day = found.groups()
    try:
        first = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return first, "yyyy-mm-dd" if day else "yyyy-mm" if month else "yyyy"


def line_count(text: str, width: float) -> int:
    """Lines a wrapped cell of `width` needs, erring long so that nothing is cut off: a width unit
    holds about 1.15 characters of Calibri but only about one of the wider fonts that stand in for
    it where Calibri is missing (LibreOffice on Linux), less one lost where a word does not fit."""
    per_line = max(1, int(width * 0.95) - 1)
    return sum(len(line) // per_line + 1 for line in text[:4_000].split("\n"))


TOP, WRAPPED = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
SHRUNK = Alignment(vertical="top", shrink_to_fit=True)  # a link has no spaces to wrap at: it is made to fit
# The looks a cell may take, each alone or with wrapping or a quote prefix. A styled cell sits at
# the top of its row, where a row made tall by a paragraph starts.
LOOKS: dict[str, dict[str, Any]] = {
    "text": {}, "link": {"font": Font(color="0563C1", underline="single")},
    "datetime": {"number_format": "yyyy-mm-dd hh:mm"}, "time": {"number_format": "hh:mm"},
    "yyyy-mm-dd": {"number_format": "yyyy-mm-dd"}, "yyyy-mm": {"number_format": "yyyy-mm"},
    "yyyy": {"number_format": "yyyy"}, "figure": {"number_format": "#,##0"},
}


@dataclass
class CellMaker:
    """Turns values into write-only cells, styling only those that need it, with shared styles."""

    sheet: WriteOnlyWorksheet
    truncated: int = 0  # texts cut to fit, reported on the Summary sheet
    lines: int = 1  # lines the tallest wrapped cell of the current row needs; the caller resets it
    _styles: dict[tuple[str, bool, bool], Any] = field(default_factory=dict)

    def _style(self, look: str, wrapped: bool = False, quoted: bool = False) -> Any:
        """The shared style of a look, made on first use (a style array copied by every cell of that look)."""
        key = (look, wrapped, quoted)
        if key not in self._styles:
            prototype = WriteOnlyCell(self.sheet)
            prototype.alignment = WRAPPED if wrapped else SHRUNK if look == "link" else TOP
            for attribute, value in LOOKS[look].items():
                setattr(prototype, attribute, value)
            if quoted:
                prototype.quotePrefix = True
            self._styles[key] = prototype._style
        return self._styles[key]

    def converter(self, kind: Kind, width: float) -> Callable[[Any], Any]:
        """The function that turns one column's values into cells or plain values."""
        if kind is Kind.URL:
            return lambda value: self._url(value, width)
        if kind is Kind.PARTIAL_DATE:
            return lambda value: self._partial_date(value, width)
        if kind in (Kind.DATE, Kind.DATETIME, Kind.TIME):
            return self._moment
        if kind is Kind.NUMBER:
            return lambda value: None if value is None or value == "" else value
        if kind is Kind.FIGURE:
            return lambda value: self._figure(value, width)
        return lambda value: self.text(value, width)

    def text(self, value: str, width: float, look: str = "text") -> Any:
        """Text as text: plain when short, wrapped when longer than its column (the row grows to show
        it all), quoted when it looks like a formula."""
        if not value:
            return None
        if len(value) > EXCEL_CELL_LIMIT:
            value = excel_text(value)
            self.truncated += 1
        quoted = value.startswith(FORMULA_STARTS)
        wrapped = False
        if look != "link" and (len(value) >= width or "\n" in value):
            lines = line_count(value, width)
            if lines > 1:
                self.lines = max(self.lines, lines)
                wrapped = True
        if look == "text" and not wrapped and not quoted:
            return value  # safe as a plain value: no leading "=", and the records' text is already clean
        made = WriteOnlyCell(self.sheet)
        # Set as text directly: openpyxl's value setter would make a leading "=" a formula.
        made._value = value
        made.data_type = "s"
        made._style = self._style(look, wrapped, quoted)
        return made

    def top(self, value: Any) -> Cell:
        """A plain value in a row made tall by a wrapped neighbour, moved to the top to read beside it."""
        made = WriteOnlyCell(self.sheet)
        if isinstance(value, str):
            made._value, made.data_type = value, "s"
        else:
            made.value = value
        made._style = self._style("text")
        return made

    def _moment(self, value: date | time | None) -> Cell | None:
        if value is None:
            return None
        made = WriteOnlyCell(self.sheet)
        if isinstance(value, datetime):
            made.value = value.replace(tzinfo=None)  # Excel has no time zones: the wall-clock time as entered
            made._style = self._style("datetime")
        else:
            made.value = value
            made._style = self._style("time" if isinstance(value, time) else "yyyy-mm-dd")
        return made

    def _partial_date(self, value: str | None, width: float) -> Any:
        """A real date showing only the known part ("2011-06"): it sorts and filters as a date."""
        if not value:
            return None
        known = partial_date(value)
        if known is None:
            return self.text(value, width)
        made = WriteOnlyCell(self.sheet, value=known[0])
        made._style = self._style(known[1])
        return made

    def _figure(self, value: float | str | None, width: float) -> Any:
        """A number shown with thousands separators (1,250,000), or the word a figure is given as."""
        if value is None or isinstance(value, str):
            return self.text(value or "", width)
        made = WriteOnlyCell(self.sheet, value=value)
        made._style = self._style("figure")
        return made

    def _url(self, value: str, width: float) -> Any:
        made = self.text(value, width, look="link")
        if made is not None and value.lower().startswith(("http://", "https://")):
            made.hyperlink = value
        return made


def header_cells(sheet: WriteOnlyWorksheet, headers: list[str]) -> list[Cell]:
    """The header row: bold on a dark band, so it reads as one even where table styles are not drawn."""
    font = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    align = Alignment(vertical="center", wrap_text=False)
    cells = []
    for header in headers:
        made = WriteOnlyCell(sheet, value=header)
        made.font, made.fill, made.alignment = font, fill, align
        cells.append(made)
    return cells
