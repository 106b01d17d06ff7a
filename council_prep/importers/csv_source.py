"""Rows of a CSV file as spreadsheet programs write them: UTF-8 (with or without BOM) or
Windows-1252, separated by commas, semicolons or tabs."""

import csv
from collections.abc import Generator
from pathlib import Path
from typing import TextIO

from council_prep.importers.errors import UnreadableFileError

MAX_FIELD = 1_100_000  # characters; above the longest text a record takes
SNIFF_LINES = 20
_CHUNK = 1 << 20


def detect_encoding(path: Path) -> str:
    """utf-8-sig when every line is UTF-8, cp1252 when the lines that are not show no UTF-8 at all.

    A file whose lines disagree (UTF-8 with a stray Windows-1252 byte, say from a pasted name)
    is refused naming the first odd line: read either way, some names would come out garbled.
    """
    utf8_lines, odd_lines, not_cp1252 = 0, [], None
    with path.open("rb") as handle:
        if b"\x00" in handle.read(_CHUNK):
            raise UnreadableFileError(f"{path}: a binary file, not a spreadsheet (.xlsx) or CSV file")
        handle.seek(0)
        for number, line in enumerate(handle, start=1):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                utf8_lines += 1
            except UnicodeDecodeError:
                odd_lines.append(number)
                try:
                    line.decode("cp1252")
                except UnicodeDecodeError:
                    not_cp1252 = not_cp1252 or number
    if not odd_lines:
        return "utf-8-sig"
    if utf8_lines >= len(odd_lines):
        more = f" (and {len(odd_lines) - 1:,} more)" if len(odd_lines) > 1 else ""
        raise UnreadableFileError(f"{path}: line {odd_lines[0]}{more} is not UTF-8 while the rest of the file is; "
                                  "correct it or save the file again as UTF-8 CSV")
    if not_cp1252:
        raise UnreadableFileError(f"{path}: the text is neither UTF-8 nor Windows-1252 (line {not_cp1252}); "
                                  "save it as UTF-8 CSV")
    return "cp1252"


def detect_delimiter(lines: list[str]) -> str:
    """The separator used most on the first lines (a title line may hold none, or a stray comma)."""
    counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(path: Path) -> Generator[tuple[int, list[object]], None, None]:
    """(row number, values) per record; a quoted field with line breaks is one row, as in a spreadsheet.

    A quote that is never closed swallows the rest of the file into one cell: refused, naming
    the line where it opened.
    """
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, errors="strict", newline="") as handle:
        head = [handle.readline() for _ in range(SNIFF_LINES)]
        delimiter = detect_delimiter(head)
        handle.seek(0)  # resets the decoder too, which skips a BOM again
        lines = _Lines(handle)
        reader = csv.reader(lines, delimiter=delimiter)
        old_limit = csv.field_size_limit(MAX_FIELD)
        number, start, last = 0, 1, []
        try:
            for number, row in enumerate(reader, start=1):
                start, last = lines.take()
                yield number, list(row)
        except csv.Error as exc:
            raise UnreadableFileError(f"{path} row {number + 1}: cannot be read as CSV ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(f"{path} row {number + 1}: the text is not {encoding} ({exc.reason})") from exc
        finally:
            csv.field_size_limit(old_limit)
        if _ends_in_quotes("".join(last), delimiter):
            raise UnreadableFileError(f"{path} line {start}: a quote opens here and is never closed, so the rest "
                                      "of the file would be one cell; close the quote")


class _Lines:
    """The file's lines for the CSV reader, remembering those of the record being read."""

    def __init__(self, handle: TextIO):
        self._handle = handle
        self._read = 0
        self._record: list[str] = []

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = self._handle.readline()
        if not line:
            raise StopIteration
        self._read += 1
        self._record.append(line)
        return line

    def take(self) -> tuple[int, list[str]]:
        """(first line number, lines) of the record just read; the next record starts afresh."""
        record, self._record = self._record, []
        return self._read - len(record) + 1, record


def _ends_in_quotes(text: str, delimiter: str) -> bool:
    """True when `text` ends inside a quoted field, read as the csv module reads it."""
    quoted, field_start, index = False, True, 0
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"':
                if text[index + 1:index + 2] == '"':
                    index += 1
                else:
                    quoted = False
        elif char == '"' and field_start:
            quoted = True
        field_start = not quoted and char in (delimiter, "\n", "\r")
        index += 1
    return quoted
