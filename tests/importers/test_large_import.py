"""A large import: Python's cycle collector stays out of the way while rows become records, and is back after."""

import gc
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from council_prep.importers import UnreadableFileError, apply_import, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import rewrite_part

ROWS = 3_000  # enough rows that the collector would run many times over them


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of each collection the cycle collector runs while the test does."""
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    yield runs
    gc.callbacks.remove(count)


def many_questions(path: Path) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Questions")
    sheet.append(["Question", "Asker", "Organization", "Received"])
    for n in range(ROWS):
        sheet.append([f"Will inspectors visit farm number {n}?", f"Asker {n % 97}", "CUT", "2027-03-01 10:00"])
    book.save(path)
    return path


def test_no_collection_runs_while_the_plan_is_made_or_written(store: Store, meeting_id: int, tmp_path: Path,
                                                              collections: list[int]) -> None:
    path = many_questions(tmp_path / "many.xlsx")
    collections.clear()
    plan = plan_question_import(store, meeting_id, path)
    apply_import(store, plan)
    assert len(plan.added) == ROWS and store.questions.count_of(meeting_id=meeting_id) >= ROWS
    assert gc.isenabled()
    assert len(collections) <= 2, collections  # the one run after each, where 3,000 rows made some sixty


def test_the_collector_is_back_after_a_file_that_breaks_midway(store: Store, meeting_id: int,
                                                               tmp_path: Path) -> None:
    path = many_questions(tmp_path / "broken.xlsx")
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"farm number 2000", b"&nobody;"))
    with pytest.raises(UnreadableFileError, match="damaged or incomplete"):
        plan_question_import(store, meeting_id, path)
    assert gc.isenabled()
