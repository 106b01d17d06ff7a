"""Small writers for the spreadsheets and CSV files the import tests feed in, and a store snapshot."""

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
