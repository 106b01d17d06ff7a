"""From a file to rows of named fields: pick the reader, find the header row, map its names.

The header row may sit under a title (a report's preamble); headers are read by their meaning
(importers.header_meaning) or as a given ColumnMapping says; a column that looks like the asker's
choice to stay confidential is read as such or refused; other columns nobody asked for are
ignored and reported.
"""

import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from council_prep.domain.fields import Field, fields_of
from council_prep.importers import confidentiality, mail
from council_prep.importers.csv_source import csv_rows
from council_prep.importers.errors import ImportRejected, MappingUncertain, UnreadableFileError
from council_prep.importers.header_meaning import (
    ColumnMapping,
    Match,
    bare,
    exact_names,
    match_headers,
    settle_by_values,
)
from council_prep.importers.values import as_text, words
from council_prep.importers.xlsx_source import xlsx_rows
from council_prep.zipguard import is_ole

HEADER_SEARCH_ROWS = 30
MAX_BLANK_RUN = 1_000  # consecutive blank rows taken as the end of the data
MAX_ROWS = 200_000
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


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
    headers: dict[str, str]  # field -> the header as written in the file ("First Name + Last Name")
    positions: dict[str, int]  # field -> its (first) column's index
    ignored: list[str]  # headers of columns no field wanted
    rows: Iterator[Row]
    notes: list[str] = field(default_factory=list)
    mapping: ColumnMapping = field(default_factory=ColumnMapping)

    def where(self, number: int, field_name: str | None) -> str:
        """'FILE row N, column X' for messages."""
        column = f", column {self.headers.get(field_name, field_name)}" if field_name else ""
        return f"{self.path} row {number}{column}"

    def columns_read(self, fields: tuple[Field, ...]) -> str:
        """'Question ← What would you like to ask?; Asker ← First Name + Last Name' for the user."""
        labels = {spec.name: spec.label for spec in fields}
        return "; ".join(f"{labels.get(name, name.capitalize())} ← {self.headers[name]}" for name in self.headers)


def raw_rows(path: Path, sheet_name: str) -> Generator[tuple[int, list[object]], None, None]:
    """Rows of an .xlsx (sheet `sheet_name` if present) or a CSV file, by extension, else by content."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES or is_ole(path) or (suffix not in CSV_SUFFIXES and zipfile.is_zipfile(path)):
        return xlsx_rows(path, sheet_name)
    return csv_rows(path)


def read_sheet(path: Path, sheet_name: str, fields: tuple[Field, ...], required: tuple[str, ...],
               mapping: ColumnMapping | None = None) -> Sheet:
    """Find the header row among the first rows, and stream the data rows below it.

    Without `mapping` the columns are read by their headers' meaning, and a file whose columns
    are not certain is refused (MappingUncertain names the columns that could be meant); with
    one, its columns are read as it says.
    """
    path = Path(path)
    rows = raw_rows(path, sheet_name)
    head = head_rows(rows)
    index, match = locate_header(path, head, fields, required, mapping)
    number, header_values = head[index]
    if mapping is None:
        mapping = match.mapping
        if not mapping.certain:
            raise MappingUncertain(f"{path} row {number}: {doubts(mapping, header_values, fields)}", path,
                                   [header_text(v) for v in header_values], mapping)
        _refuse_two_choices(path, number, header_values, fields)
    missing = [spec.header for spec in fields if spec.name in required and spec.name not in mapping.columns]
    if missing:
        raise UnreadableFileError(f"{path} row {number}: no column is read as {', '.join(missing)}")
    mapping = replace(mapping, columns=dict(mapping.columns), header_row=number)
    notes = []
    if any(spec.name == confidentiality.FIELD for spec in fields):
        single = {name: cols[0] for name, cols in mapping.columns.items()}
        note = confidentiality.claim_column(f"{path} row {number}", header_values, single)
        if confidentiality.FIELD in single:
            mapping.columns.setdefault(confidentiality.FIELD, (single[confidentiality.FIELD],))
        notes = [note] if note else []
    headers = {name: " + ".join(header_text(header_values[c]) if c < len(header_values) else f"#{c + 1}"
                                for c in cols) for name, cols in sorted(mapping.columns.items(), key=lambda i: i[1])}
    mapped = {c for cols in mapping.columns.values() for c in cols}
    ignored = [header_text(v) for col, v in enumerate(header_values) if col not in mapped and header_text(v)]
    positions = {name: cols[0] for name, cols in mapping.columns.items()}
    sheet = Sheet(path, number, headers, positions, ignored, iter(()), notes, mapping)
    sheet.rows = _data_rows(sheet, chain(head[index + 1:], rows), mapping)
    return sheet


def head_rows(rows: Iterator[tuple[int, list[object]]]) -> list[tuple[int, list[object]]]:
    """The first rows of a file, among which the header row is looked for."""
    return list(islice(rows, HEADER_SEARCH_ROWS))


def header_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def locate_header(path: Path, head: list[tuple[int, list[object]]], fields: tuple[Field, ...],
                  required: tuple[str, ...], mapping: ColumnMapping | None = None) -> tuple[int, Match]:
    """(index in `head`, its reading) of the header row: the row a mapping names, else the likeliest."""
    if mapping is not None and mapping.header_row is not None:
        for index, (number, values) in enumerate(head):
            if number == mapping.header_row:
                return index, match_headers(values, fields, required)
    best: tuple[int, Match] | None = None
    for index, (_, values) in enumerate(head):
        match = match_headers(values, fields, required)
        if match.mapping.columns and (best is None or match.score(required) > best[1].score(required)):
            best = (index, match)
    if best is None:
        wanted = "; ".join(
            f"{spec.header} (or {', '.join(spec.aliases[:3])})" for spec in fields if spec.name in required)
        raise UnreadableFileError(
            f"{path}: no header row found in the first {HEADER_SEARCH_ROWS} rows; it needs a column headed {wanted}")
    settle_by_values(best[1].mapping, [values for _, values in head[best[0] + 1:]])
    return best


def doubts(mapping: ColumnMapping, header_values: list[object], fields: tuple[Field, ...]) -> str:
    """What a person must choose: 'the Question could be in column “A” or “B”'."""
    labels = {spec.name: spec.label for spec in fields}
    parts = []
    for name, cols in mapping.candidates.items():
        named = " or ".join(f"“{header_text(header_values[c])}”" for c in cols)
        if name in mapping.columns:
            parts.append(f"the {labels.get(name, name)} could be in column {named}")
        elif cols:
            parts.append(f"no column is clearly the {labels.get(name, name)}; it could be column {named}")
        else:
            parts.append(f"no column holds the {labels.get(name, name)}")
    return "; ".join(parts) + "; choose the columns"


def _refuse_two_choices(path: Path, number: int, values: list[object], fields: tuple[Field, ...]) -> None:
    """Two columns named for the asker's choice to stay confidential: reading one would ignore the other.
    (Two columns for another field are a doubt a person settles: see header_meaning.)"""
    lookup = {name: spec for spec in fields for name in exact_names(spec) if spec.name == confidentiality.FIELD}
    seen: dict[str, str] = {}
    problems = []
    for value in values:
        if not isinstance(value, str):
            continue
        spec = lookup.get(words(bare(value.strip())))
        if spec is None:
            continue
        if spec.name in seen:
            problems.append(f"{path} row {number}, column {value.strip()}: means the same as column "
                            f"{seen[spec.name]} ({spec.header}); keep only one of them")
        seen.setdefault(spec.name, value.strip())
    if problems:
        raise ImportRejected(problems)


def _data_rows(sheet: Sheet, rows: Iterator[tuple[int, list[object]]], mapping: ColumnMapping) -> Iterator[Row]:
    blank_run = 0
    count = 0
    prepare = mail.CELLS if mapping.layout == mail.LAYOUT else {}
    columns = [(name, cols[0] if len(cols) == 1 else cols) for name, cols in mapping.columns.items()]
    for number, values in rows:
        width = len(values)
        fields = {name: (values[col] if col < width else None) if type(col) is int else _joined(values, col)
                  for name, col in columns}
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
        for name, change in prepare.items():
            if isinstance(fields.get(name), str):
                fields[name] = change(fields[name])
        yield Row(number, fields)


def _joined(values: list[object], cols: tuple[int, ...]) -> object:
    """Several columns' values (first and last name) joined as text."""
    parts = [as_text(values[c]).strip() for c in cols if c < len(values) and values[c] is not None]
    return " ".join(p for p in parts if p) or None
