"""Temporary data of exports, kept where it can be found again and cleaned.

An export writes its file under a hidden `.part` name beside the target (so the final rename is
atomic) and streams workbook sheets through temporary files holding the sheets' text, confidential
askers included. Each process keeps these in a private folder of its own under the user cache
folder, and leaves there a note naming every `.part` file it has open. A process killed midway
cannot clean up; the next export does, removing every leftover folder (and the `.part` files its
notes name) whose process is gone and that is older than a few minutes.
"""

import atexit
import contextlib
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from platformdirs import user_cache_path

STALE_AFTER_SECONDS = 300  # a leftover younger than this is left alone, whoever owns it
_PART_NOTE = "part-"  # prefix of a note file whose text is the path of an open .part file

_lock = threading.Lock()
_folder: Path | None = None


def scratch_root() -> Path:
    return user_cache_path("council-prep", appauthor=False) / "council-prep-tmp"


def scratch_folder() -> Path:
    """This process's private temporary folder, made (and old leftovers cleaned) on first use."""
    global _folder
    with _lock:
        if _folder is None or not _folder.is_dir():
            root = scratch_root()
            root.mkdir(parents=True, exist_ok=True)
            clean_leftovers(root)
            folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
            folder.mkdir(mode=0o700)
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            _folder = folder
        return _folder


def scratch_file(suffix: str) -> Path:
    """A new empty file, private to this user, in the scratch folder."""
    path = scratch_folder() / f"{secrets.token_hex(8)}{suffix}"
    path.touch(mode=0o600, exist_ok=False)
    return path


@contextlib.contextmanager
def noted(part: Path) -> Iterator[None]:
    """Note `part` as open for the block's length, so a later run removes it if this process dies."""
    note = scratch_folder() / f"{_PART_NOTE}{secrets.token_hex(8)}"
    note.write_text(str(part.resolve()), encoding="utf-8")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            note.unlink()


def clean_leftovers(root: Path | None = None) -> list[Path]:
    """Remove the folders of dead processes older than STALE_AFTER_SECONDS, with the `.part`
    files their notes name; returns what was removed."""
    root = root or scratch_root()
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for folder in root.iterdir():
            if not _stale(folder):
                continue
            for note in folder.glob(f"{_PART_NOTE}*"):
                with contextlib.suppress(OSError, UnicodeDecodeError):
                    part = Path(note.read_text(encoding="utf-8"))
                    if part.name.startswith(".") and part.name.endswith(".part") and part.is_file():
                        part.unlink()
                        removed.append(part)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _stale(folder: Path) -> bool:
    pid, _, token = folder.name.partition("-")
    if not (pid.isdigit() and token) or not folder.is_dir():
        return False
    try:
        age = time.time() - folder.stat().st_mtime
    except OSError:
        return False
    if os.name == "nt":  # os.kill would end the process there: age alone decides, generously
        return age > 24 * 3600
    return age > STALE_AFTER_SECONDS and not _alive(int(pid))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True
