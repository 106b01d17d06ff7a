"""`council-prep import questions` on the files staff receive, run as a user runs it."""

import subprocess
from pathlib import Path

import pytest

from council_prep.store import Store
from tests.cli.running import assert_clean_failure, run
from tests.importers import layouts

AMBIGUOUS = ["Timestamp", "Full name", "What would you like to ask the Council?",
             "Questions about logistics (optional)"]


@pytest.fixture
def store_file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        meeting = layouts.empty_meeting(store)
    return path, str(meeting)


def _import(store_file: tuple[Path, str], *args: str) -> subprocess.CompletedProcess:
    return run("import", "questions", "--store", str(store_file[0]), "--meeting", store_file[1], *args)


def test_an_ambiguous_file_names_the_candidates_then_map_resolves_it(store_file: tuple[Path, str],
                                                                     tmp_path: Path) -> None:
    path = layouts.write_rows(tmp_path / "two.csv", [AMBIGUOUS, ["2/22/27 8:20", "Ana Pérez", "On wages?", "Parking?"]])
    refused = _import(store_file, str(path))
    assert_clean_failure(refused, 1, f"{path} row 1", "“What would you like to ask the Council?”",
                         "“Questions about logistics (optional)”",
                         '--map "text=What would you like to ask the Council?"')
    done = _import(store_file, str(path), "--map", "text=What would you like to ask the Council?",
                   "--map", "asker=Full name")
    assert done.returncode == 0, done.stderr
    assert (f"{path}: columns read: Received ← Timestamp; Asker ← Full name; "
            "Question ← What would you like to ask the Council?") in done.stdout
    assert f"{path}: columns ignored: Questions about logistics (optional)" in done.stdout
    with Store.open(store_file[0], read_only=True) as store:
        assert [(q.text, q.asker_name) for q in store.questions.find()] == [("On wages?", "Ana Pérez")]


def test_each_layout_from_the_command_line(store_file: tuple[Path, str], tmp_path: Path) -> None:
    files = [layouts.google_forms(tmp_path / "Responses.csv"), layouts.microsoft_forms(tmp_path / "Forms.xlsx"),
             layouts.eventbrite(tmp_path / "attendees.csv"), layouts.zoom_report(tmp_path / "qa.csv")]
    for path in files:
        result = _import(store_file, str(path))
        assert result.returncode == 0, result.stderr
        assert f"{path}: columns read: " in result.stdout
    mail = _import(store_file, str(layouts.outlook(tmp_path / "mailbox.csv")), "--subject", "Public session questions")
    assert mail.returncode == 0, mail.stderr
    assert "1 row skipped (another subject: 1)" in mail.stdout and "1 duplicate" in mail.stdout
    with Store.open(store_file[0], read_only=True) as store:
        assert store.questions.count() == 3 + 2 + 2 + 2 + 2


def test_map_mistakes_are_clear(store_file: tuple[Path, str], tmp_path: Path) -> None:
    path = layouts.write_rows(tmp_path / "two.csv", [AMBIGUOUS, ["2/22/27 8:20", "Ana", "On wages?", "Parking?"]])
    no_header = _import(store_file, str(path), "--map", "text=Your question")
    assert_clean_failure(no_header, 1, f"{path} row 1: no column is headed 'Your question'",
                         "“What would you like to ask the Council?”")
    no_field = _import(store_file, str(path), "--map", "colour=Full name")
    assert_clean_failure(no_field, 1, "no field is called 'colour'")
    malformed = _import(store_file, str(path), "--map", "text")
    assert malformed.returncode == 2 and "FIELD=HEADER" in malformed.stderr
    with Store.open(store_file[0], read_only=True) as store:
        assert store.questions.count() == 0


def test_a_bad_timestamp_names_row_and_column_and_writes_nothing(store_file: tuple[Path, str],
                                                                 tmp_path: Path) -> None:
    path = layouts.write_rows(tmp_path / "bad.csv", [
        layouts.GOOGLE_HEADERS, ["2027/02/22 8:14:03 AM EST", "a@x.org", "A", "", "One?", ""],
        ["2027/02/31 8:14:03 AM EST", "b@x.org", "Secreta Quispe", "", "Two?", "Yes"]])
    result = _import(store_file, str(path))
    assert result.returncode == 1
    assert f"{path} row 3, column Timestamp: '2027/02/31 8:14:03 AM EST' is not a date" in result.stderr
    assert "Secreta" not in result.stderr + result.stdout  # a confidential asker is never named
    with Store.open(store_file[0], read_only=True) as store:
        assert store.questions.count() == 0
