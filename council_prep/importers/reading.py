"""From a file to rows of named fields: pick the reader, find the header row, map its names.

The header row may sit under a title; headers are matched case-insensitively against each
field's header and aliases (council_prep.domain.fields); a column that looks like the asker's
choice to stay confidential is read as such or refused; other columns nobody asked for are
ignored and reported.
"""

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from council_prep.domain.fields import Field, fields_of
from council_prep.importers import confidentiality
from council_prep.importers.csv_source import csv_rows
from council_prep.importers.errors import ImportRejected, UnreadableFileError
from council_prep.importers.values import words
from council_prep.importers.xlsx_source import xlsx_rows
from council_prep.zipguard import is_ole

HEADER_SEARCH_ROWS = 30
MAX_BLANK_RUN = 1_000  # consecutive blank rows taken as the end of the data
MAX_ROWS = 200_000
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def header_names(spec: Field) -> set[str]:
    """Every header that means this field, in the loose form `words` gives."""
    return {words(n) for n in (spec.header, spec.name, *spec.aliases)}


def importable(kind: str) -> tuple[Field, ...]:
    """The fields of a kind of record that a file may carry: those with a column header."""
    return tuple(spec for spec in fields_of(kind) if spec.header)


@dataclass(frozen=True)
class Row:
    """One data row: its number as the user sees it, and the raw value of each mapped field."""

    number: int
    values: dict[str, object]


@dataclass
class Sheet:
    """The header found in a file and a stream of its data rows."""

    path: Path
    header_row: int
    headers: dict[str, str]  # field -> the header as written in the file
    positions: dict[str, int]  # field -> its column's index
    ignored: list[str]  # headers of columns no field wanted
    rows: Iterator[Row]
    notes: list[str] = field(default_factory=list)

    def where(self, number: int, field_name: str | None) -> str:
        """'FILE row N, column X' for messages."""
        column = f", column {self.headers.get(field_name, field_name)}" if field_name else ""
        return f"{self.path} row {number}{column}"


def raw_rows(path: Path, sheet_name: str) -> Iterator[tuple[int, list[object]]]:
    """Rows of an .xlsx (sheet `sheet_name` if present) or a CSV file, by extension, else by content."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES or is_ole(path) or (suffix not in CSV_SUFFIXES and zipfile.is_zipfile(path)):
        return xlsx_rows(path, sheet_name)
    return csv_rows(path)


def read_sheet(path: Path, sheet_name: str, fields: tuple[Field, ...], required: tuple[str, ...]) -> Sheet:
    """Find the header row among the first rows, and stream the data rows below it."""
    path = Path(path)
    rows = raw_rows(path, sheet_name)
    head: list[tuple[int, list[object]]] = []
    for item in rows:
        head.append(item)
        if len(head) == HEADER_SEARCH_ROWS:
            break
    best: tuple[int, dict[str, int]] | None = None
    for index, (_, values) in enumerate(head):
        mapping = _map_headers(values, fields)
        if all(r in mapping for r in required) and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    if best is None:
        wanted = "; ".join(
            f"{spec.header} (or {', '.join(spec.aliases[:3])})" for spec in fields if spec.name in required)
        raise UnreadableFileError(
            f"{path}: no header row found in the first {HEADER_SEARCH_ROWS} rows; it needs a column headed {wanted}")
    index, mapping = best
    number, header_values = head[index]
    _refuse_repeated_fields(path, number, header_values, fields)
    notes = []
    if any(spec.name == confidentiality.FIELD for spec in fields):
        note = confidentiality.claim_column(f"{path} row {number}", header_values, mapping)
        notes = [note] if note else []
    headers = {name: str(header_values[col]).strip() for name, col in mapping.items()}
    mapped = set(mapping.values())
    ignored = [str(v).strip() for col, v in enumerate(header_values)
               if col not in mapped and v is not None and str(v).strip()]
    sheet = Sheet(path, number, headers, mapping, ignored, iter(()), notes)
    sheet.rows = _data_rows(sheet, chain(head[index + 1:], rows), mapping)
    return sheet


def _map_headers(values: list[object], fields: tuple[Field, ...]) -> dict[str, int]:
    lookup = {name: spec.name for spec in fields for name in header_names(spec)}
    mapping: dict[str, int] = {}
    for col, value in enumerate(values):
        if isinstance(value, str) and value.strip():
            name = lookup.get(words(value.strip().rstrip(":*?").strip()))
            if name is not None and name not in mapping:
                mapping[name] = col
    return mapping


def _refuse_repeated_fields(path: Path, number: int, values: list[object], fields: tuple[Field, ...]) -> None:
    lookup = {name: spec for spec in fields for name in header_names(spec)}
    seen: dict[str, str] = {}
    problems = []
    for value in values:
        if not isinstance(value, str):
            continue
        spec = lookup.get(words(value.strip().rstrip(":*?").strip()))
        if spec is None:
            continue
        if spec.name in seen:
            problems.append(f"{path} row {number}, column {value.strip()}: means the same as column "
                            f"{seen[spec.name]} ({spec.header}); keep only one of them")
        seen.setdefault(spec.name, value.strip())
    if problems:
        raise ImportRejected(problems)


def _data_rows(sheet: Sheet, rows: Iterator[tuple[int, list[object]]], mapping: dict[str, int]) -> Iterator[Row]:
    blank_run = 0
    count = 0
    for number, values in rows:
        fields = {name: values[col] if col < len(values) else None for name, col in mapping.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in fields.values()):
            blank_run += 1
            if blank_run == MAX_BLANK_RUN:
                sheet.notes.append(f"reading stopped at row {number}: {MAX_BLANK_RUN:,} blank rows in a row "
                                   "are taken as the end of the data")
                return
            continue
        blank_run = 0
        count += 1
        if count > MAX_ROWS:
            raise UnreadableFileError(f"{sheet.path}: more than {MAX_ROWS:,} rows; split the file")
        yield Row(number, fields)
