"""Rows of an .xlsx sheet, read in streaming mode after checks that keep hostile files harmless."""

import re
import zipfile
from collections.abc import Generator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from council_prep.importers.errors import UnreadableFileError
from council_prep.zipguard import UnsafeArchiveError, check_archive

if TYPE_CHECKING:
    from openpyxl import Workbook

MAX_MERGED_CELLS = 10_000  # larger merged ranges are left as stored (value in the first cell only)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"')
WORKBOOK = "an Excel workbook (.xlsx)"
_SPECIAL = frozenset("fe")  # the data types of a formula's cell and an error's


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula: its text, since only the spreadsheet program can compute it."""

    text: str


@dataclass(frozen=True)
class ErrorValue:
    """A cell showing an error such as #N/A."""

    code: str


def check_workbook(path: Path) -> None:
    """Refuse what openpyxl should never be handed: encrypted or old-format files, damaged zips, zip bombs."""
    try:
        check_archive(path, what=WORKBOOK, required="xl/workbook.xml")
    except UnsafeArchiveError as exc:
        raise UnreadableFileError(str(exc)) from exc


def xlsx_rows(path: Path, preferred_sheet: str) -> Generator[tuple[int, list[object]], None, None]:
    """(row number, values) for each row of `preferred_sheet`, or the first sheet if there is none.

    Formulas come back as Formula, error cells as ErrorValue; merged ranges give their value
    to every cell they cover, as the user sees it. Whatever goes wrong in the file's XML ends
    as one UnreadableFileError naming the file and the sheet.
    """
    check_workbook(path)
    try:
        workbook = _open(path)
    except Exception as exc:  # openpyxl raises anything from KeyError to zlib.error on a bad file
        raise UnreadableFileError(f"{path}: cannot be read as {WORKBOOK} ({_reason(exc)})") from exc
    where = str(path)
    try:
        names = workbook.sheetnames
        if not names:
            raise UnreadableFileError(f"{path}: the workbook has no sheets")
        name = preferred_sheet if preferred_sheet in names else names[0]
        where = f"{path}, sheet {name}"
        sheet = workbook[name]
        merged = _merged_ranges(path, sheet._worksheet_path)
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, merged.fill(number, row)
    except UnreadableFileError:
        raise
    except Exception as exc:  # a damaged part: bad XML, undefined entities, broken shared strings, cut zip...
        raise UnreadableFileError(f"{where}: the workbook is damaged or incomplete ({_reason(exc)})") from exc
    finally:
        workbook.close()


def _open(path: Path) -> "Workbook":
    """The workbook in openpyxl's read-only mode, its sheets left unsized (see _unsized_reader)."""
    reader = _unsized_reader()(path, read_only=True, data_only=False)
    reader.read()
    return reader.wb


@cache
def _unsized_reader() -> type:
    """openpyxl's reader, except that it does not size each read-only sheet as the workbook opens,
    and that its sheets' rows come as values whatever is asked (see UnsizedSheet._get_row).

    openpyxl sizes a sheet by looking for its <dimension> element, and where there is none (openpyxl's
    own write-only mode writes none) it parses the sheet's whole XML to find that out: once for
    every sheet of the workbook, before the first row is read. An import trusts the cells, not a
    declared size that may span a million rows, so the size is never needed.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            """Left unsized: rows are read as they come, as long as they are."""

        def _get_row(self, row: list[dict], min_col: int = 1, max_col: int | None = None,
                     values_only: bool = False) -> list[object]:
            """openpyxl's row of values, up to the row's last cell, with a formula's or an error's value
            as a Formula or an ErrorValue (only the cell's type tells them from text), and without
            making a cell object for each value."""
            width = row[-1]["column"] if row else 0
            values: list[object] = [None] * width
            for cell in row:
                column = cell["column"]
                if 1 <= column <= width:
                    kind = cell["data_type"]
                    value = cell["value"]
                    values[column - 1] = value if kind not in _SPECIAL else _special(kind, value)
            return values

    class UnsizedReader(ExcelReader):
        def read_worksheets(self) -> None:
            """openpyxl's read-only branch of the same method, with unsized sheets."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                worksheet = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                worksheet.sheet_state = sheet.state
                self.wb._sheets.append(worksheet)

    return UnsizedReader


def _reason(exc: BaseException) -> str:
    """The first line of an exception's message, or its type when it has none."""
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _special(kind: str, value: object) -> Formula | ErrorValue:
    """A formula's or an error's cell as what it holds (see Formula, ErrorValue)."""
    return Formula(str(value)) if kind == "f" else ErrorValue(str(value))


def _merged_ranges(path: Path, member: str) -> "MergedCells":
    """The sheet's merged ranges, found by scanning its XML (read-only mode does not report them)."""
    found: dict[bytes, None] = {}
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as source:
        tail = b""
        while chunk := source.read(1 << 20):
            block = tail + chunk
            if b"mergeCell" in block:
                found.update(dict.fromkeys(_MERGE.findall(block)))
            tail = block[-100:]
    return MergedCells([ref.decode() for ref in found])


class MergedCells:
    """Gives the value of each merged range's top-left cell to the other cells of the range."""

    def __init__(self, refs: list[str]):
        from openpyxl.utils import range_boundaries

        self._by_row: dict[int, list[tuple[int, tuple[int, int]]]] = {}  # row -> (column, its top-left cell)
        self._anchors: dict[int, list[int]] = {}  # row -> columns of top-left cells in it
        for ref in refs:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
            if (max_row - min_row + 1) * (max_col - min_col + 1) > MAX_MERGED_CELLS:
                continue  # a merge over whole columns holds one value; spreading it would only waste time
            self._anchors.setdefault(min_row, []).append(min_col)
            for row in range(min_row, max_row + 1):
                for col in range(min_col, max_col + 1):
                    if (row, col) != (min_row, min_col):
                        self._by_row.setdefault(row, []).append((col, (min_row, min_col)))
        self._values: dict[tuple[int, int], object] = {}

    def fill(self, number: int, values: list[object]) -> list[object]:
        for col in self._anchors.get(number, ()):
            self._values[(number, col)] = values[col - 1] if col <= len(values) else None
        covered = self._by_row.get(number)
        if not covered:
            return values
        values = values + [None] * (max(col for col, _ in covered) - len(values))
        for col, anchor in covered:
            values[col - 1] = self._values.get(anchor)
        return values
