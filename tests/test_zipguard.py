"""The zip checks every reader of an Office file goes through (workbooks now, Word templates too)."""

import re
import zipfile
from pathlib import Path

import pytest

from council_prep.zipguard import MAX_UNCOMPRESSED, UnsafeArchiveError, check_archive, read_member

DOCX = "a Word document (.docx)"


def archive(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_a_sound_archive_passes_and_its_parts_are_read(tmp_path: Path) -> None:
    path = archive(tmp_path / "t.docx", {"word/document.xml": b"<w:document/>", "word/styles.xml": b"<w:styles/>"})
    check_archive(path, what=DOCX, required="word/document.xml")
    assert read_member(path, "word/styles.xml") == b"<w:styles/>"


@pytest.mark.parametrize(("content", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "a password-protected file or an old binary Office file"),
    (b"just text", "not a Word document (.docx), or the file is damaged or incomplete"),
])
def test_files_that_are_not_zips_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(content)
    with pytest.raises(UnsafeArchiveError, match=re.escape(reason)):
        check_archive(path, what=DOCX, required="word/document.xml")


def test_a_zip_without_the_expected_part_is_refused(tmp_path: Path) -> None:
    path = archive(tmp_path / "t.docx", {"xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(UnsafeArchiveError, match="a zip file, but not a Word document"):
        check_archive(path, what=DOCX, required="word/document.xml")


def test_a_bomb_is_refused_on_its_declared_size_and_on_what_really_comes_out(tmp_path: Path) -> None:
    path = archive(tmp_path / "bomb.docx", {"word/document.xml": b"<w:document/>",
                                            "word/styles.xml": bytes(3 * 2**20)})
    with pytest.raises(UnsafeArchiveError, match="unpacks to 3 MB, more than the 2 MB allowed"):
        check_archive(path, what=DOCX, required="word/document.xml", limit=2 * 2**20)
    with pytest.raises(UnsafeArchiveError, match=re.escape("word/styles.xml unpacks to more than the 1 MB")):
        read_member(path, "word/styles.xml", limit=2**20)
    assert MAX_UNCOMPRESSED == 400 * 2**20


def test_a_part_that_lies_about_its_size_is_refused(tmp_path: Path) -> None:
    path = archive(tmp_path / "liar.docx", {"word/document.xml": b"<w:document/>", "word/styles.xml": bytes(4096)})
    data = bytearray(path.read_bytes())
    # Declare 16 bytes in the part's central directory entry (the last mention of its name).
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/styles.xml"))
    data[entry + 24:entry + 28] = (16).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    check_archive(path, what=DOCX, required="word/document.xml")  # 16 declared bytes are within any cap
    with pytest.raises(UnsafeArchiveError, match=re.escape("the part word/styles.xml is damaged")):
        read_member(path, "word/styles.xml")


def test_a_missing_part_is_named(tmp_path: Path) -> None:
    path = archive(tmp_path / "t.docx", {"word/document.xml": b"<w:document/>"})
    with pytest.raises(UnsafeArchiveError, match=re.escape("the part word/styles.xml is missing")):
        read_member(path, "word/styles.xml")
