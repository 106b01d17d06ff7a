"""Hostile and odd files: each is refused with a clear message or imported correctly, quickly, in bounded
memory, and a refused file leaves the store as it was."""

import csv
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from council_prep.importers import UnreadableFileError, apply_import, plan_question_import
from council_prep.store import Store
from council_prep.zipguard import MAX_UNCOMPRESSED
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import snapshot, write_csv, write_xlsx

ROOT = Path(__file__).parents[2]


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def refused(store: Store, meeting_id: int, path: Path, message: str) -> None:
    before = snapshot(store)
    started = time.perf_counter()
    with pytest.raises(UnreadableFileError) as caught:
        plan_question_import(store, meeting_id, path)
    assert time.perf_counter() - started < 10
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)
    assert snapshot(store) == before


def test_files_that_are_not_spreadsheets(store: Store, meeting_id: int, tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    (tmp_path / "photo.xlsx").write_bytes(png)
    (tmp_path / "photo.csv").write_bytes(png)
    (tmp_path / "notes.txt").write_text("Just some notes,\nnothing tabular here.\n")
    refused(store, meeting_id, tmp_path / "photo.xlsx", "not an Excel workbook (.xlsx)")
    refused(store, meeting_id, tmp_path / "photo.csv", "a binary file, not a spreadsheet")
    refused(store, meeting_id, tmp_path / "notes.txt", "no header row found in the first 30 rows; it needs a "
                                                       "column headed Question (or Question text")
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as archive:
        archive.writestr("readme.txt", "a zip, not a workbook")
    refused(store, meeting_id, tmp_path / "other.xlsx", "a zip file, but not an Excel workbook")


def test_truncated_and_encrypted_workbooks(store: Store, meeting_id: int, tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [["Question"], *[[f"Question {n}?"] for n in range(2000)]])
    data = whole.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    refused(store, meeting_id, tmp_path / "cut.xlsx", "damaged or incomplete")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096  # how Excel stores a password-protected .xlsx
    (tmp_path / "locked.xlsx").write_bytes(ole)
    refused(store, meeting_id, tmp_path / "locked.xlsx", "password-protected file or an old binary Office file")


def test_zip_bomb_is_refused_before_unpacking(store: Store, meeting_id: int, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    source = write_xlsx(tmp_path / "seed.xlsx", [["Question"], ["Fine?"]])
    with zipfile.ZipFile(source) as seed, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in seed.infolist():
            archive.writestr(item, seed.read(item))
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as padding:
            zeros = bytes(1 << 24)
            for _ in range(MAX_UNCOMPRESSED // len(zeros) + 2):
                padding.write(zeros)
    assert bomb.stat().st_size < 2_000_000
    refused(store, meeting_id, bomb, "more than the 400 MB allowed")


def measure(store_path: Path, meeting_id: int, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.importers.measure_plan", str(store_path), str(meeting_id),
                           str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.mark.slow
def test_a_million_empty_formatted_rows(store_path: Path, store: Store, meeting_id: int, tmp_path: Path) -> None:
    seed = write_xlsx(tmp_path / "seed.xlsx", [["Question", "Asker"], ["Before the void?", "A"]])
    path = tmp_path / "void.xlsx"
    with zipfile.ZipFile(seed) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                empty = "".join(f'<row r="{n}" s="1" customFormat="1" ht="15"/>' for n in range(3, 1_048_577))
                data = data.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>')
                data = data.replace(b"</sheetData>", empty.encode() + b"</sheetData>")
            target.writestr(item, data)
    store.close()
    outcome = measure(store_path, meeting_id, path)
    assert outcome["counts"]["added"] == 1
    assert outcome["notes"] == [
        "reading stopped at row 1002: 1,000 blank rows in a row are taken as the end of the data"]
    assert outcome["seconds"] < 10 and outcome["peak_mb"] < 500


@pytest.mark.slow
def test_a_50_mb_csv_with_one_bad_row(store_path: Path, store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    filler = "x" * 1_900
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Question,Asker,Status\n")
        for n in range(26_000):
            handle.write(f'"Question number {n}: {filler}",Asker {n},New\n')
        handle.write("Last question?,Z,Lost\n")
    assert path.stat().st_size > 50_000_000
    before = snapshot(store)
    store.close()
    outcome = measure(store_path, meeting_id, path)
    assert outcome["counts"]["added"] == 26_000 and outcome["counts"]["rejected"] == 1
    assert outcome["problems"] == [f"{path} row 26002, column Status: 'Lost' is not one of: New, Assigned, "
                                   "Answered, Withdrawn"]
    assert outcome["seconds"] < 30 and outcome["peak_mb"] < 500, outcome
    with Store.open(store_path) as reopened:
        assert snapshot(reopened) == before


def test_formulas_are_refused_with_their_place(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", [["Question", "Asker"], ["Fine?", "A"], ['=CONCAT("a","b")', "B"]])
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [f'{path} row 3, column Question: holds a formula (=CONCAT("a","b")); replace it by '
                             "its value (copy, then paste as values)"]


def test_merged_cells_read_as_shown(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Questions from the union federation", None, None], ["Question", "Organization", "Asker"],
                ["First?", "CUT", "Ana"], ["Second?", None, "Luis"], ["Third?", "Other", "Eva"]):
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("B3:B4")
    book.save(path)
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == []
    assert [(q.text, q.organization) for q in plan.added] == [("First?", "CUT"), ("Second?", "CUT"),
                                                              ("Third?", "Other")]
    apply_import(store, plan)
    assert store.questions.one(text="Second?").organization == "CUT"  # type: ignore[union-attr]


def test_csv_not_in_a_known_encoding_or_broken(store: Store, meeting_id: int, tmp_path: Path) -> None:
    refused(store, meeting_id, write_csv(tmp_path / "a.csv", "Question\nOK?\n", "utf-16-le").with_suffix(".csv"),
            "a binary file")
    broken = tmp_path / "b.csv"
    broken.write_bytes(b"Question\nFine?\n\x81\x8d\x90 undefined in Windows-1252\n")
    refused(store, meeting_id, broken, "neither UTF-8 nor Windows-1252")


def test_a_very_wide_sheet_is_read_for_its_headers_quickly(store: Store, meeting_id: int, tmp_path: Path) -> None:
    """Every header of the first rows is read for its meaning: 30 rows of 5,000 sentences stay cheap."""
    header = [f"Column number {c} of a report about something else" for c in range(5_000)]
    wide = [[f"{c} in row {r} of a report about something else" for c in range(5_000)] for r in range(29)]
    path = tmp_path / "wide.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *wide])
    started = time.process_time()  # the CPU this process spends, whatever else the machine runs
    with pytest.raises(UnreadableFileError, match="no header row found in the first 30 rows"):
        plan_question_import(store, meeting_id, path)
    assert time.process_time() - started < 15
