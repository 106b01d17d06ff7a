"""Cells read right or refused with row and column: dates and zones, text as typed, numbers in text columns."""

import sqlite3
from datetime import datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from council_prep.importers import apply_import, plan_law_change_import, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import rewrite_part, write_csv, write_xlsx


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def received(store: Store, meeting_id: int, tmp_path: Path, value: object) -> tuple[list[str], list[object]]:
    path = write_xlsx(tmp_path / "q.xlsx", [["Question", "Received"], ["When?", value]])
    plan = plan_question_import(store, meeting_id, path)
    return [p.split(": ", 1)[1] for p in plan.problems], [q.received_at for q in plan.added]


@pytest.mark.parametrize(("value", "reason"), [
    ("2027", "'2027' is a number, not a date"),
    ("46451", "'46451' is a number, not a date"),
    ("-1", "'-1' is a number, not a date"),
    ("March 5", "'March 5' is not a whole date: the year is missing"),
    ("10:00", "'10:00' is not a whole date: the year and month and day are missing"),
    ("March 2027", "'March 2027' is not a whole date: the day is missing"),
    ("1850-01-01", "'1850-01-01' is not a plausible date (the year must be between 1900 and 2100)"),
    ("2250-01-01 10:00", "is not a plausible date"),
    ("2027-03-05 10:00 IST", "the time zone is not one council-prep knows for sure"),
    (2027, "the number 2027 is not a date"),
    (time(10, 0), "'10:00:00' is a time without a date"),
    (-1, "the number -1 is not a date"),
    (datetime(2250, 1, 1, 9, 30), "'2250-01-01T09:30:00' is not a plausible date"),  # a date cell, quoted as ISO
])
def test_what_is_not_a_whole_plausible_date_is_refused(store: Store, meeting_id: int, tmp_path: Path,
                                                       value: object, reason: str) -> None:
    problems, _ = received(store, meeting_id, tmp_path, value)
    assert len(problems) == 1 and reason in problems[0], problems


@pytest.mark.parametrize(("value", "expected"), [
    ("2027-03-05 12:00 PM UTC+14", datetime(2027, 3, 5, 12, tzinfo=timezone(timedelta(hours=14)))),
    ("2027-03-05 12:00 GMT-3", datetime(2027, 3, 5, 12, tzinfo=timezone(timedelta(hours=-3)))),
    ("March 5, 2027 10:00 EST", datetime(2027, 3, 5, 10, tzinfo=timezone(timedelta(hours=-5)))),
    ("3/5/2027 9:30 PDT", datetime(2027, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-7)))),
    ("5 March 2027 18:00 CET", datetime(2027, 3, 5, 18, tzinfo=timezone(timedelta(hours=1)))),
    ("2027-03-05T10:00:00-05:00", datetime(2027, 3, 5, 10, tzinfo=timezone(timedelta(hours=-5)))),
    (datetime(2027, 3, 5, 8, 15), datetime(2027, 3, 5, 8, 15)),
    (46451, datetime(2027, 3, 5)),
])
def test_dates_with_zones_are_read_with_their_offset(store: Store, meeting_id: int, tmp_path: Path,
                                                     value: object, expected: datetime) -> None:
    problems, values = received(store, meeting_id, tmp_path, value)
    assert problems == [] and values == [expected]
    assert values[0].utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


def test_a_date_formatted_numeric_cell_is_a_date(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = tmp_path / "q.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Question", "Received"])
    book.active.append(["When?", 46451.5])
    book.active["B2"].number_format = "yyyy-mm-dd hh:mm"
    book.save(path)
    (question,) = plan_question_import(store, meeting_id, path).added
    assert question.received_at == datetime(2027, 3, 5, 12)


def test_law_change_dates_are_refused_the_same_way(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", "Partner,Title,Adopted\nGT,Decree 1,2027\nGT,Decree 2,March 5\n")
    assert [p.split(": ", 1)[0] for p in plan_law_change_import(store, path).problems] == [
        f"{path} row 2, column Adopted", f"{path} row 3, column Adopted"]


def test_control_characters_never_reach_the_store(store_path: Path, store: Store, meeting_id: int,
                                                  tmp_path: Path) -> None:
    path = write_csv(tmp_path / "q.csv", "Question,Asker,Organization,E-mail\n"
                                         "Who \x02inspects\x03 farms?\x07,Ro\x02sa,Sind\x1bicato,"
                                         "rosa@\x03example.org\n")
    apply_import(store, plan_question_import(store, meeting_id, path))
    with sqlite3.connect(store_path) as raw:
        row = raw.execute("SELECT text, asker_name, organization, asker_email FROM questions "
                          "WHERE asker_email LIKE 'rosa@%'").fetchone()
        indexed = raw.execute("SELECT count(*) FROM search_index WHERE body LIKE '%' || char(2) || '%' "
                              "OR title LIKE '%' || char(2) || '%'").fetchone()[0]
    assert row == ("Who inspects farms?", "Rosa", "Sindicato", "rosa@example.org")
    assert indexed == 0
    (hit,) = store.search("inspects")
    assert hit.title.replace("\x02", "").replace("\x03", "") == "Who inspects farms?"


def test_numbers_in_text_columns_keep_their_digits(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "q.xlsx", [
        ["Question", "Asker", "Organization"],
        [424242, 0.1 + 0.2, 1.2345678901234567e19],
        [0.5, 100.0, -7],
    ])
    # openpyxl writes big integers as floats; other programs write every digit, as here.
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b">424242<", b">12345678901234567890<"))
    plan = plan_question_import(store, meeting_id, path)
    assert [(q.text, q.asker_name, q.organization) for q in plan.added] == [
        ("12345678901234567890", "0.3", "12345678901234600000"), ("0.5", "100", "-7")]
    csv = write_csv(tmp_path / "q.csv", "Question,Asker\n12345678901234567890,0.30000000000000004\n")
    (question,) = plan_question_import(store, meeting_id, csv).added
    assert (question.text, question.asker_name) == ("12345678901234567890", "0.30000000000000004")
    assert Decimal(question.text) == 12345678901234567890


def test_mojibake_is_refused_naming_the_cell(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "q.xlsx", [["Question", "Asker"], ["Fine?", "MarÃ\xada LÃ³pez"],
                                            ["Also fine?", "São Paulo – Straße “quoted” Ñandú"]])
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [f"{path} row 2, column Asker: 'MarÃ\xada LÃ³pez' looks garbled (text saved as UTF-8 and "
                             "read back as Windows-1252; it probably was 'María López'); save the file again as UTF-8"]
