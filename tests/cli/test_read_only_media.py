"""A store on read-only media (a CD, a write-protected stick, a read-only share) without its -shm
file can still be opened for review, checked and exported."""

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from council_prep.store import Store
from tests.cli.running import assert_clean_failure, run
from tests.helpers.media import read_only_copy


@pytest.fixture
def media(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the folder to fill, the same folder seen read-only)."""
    folder = tmp_path / "media"
    folder.mkdir()
    with read_only_copy(folder) as mounted:
        yield folder, mounted


def test_a_store_without_its_shm_file_is_reviewed_checked_and_exported(demo_store_file: Path, media, tmp_path: Path):
    folder, mounted = media
    shutil.copyfile(demo_store_file, folder / "demo.db")
    store = mounted / "demo.db"
    assert store.read_bytes()[18:20] == b"\x02\x02"  # WAL mode, by the file header: SQLite itself cannot open it
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True).execute("SELECT 1 FROM sqlite_master")
    assert sorted(os.listdir(mounted)) == ["demo.db"]
    listed = run("meetings", "--store", str(store), "--json")
    assert listed.returncode == 0, listed.stderr
    checked = run("check", "--store", str(store))
    assert checked.returncode == 0 and checked.stdout.strip() == f"{store}: OK", checked.stderr
    output = tmp_path / "book.docx"
    exported = run("export", "docx", "--store", str(store), "--meeting", "1", "-o", str(output))
    assert exported.returncode == 0 and output.stat().st_size > 10_000, exported.stderr
    assert sorted(os.listdir(mounted)) == ["demo.db"]
    assert_clean_failure(run("demo", "--store", str(store)), 1, str(store), "read-only")


def test_unreadable_recent_changes_are_refused_in_one_line(demo_store_file: Path, media):
    folder, mounted = media
    source = folder.parent / "open.db"
    shutil.copyfile(demo_store_file, source)
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE meetings SET title = 'Changed since the last checkpoint'")
    writer.commit()
    for suffix in ("", "-wal"):  # the store and its WAL as a copy made while it was open would have them
        shutil.copyfile(f"{source}{suffix}", folder / f"demo.db{suffix}")
    writer.close()
    assert (mounted / "demo.db-wal").stat().st_size > 0
    assert_clean_failure(run("meetings", "--store", str(mounted / "demo.db")), 1, "demo.db-wal",
                         "cannot be read in this read-only folder")


def test_a_read_only_folder_by_permissions(demo_store_path: Path):
    Store.open(demo_store_path).close()
    folder = demo_store_path.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        assert run("check", "--store", str(demo_store_path)).returncode == 0
        assert_clean_failure(run("demo", "--store", str(demo_store_path)), 1, "read-only")
    finally:
        folder.chmod(stat.S_IRWXU)
