"""Real read-only and full file systems for tests, made with mount (the tests run as root in CI).

Where mounting is not allowed the test is skipped with the reason; each such test has a sibling
that needs no mount.
"""

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    if shutil.which("mount") is None:
        pytest.skip("mount is not available here")
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here ({result.stderr.strip() or result.returncode})")


@contextlib.contextmanager
def read_only_copy(folder: Path) -> Iterator[Path]:
    """`folder` seen through a read-only bind mount, as on a CD or a write-protected stick."""
    target = Path(tempfile.mkdtemp(prefix="read-only-"))
    try:
        _mount("--bind", str(folder), str(target))
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], check=True, capture_output=True)
            yield target
        finally:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)
    finally:
        target.rmdir()


@contextlib.contextmanager
def tiny_disk(size: str = "64k") -> Iterator[Path]:
    """A fresh tmpfs of `size`: writing more than that fails with ENOSPC."""
    target = Path(tempfile.mkdtemp(prefix="tiny-disk-"))
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target))
        try:
            yield target
        finally:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)
    finally:
        target.rmdir()
