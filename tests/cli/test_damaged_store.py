"""Commands on a store changed behind the app's back: `check` names each problem, every other
command refuses the damaged row in one line (exit 1), never with a traceback."""

import sqlite3
from pathlib import Path

import pytest

from tests.cli.running import assert_clean_failure, run
from tests.helpers.sqlite import execute_raw


@pytest.fixture
def damaged(demo_store_path: Path) -> Path:
    """The demo store with meeting 1's status and one of its questions' received time unreadable."""
    execute_raw(demo_store_path, "UPDATE meetings SET status = 'frozen' WHERE id = 1",
                "UPDATE questions SET received_at = 'last Tuesday' WHERE id = "
                "(SELECT min(id) FROM questions WHERE meeting_id = 2)")
    return demo_store_path


def test_check_names_every_damaged_row_and_exits_1(damaged: Path):
    result = run("check", "--store", str(damaged))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"{damaged}: meetings row 1 (uid ")
    assert lines[0].endswith("column status: unknown value 'frozen'")
    assert "questions row" in lines[1] and "column received_at: unreadable date and time 'last Tuesday'" in lines[1]


def test_meetings_refuses_the_damaged_row_in_one_line(damaged: Path):
    assert_clean_failure(run("meetings", "--store", str(damaged)), 1,
                         f"{damaged}: meetings row 1, column status: unknown value 'frozen'; run council-prep check")


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_export_refuses_the_damaged_row_and_writes_nothing(damaged: Path, tmp_path: Path, kind: str):
    output = tmp_path / f"book.{kind}"
    result = run("export", kind, "--store", str(damaged), "--meeting", "1", "-o", str(output))
    assert_clean_failure(result, 1, "meetings row 1, column status: unknown value 'frozen'")
    assert not output.exists()


def test_import_refuses_a_store_with_a_damaged_question(damaged: Path, tmp_path: Path):
    source = tmp_path / "questions.csv"
    source.write_text("Question,Asker name\nWhat is the timeline for the new labor code?,Ana Pérez\n", encoding="utf-8")
    result = run("import", "questions", "--store", str(damaged), "--meeting", "2", str(source))
    assert_clean_failure(result, 1, "column received_at: unreadable date and time 'last Tuesday'",
                         "run council-prep check")
    with sqlite3.connect(damaged) as conn:
        assert conn.execute("SELECT count(*) FROM questions WHERE text LIKE 'What is the timeline%'").fetchone() == (0,)
