"""Cells of the Excel workbook: how one value becomes one streamed cell, always as what it is.

Text is always written as text: openpyxl would turn a string starting with "=" into a
formula, so such cells get the string type explicitly. Text longer than Excel's cell limit
is cut visibly, with a marker saying how long the full text is.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Generic, TypeVar

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

R = TypeVar("R")

EXCEL_CELL_LIMIT = 32_767
TRUNCATION_MARK = "\n[… truncated by council-prep: the full text has {length:,} characters]"
WIDTH_SAMPLE = 2_000  # rows looked at to size a column
WRAP_FROM = 30  # shorter text fits any wrapped column on one line, so needs no wrapping style
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_ROW_HEIGHT = 409  # Excel's limit, in points


class Kind(Enum):
    """What a column holds, which decides its cell style and width."""

    TEXT = "text"  # short text on one line
    LONG = "long"  # paragraphs: wrapped in a wide column
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    NUMBER = "number"
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


_WIDTHS = {Kind.LONG: (30, 70), Kind.TEXT: (8, 40), Kind.URL: (12, 45), Kind.UID: (37, 37),
           Kind.DATE: (11, 12), Kind.DATETIME: (16, 17), Kind.TIME: (7, 8), Kind.NUMBER: (6, 10)}


def column_width(column: Column, values: list[Any]) -> float:
    """Fit the header and the longest line among the sampled values, within the kind's bounds."""
    low, high = _WIDTHS[column.kind]
    longest = len(column.header) + 4  # room for the filter button
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


@dataclass
class CellMaker:
    """Turns values into styled write-only cells: top-aligned (rows grow with their paragraphs),
    paragraphs wrapped, dates formatted, links working, and every string typed as a string."""

    sheet: WriteOnlyWorksheet
    truncated: int = 0  # texts cut to fit, reported on the Summary sheet
    lines: int = 1  # lines the tallest wrapped cell of the current row needs; the caller resets it
    _styles: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        top = Alignment(vertical="top")
        looks: dict[str, dict[str, Any]] = {
            "text": {}, "wrapped": {"alignment": Alignment(wrap_text=True, vertical="top")},
            "link": {"font": Font(color="0563C1", underline="single")},
            "datetime": {"number_format": "yyyy-mm-dd hh:mm"}, "date": {"number_format": "yyyy-mm-dd"},
            "time": {"number_format": "hh:mm"},
        }
        for name, attributes in looks.items():
            prototype = WriteOnlyCell(self.sheet)
            prototype.alignment = top
            for attribute, value in attributes.items():
                setattr(prototype, attribute, value)
            self._styles[name] = prototype._style  # shared by every cell of that look, never changed

    def converter(self, kind: Kind, width: float) -> Callable[[Any], Cell | None]:
        """The function that turns one column's values into cells."""
        if kind is Kind.LONG:
            return lambda value: self._wrap(value, width)
        if kind is Kind.URL:
            return self._url
        return lambda value: self._cell(value, "text")

    def _cell(self, value: Any, look: str) -> Cell | None:
        if value is None or value == "":
            return None
        made = WriteOnlyCell(self.sheet)
        if isinstance(value, str):
            if len(value) > EXCEL_CELL_LIMIT:
                value = excel_text(value)
                self.truncated += 1
            # Set as text directly: openpyxl's value setter would make a leading "=" a formula.
            # The records' text is already free of the control characters Excel refuses.
            made._value = value
            made.data_type = "s"
        elif isinstance(value, datetime):
            made.value = value.replace(tzinfo=None)  # Excel has no time zones: the wall-clock time as entered
            look = "datetime"
        elif isinstance(value, date):
            made.value = value
            look = "date"
        elif isinstance(value, time):
            made.value = value
            look = "time"
        else:
            made.value = value
        made._style = self._styles[look]
        return made

    def _wrap(self, value: Any, width: float) -> Cell | None:
        """A wrapped paragraph; counts its lines, since a row's height is not recomputed on opening."""
        if isinstance(value, str) and len(value) >= WRAP_FROM:
            per_line = max(1, int(width * 1.1))
            lines = sum(len(line) // per_line + 1 for line in value[:4_000].split("\n"))
            self.lines = max(self.lines, lines)
            return self._cell(value, "wrapped")
        return self._cell(value, "text")

    def _url(self, value: Any) -> Cell | None:
        made = self._cell(value, "link")
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

