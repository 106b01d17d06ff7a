"""CSV files: the encoding decided on the evidence of every line, never a garbled name; no quote swallows a file."""

from pathlib import Path

import pytest

from council_prep.importers import UnreadableFileError, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


NAMES = ["María López", "José Núñez", "Zoë Brontë", "François Lefèvre", "Ana Pérez", "Iñigo Ibáñez"] * 3


def rows(names: list[str]) -> str:
    return "Question,Asker\n" + "".join(f"Question {n}?,{name}\n" for n, name in enumerate(names))


def test_one_windows_1252_byte_in_a_utf8_file_is_refused_naming_its_line(store: Store, meeting_id: int,
                                                                         tmp_path: Path) -> None:
    data = rows(NAMES[:12]).encode("utf-8") + "Question 12?,Martín\n".encode("cp1252") + rows(NAMES[12:]).split(
        "\n", 1)[1].encode("utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError) as caught:
        plan_question_import(store, meeting_id, path)
    assert str(caught.value) == (f"{path}: line 14 is not UTF-8 while the rest of the file is; correct it or save "
                                 "the file again as UTF-8 CSV")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_file_in_one_encoding_is_read_as_written(store: Store, meeting_id: int, tmp_path: Path,
                                                   encoding: str) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(rows(NAMES).encode(encoding))
    plan = plan_question_import(store, meeting_id, path)
    assert plan.problems == [] and [q.asker_name for q in plan.added] == NAMES


def test_a_file_already_garbled_is_refused_not_stored(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = tmp_path / "garbled.csv"
    path.write_bytes(rows(NAMES[:3]).encode("utf-8").decode("cp1252").encode("utf-8"))  # saved twice over
    plan = plan_question_import(store, meeting_id, path)
    assert len(plan.problems) == 3 and all("looks garbled" in p for p in plan.problems)
    assert "it probably was 'María López'" in plan.problems[0]


def test_an_unclosed_quote_is_refused_naming_the_line_where_it_opened(store: Store, meeting_id: int,
                                                                       tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('Question,Asker\nFirst?,A\nSecond?,"B\nThird?,C\nFourth?,D\n', encoding="utf-8")
    with pytest.raises(UnreadableFileError) as caught:
        plan_question_import(store, meeting_id, path)
    assert str(caught.value).startswith(f"{path} line 3: a quote opens here and is never closed")


def test_quotes_that_close_and_quotes_inside_words_are_fine(store: Store, meeting_id: int, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('Question,Asker\nA 5" screen?,A\n"Two\nlines, ""quoted""",B\n', encoding="utf-8")
    plan = plan_question_import(store, meeting_id, path)
    assert [q.text for q in plan.added] == ['A 5" screen?', 'Two\nlines, "quoted"']
