"""Writing onto a full disk: every command says in one line which file could not be written and
why, prints no "Exception ignored" traceback and leaves nothing half-written.

Each case runs twice: on a real full file system (a tiny tmpfs; needs mount), and under a file
size limit (RLIMIT_FSIZE: writes past it fail with EFBIG), which needs no privilege.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from council_prep.store import SCHEMA_VERSION, Store
from tests.helpers.media import tiny_disk
from tests.helpers.sqlite import execute_raw
from tests.store.test_migrations import make_first_version_store

resource = pytest.importorskip("resource", reason="file size limits are a POSIX feature")

FULL = "the disk is full or the file cannot be written"


def run_limited(args: list[str], limit: int | None, tmp_path: Path) -> subprocess.CompletedProcess:
    """The command line in a process whose files may not grow past `limit` bytes."""
    def set_limit() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return subprocess.run([sys.executable, "-m", "council_prep", *args], capture_output=True, text=True, env=env,
                          preexec_fn=set_limit, timeout=120)


def one_line(result: subprocess.CompletedProcess, *fragments: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture(params=["tmpfs", "rlimit"])
def full(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, int | None, str]]:
    """(a folder to write into, a file size limit or None, the reason the OS gives)."""
    if request.param == "tmpfs":
        with tiny_disk("16k") as folder:
            yield folder, None, "No space left on device"
    else:
        folder = tmp_path / "out"
        folder.mkdir()
        yield folder, 40_000, "File too large"


@pytest.fixture
def quiet_store(demo_store_path: Path) -> Path:
    """The demo store with its WAL checkpointed away, so opening it writes nothing big."""
    sqlite3.connect(demo_store_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    return demo_store_path


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_export_onto_a_full_disk_names_the_file(quiet_store: Path, full, kind: str, tmp_path: Path):
    folder, limit, reason = full
    output = folder / f"book.{kind}"
    result = run_limited(["export", kind, "--store", str(quiet_store), "--meeting", "1", "-o", str(output)],
                         limit, tmp_path)
    line = one_line(result, reason)
    # The workbook's sheets are streamed through temporary files first: whichever failed is named.
    assert str(output) in line or (kind == "xlsx" and "temporary data could not be written" in line)
    assert list(folder.iterdir()) == []


def test_backup_onto_a_full_disk_names_the_target(quiet_store: Path, full, tmp_path: Path):
    folder, limit, _ = full
    target = folder / "backup.db"
    line = one_line(run_limited(["backup", "--store", str(quiet_store), "-o", str(target)], limit, tmp_path),
                    f"{FULL}: {target}")
    assert str(quiet_store) not in line
    assert list(folder.iterdir()) == []


def test_import_onto_a_full_disk_says_so_in_words(tmp_path: Path, demo_store_file: Path):
    source = tmp_path / "questions.csv"
    rows = "".join(f"Question {n} about working conditions in sector {n} and what is done,Asker {n}\n"
                   for n in range(20_000))
    source.write_text("Question,Asker name\n" + rows, encoding="utf-8")
    with tiny_disk("2600k") as folder:  # room for the demo store, not for the import
        store = folder / "store.db"
        shutil.copyfile(demo_store_file, store)
        result = run_limited(["import", "questions", "--store", str(store), "--meeting", "1", str(source)], None,
                             tmp_path)
        line = result.stderr.strip().splitlines()[-1]
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert line == f"Error: {FULL}: {store}"
        assert "disk I/O error" not in result.stderr
        saved = tmp_path / "saved"  # read where there is room: a full disk has none even for SQLite's index
        saved.mkdir()
        for part in folder.iterdir():
            shutil.copyfile(part, saved / part.name)
        with Store.open(saved / "store.db", read_only=True) as opened:
            assert opened.questions.count("text LIKE 'Question 1 %'") == 0
            assert opened.check() == []


def test_import_past_the_file_size_limit_says_so_in_words(tmp_path: Path, quiet_store: Path):
    source = tmp_path / "questions.csv"
    rows = "".join(f"Question {n} about working conditions in sector {n},Asker {n}\n" for n in range(20_000))
    source.write_text("Question,Asker name\n" + rows, encoding="utf-8")
    limit = quiet_store.stat().st_size + 200_000
    result = run_limited(["import", "questions", "--store", str(quiet_store), "--meeting", "1", str(source)], limit,
                         tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"Error: {FULL}: {quiet_store}"
    with sqlite3.connect(quiet_store) as conn:
        assert conn.execute("SELECT count(*) FROM questions WHERE text LIKE 'Question 1 %'").fetchone() == (0,)


def test_migration_onto_a_full_disk_says_so_and_leaves_the_store_as_it_was(tmp_path: Path):
    old = tmp_path / "old.db"
    make_first_version_store(old)
    execute_raw(old, "INSERT INTO questions (uid, meeting_id, text, asker_type, channel, status, created_at, "
                     "updated_at) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                     "SELECT 'q' || i, 1, 'Question ' || i || ' on wages in sector ' || i, 'ngo', 'email', 'new', "
                     "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00' FROM n")
    before = old.read_bytes()
    result = run_limited(["demo", "--store", str(old)], len(before) + 4096, tmp_path)
    assert one_line(result, FULL) == f"Error: {FULL}: {old}"
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1 != SCHEMA_VERSION
