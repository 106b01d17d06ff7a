"""The PDF book and the finished Word book, through a real LibreOffice; and what happens without one."""

import os
import stat
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from council_prep.book import SECTION_TITLES, Section, assemble_book
from council_prep.cli import main
from council_prep.exporters import office
from council_prep.exporters.docx import export_docx
from council_prep.exporters.finish import destination_pages, pdf_name
from council_prep.exporters.output import ExportError
from council_prep.store import Store
from tests.exporters.test_docx import build_sample

pytestmark = pytest.mark.slow


@pytest.fixture
def sample_store(store_path: Path, store: Store) -> tuple[Path, int]:
    meeting_id = build_sample(store)
    store.close()
    return store_path, meeting_id


def run(*args) -> object:
    return CliRunner().invoke(main, ["export", *map(str, args)])


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    flat: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                flat.append((depth, item.title))
    walk(reader.outline, 0)
    return flat


def test_pdf_is_tagged_bookmarked_titled_and_in_english(sample_store, tmp_path):
    store_path, meeting_id = sample_store
    result = run("pdf", "--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "book.pdf")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(str(tmp_path / "book.pdf"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged: marked content
    assert "/StructTreeRoot" in root  # and a structure tree
    assert root["/Lang"] == "en-US"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # the title, not the file name, shown
    assert reader.metadata.title == "Sub-Committee on Labor Affairs, 2026"
    level1 = [title for depth, title in outline(reader) if depth == 0]
    assert level1 == [SECTION_TITLES[section] for section in Section]  # the internal edition prints them all
    structure = _structure_types(root["/StructTreeRoot"])
    assert {"H1", "Table", "TH", "TD"} <= structure or {"H1", "Table", "TD"} <= structure, structure
    assert "Figure" not in structure or _figures_have_alt(root["/StructTreeRoot"])
    text = "".join(page.extract_text() for page in reader.pages[:3])
    assert "Agenda items" in text
    # Machine-checkable PDF/UA rules: the identifier in the metadata, tab order by structure on pages with
    # annotations, and every link annotation described and in the structure tree.
    assert "<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data().decode()
    links = 0
    for page in reader.pages:
        annotations = [a.get_object() for a in page.get("/Annots") or []]
        if annotations:
            assert page["/Tabs"] in ("/S", "S")  # structure order
        for annotation in annotations:
            if annotation["/Subtype"] == "/Link":
                links += 1
                assert annotation.get("/Contents") and "/StructParent" in annotation
    assert links > 10  # the contents entries and links within the book


def _structure_types(node, seen=None) -> set[str]:
    seen = set() if seen is None else seen
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kid in node:
            _structure_types(kid, seen)
        return seen
    if not isinstance(node, dict):
        return seen
    if "/S" in node:
        seen.add(str(node["/S"]).lstrip("/"))
    if "/K" in node:
        _structure_types(node["/K"], seen)
    return seen


def _figures_have_alt(node) -> bool:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        return all(_figures_have_alt(k) for k in node)
    if not isinstance(node, dict):
        return True
    if node.get("/S") == "/Figure" and not node.get("/Alt"):
        return False
    return _figures_have_alt(node["/K"]) if "/K" in node else True


def test_finished_word_book_carries_the_page_numbers_of_its_headings(sample_store, tmp_path):
    store_path, meeting_id = sample_store
    plain = tmp_path / "plain.docx"
    finished = tmp_path / "finished.docx"
    assert run("docx", "--store", store_path, "--meeting", meeting_id, "-o", plain).exit_code == 0
    result = run("docx", "--finish", "--store", store_path, "--meeting", meeting_id, "-o", finished)
    assert result.exit_code == 0, result.output
    entries = [p for p in docx.Document(str(plain)).paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert entries and all(p.text.endswith("\t") for p in entries)  # unfinished: no numbers yet
    finished_entries = [p for p in docx.Document(str(finished)).paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    numbers = [int(p.text.rsplit("\t", 1)[1]) for p in finished_entries]
    assert numbers == sorted(numbers) and numbers[0] >= 2
    # The numbers are where LibreOffice lays the headings out.
    office.render_pdf(finished, tmp_path / "finished.pdf")
    pages = destination_pages(tmp_path / "finished.pdf")
    for entry, number in zip(finished_entries, numbers, strict=True):
        anchor = entry._p.xpath(".//w:hyperlink/@w:anchor")[0]
        assert pages[pdf_name(anchor)] == number, entry.text
    with zipfile.ZipFile(finished) as archive:
        assert b"updateFields" not in archive.read("word/settings.xml")  # Word no longer asks on open
        application = archive.read("docProps/app.xml").decode()
        assert "LibreOffice" not in application  # our package, not LibreOffice's
        assert f"<Pages>{len(pypdf.PdfReader(str(tmp_path / 'finished.pdf')).pages)}</Pages>" in application


def test_without_libreoffice_pdf_says_what_it_needs_and_word_still_works(sample_store, tmp_path, monkeypatch):
    store_path, meeting_id = sample_store
    monkeypatch.setenv(office.SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    result = run("pdf", "--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "book.pdf")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "needs LibreOffice" in result.output
    assert not (tmp_path / "book.pdf").exists()
    finish = run("docx", "--finish", "--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "f.docx")
    assert finish.exit_code == 1 and "needs LibreOffice" in finish.output
    assert not (tmp_path / "f.docx").exists()
    plain = run("docx", "--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "book.docx")
    assert plain.exit_code == 0 and (tmp_path / "book.docx").exists()


def test_a_hung_office_is_stopped_and_its_files_removed(store: Store, tmp_path, monkeypatch):
    """A stand-in soffice that never ends: the export stops it at the timeout, with its children."""
    marker = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {marker}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(office.SOFFICE_ENV, str(fake))
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))  # only this test's folders in sight
    book = export_docx(assemble_book(store, build_sample(store)), tmp_path / "book.docx")
    started = time.monotonic()
    with pytest.raises(ExportError, match="took longer than 2 s and was stopped"):
        office.render_pdf(book, tmp_path / "book.pdf", timeout=2)
    assert time.monotonic() - started < 30
    child = int(marker.read_text())
    time.sleep(0.2)
    assert not _alive(child), "the office's child process was left running"
    assert not list(private_temp.iterdir()), "the office's temporary folder was left behind"
    assert not (tmp_path / "book.pdf").exists()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")
