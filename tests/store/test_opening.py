"""Store.open on files that are not stores: one StoreError with a plain message, never a traceback
and never a hang."""

import os
import shutil
from pathlib import Path

import pytest

from council_prep.store import CorruptStoreError, NotAStoreError, Store, StoreError, StoreNotFoundError


def made(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
def test_files_that_are_not_stores(tmp_path: Path, demo_store_file: Path, read_only: bool):
    demo = demo_store_file.read_bytes()
    header_with_bad_page_size = demo[:16] + b"\x00\x03" + demo[18:]
    zip_file = shutil.make_archive(str(tmp_path / "archive"), "zip", demo_store_file.parent)
    cases = {
        made(tmp_path, "text.db", b"Meeting notes.\n" * 400): (NotAStoreError, "not an SQLite database"),
        Path(zip_file): (NotAStoreError, "not an SQLite database"),
        made(tmp_path, "header.db", demo[:16]): (NotAStoreError, "not an SQLite database"),
        made(tmp_path, "page.db", header_with_bad_page_size): (NotAStoreError, "not an SQLite database"),
        made(tmp_path, "half.db", demo[: len(demo) // 2]): (CorruptStoreError, "restore it from a backup"),
        made(tmp_path, "root.db", demo[:100] + b"\xff" * 3996 + demo[4096:]): (CorruptStoreError, "damaged"),
    }
    for path, (error, words) in cases.items():
        with pytest.raises(error, match=words) as raised:
            Store.open(path, read_only=read_only)
        assert str(raised.value).startswith(f"{path}: ")


def test_an_empty_file_is_no_store_to_review_but_can_become_one(tmp_path: Path):
    empty = made(tmp_path, "empty.db", b"")
    with pytest.raises(NotAStoreError, match="an empty file, not a council-prep store"):
        Store.open(empty, read_only=True)
    with Store.open(empty) as store:
        assert store.is_empty()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev/null are POSIX")
@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
def test_pipes_devices_and_broken_links(tmp_path: Path, read_only: bool):
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)  # opening it would wait forever for a writer
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to(tmp_path / "gone" / "store.db")
    loop = tmp_path / "loop.db"
    loop.symlink_to(tmp_path / "loop2.db")
    (tmp_path / "loop2.db").symlink_to(loop)
    cases: dict[Path, tuple[type[StoreError], str]] = {
        pipe: (NotAStoreError, "not a regular file"),
        Path("/dev/null"): (NotAStoreError, "not a regular file"),
        dangling: (StoreNotFoundError, "a link to a file that does not exist"),
        loop: (StoreNotFoundError, "a loop of links"),
    }
    for path, (error, words) in cases.items():
        with pytest.raises(error, match=words):
            Store.open(path, read_only=read_only)
