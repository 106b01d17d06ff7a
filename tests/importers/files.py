"""Small writers for the spreadsheets and CSV files the import tests feed in, and a store snapshot."""

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from council_prep.store import Store


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Questions") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(store: Store) -> list[tuple]:
    """Every question and law change as stored, to show an import changed nothing."""
    return ([(q.uid, q.updated_at, q.text, q.status) for q in store.questions.find()]
            + [(c.uid, c.updated_at, c.title) for c in store.law_changes.find()])


def rewrite_part(path: Path, member: str, change: Callable[[bytes], bytes | None],
                 extra: dict[str, bytes] | None = None) -> Path:
    """Rewrite one part of a zip file in place (None drops it), and add `extra` parts: damaged files for tests."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    parts[member] = change(parts[member]) if member in parts else None  # type: ignore[assignment]
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if data is not None:
                target.writestr(name, data)
    return path
