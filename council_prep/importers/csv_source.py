"""Rows of a CSV file as spreadsheet programs write them: UTF-8 (with or without BOM) or
Windows-1252, separated by commas, semicolons or tabs."""

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from council_prep.importers.errors import UnreadableFileError

MAX_FIELD = 1_100_000  # characters; above the longest text a record takes
SNIFF_LINES = 20
_CHUNK = 1 << 20


def detect_encoding(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8, else Windows-1252; binary files are refused."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        first = handle.read(_CHUNK)
        if b"\x00" in first:
            raise UnreadableFileError(f"{path}: a binary file, not a spreadsheet (.xlsx) or CSV file")
        chunk = first
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(_CHUNK)
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        first.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{path}: the text is neither UTF-8 nor Windows-1252; save it as UTF-8 CSV") from None
    return "cp1252"


def detect_delimiter(lines: list[str]) -> str:
    """The separator used most on the first lines (a title line may hold none, or a stray comma)."""
    counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(row number, values) per record; a quoted field with line breaks is one row, as in a spreadsheet."""
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, errors="strict", newline="") as handle:
        head = [handle.readline() for _ in range(SNIFF_LINES)]
        delimiter = detect_delimiter(head)
        handle.seek(0)  # resets the decoder too, which skips a BOM again
        reader = csv.reader(handle, delimiter=delimiter)
        old_limit = csv.field_size_limit(MAX_FIELD)
        number = 0
        try:
            for number, row in enumerate(reader, start=1):
                yield number, list(row)
        except csv.Error as exc:
            raise UnreadableFileError(f"{path} row {number + 1}: cannot be read as CSV ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(f"{path} row {number + 1}: the text is not {encoding} ({exc.reason})") from exc
        finally:
            csv.field_size_limit(old_limit)
