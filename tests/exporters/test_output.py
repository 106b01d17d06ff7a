"""All-or-nothing output files: the previous file survives a failure, permissions are ordinary."""

import os
import stat
from pathlib import Path

import pytest

from council_prep.exporters.output import ExportCancelled, ExportError, atomic_output, check_cancelled


def test_success_replaces_the_file_with_ordinary_permissions(tmp_path: Path):
    target = tmp_path / "book.docx"
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["book.docx"]


def test_replacing_keeps_the_previous_files_mode(tmp_path: Path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failure_or_cancel_keeps_the_previous_file_and_leaves_no_temp(tmp_path: Path):
    target = tmp_path / "book.docx"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")
    with pytest.raises(ExportCancelled, match="no file was written"), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        check_cancelled(lambda: True, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["book.docx"]


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ExportError, match="does not exist"), atomic_output(tmp_path / "nope" / "b.docx"):
        pass
