"""A workbook damaged inside its XML ends as one line naming the file and sheet: from the API and the CLI."""

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from council_prep.importers import UnreadableFileError, plan_question_import
from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.files import rewrite_part, snapshot, write_xlsx

ROOT = Path(__file__).parents[2]
SHEET = "xl/worksheets/sheet1.xml"
SHARED = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
          '<si><t>Question</t></si><si><t>Broken')  # cut short: no closing tags
XXE = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>')


def shared_strings(xml: bytes) -> bytes:
    return xml.replace(b'<c r="A1" t="inlineStr"><is><t>Question</t></is></c>', b'<c r="A1" t="s"><v>0</v></c>')


def with_shared_strings(path: Path) -> Path:
    rewrite_part(path, SHEET, shared_strings, {"xl/sharedStrings.xml": SHARED.encode()})
    rewrite_part(path, "xl/_rels/workbook.xml.rels", lambda xml: xml.replace(b"</Relationships>", (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')))
    return rewrite_part(path, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>')))


DAMAGE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "stray tag": (lambda p: rewrite_part(p, SHEET, lambda x: x.replace(b"</row>", b"</row></stray>", 1)),
                  "sheet Questions: the workbook is damaged or incomplete"),
    "undefined entity": (lambda p: rewrite_part(p, SHEET, lambda x: x.replace(b"Ana", b"&nobody;")),
                         "sheet Questions: the workbook is damaged or incomplete"),
    "no sheets": (lambda p: rewrite_part(p, "xl/workbook.xml", lambda x: x.split(b"<sheets>")[0] + b"<sheets/>"
                                         + x.split(b"</sheets>")[1]), "the workbook has no sheets"),
    "broken shared strings": (with_shared_strings, "cannot be read as an Excel workbook"),
    "external entity": (lambda p: rewrite_part(p, SHEET, lambda x: XXE + x.replace(b"Ana", b"&secret;")),
                        "sheet Questions: the workbook is damaged or incomplete"),
    "sheet part missing": (lambda p: rewrite_part(p, SHEET, lambda x: None), "the workbook has no sheets"),
}


@pytest.fixture
def meeting_id(store: Store) -> int:
    return fill_meeting(store)


def damaged(tmp_path: Path, kind: str) -> Path:
    seed = write_xlsx(tmp_path / f"{kind.replace(' ', '-')}.xlsx", [["Question", "Asker"], ["Hi?", "Ana"]])
    return DAMAGE[kind][0](seed)


@pytest.mark.parametrize("kind", DAMAGE)
def test_each_damage_is_one_line_from_the_api(store: Store, meeting_id: int, tmp_path: Path, kind: str) -> None:
    path = damaged(tmp_path, kind)
    before = snapshot(store)
    with pytest.raises(UnreadableFileError) as caught:
        plan_question_import(store, meeting_id, path)
    message = str(caught.value)
    assert message.startswith(str(path)) and DAMAGE[kind][1] in message and "\n" not in message
    assert "root:" not in message  # nothing of /etc/passwd
    assert snapshot(store) == before


@pytest.mark.parametrize("kind", ["stray tag", "undefined entity", "no sheets", "broken shared strings"])
def test_each_damage_is_one_line_on_the_command_line(store_path: Path, store: Store, meeting_id: int,
                                                     tmp_path: Path, kind: str) -> None:
    path = damaged(tmp_path, kind)
    store.close()
    done = subprocess.run([sys.executable, "-c", "from council_prep.cli import main; main()", "import", "questions",
                           "--store", str(store_path), "--meeting", str(meeting_id), str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in done.stderr, done.stderr


def test_only_the_imported_sheet_is_read(store: Store, meeting_id: int, tmp_path: Path) -> None:
    """Another sheet, unsized and damaged past its first row, is never parsed: opening the workbook
    does not scan every sheet's XML for its size (openpyxl would, where a sheet declares none)."""
    book = openpyxl.Workbook()
    book.active.title = "Questions"
    book.active.append(["Question", "Asker"])
    book.active.append(["Will inspectors visit coffee farms?", "Ana"])
    notes = book.create_sheet("Notes")
    notes.append(["Note"])
    notes.append(["Kept by the desk"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    rewrite_part(path, "xl/worksheets/sheet2.xml",
                 lambda xml: re.sub(rb"<dimension [^>]*/>", b"", xml).replace(b"</row>", b"</row></stray>", 1))

    plan = plan_question_import(store, meeting_id, path)

    assert [q.text for q in plan.added] == ["Will inspectors visit coffee farms?"] and not plan.problems
