"""LibreOffice opens every book we write: each demo meeting in both profiles, in one conversion run."""

import re
from pathlib import Path

import docx
import pytest

from council_prep.book import Profile, assemble_book
from council_prep.exporters.docx import export_docx
from council_prep.store import Store
from tests.exporters.test_docx_input import build_awkward
from tests.helpers.office import convert, pdf_pages, pdf_text


def squeezed(text: str) -> str:
    """Whitespace folded, and words broken at a hyphen across lines joined again."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


def contents_entries(path: Path) -> list[str]:
    return [p.text.split("\t")[0] for p in docx.Document(str(path)).paragraphs if p.style.name in ("TOC 1", "TOC 2")]


def extractable(heading: str) -> bool:
    """pdftotext gives right-to-left text in visual order and splits emoji sequences, so only headings in
    left-to-right alphabets can be compared with the extracted text."""
    return all(ord(c) < 0x0590 or 0x2000 <= ord(c) <= 0x206F for c in heading)


def running_heads(path: Path) -> set[str]:
    section = docx.Document(str(path)).sections[0]
    return {p.text.strip() for p in [*section.header.paragraphs, *section.footer.paragraphs]}


def content_lines(page: str, furniture: set[str]) -> list[str]:
    """A page's lines other than its header and footer."""
    lines = (squeezed(line).strip() for line in page.splitlines())
    return [line for line in lines if line and line not in furniture and not re.fullmatch(r"Page \d+ of \d+", line)]


@pytest.mark.slow
def test_every_demo_meeting_and_an_awkward_one_render_in_libreoffice(demo_store: Store, store: Store,
                                                                        tmp_path: Path):
    books: list[Path] = []
    meeting_ids = [m.id for m in demo_store.meetings.find()]
    assert len(meeting_ids) >= 3
    for meeting_id in meeting_ids:
        for profile in Profile:
            book = assemble_book(demo_store, meeting_id, profile=profile)  # type: ignore[arg-type]
            books.append(export_docx(book, tmp_path / f"meeting-{meeting_id}-{profile}.docx"))
    books.append(export_docx(assemble_book(store, build_awkward(store)), tmp_path / "awkward.docx"))

    pdfs = convert(books, "pdf", tmp_path / "pdf")

    for book, pdf in zip(books, pdfs, strict=True):
        pages = pdf_pages(pdf)
        assert pages >= 6, f"{pdf.name}: only {pages} pages"
        text = pdf_text(pdf)
        flat = squeezed(text)
        assert f"Page 1 of {pages}" not in flat, f"{pdf.name}: the cover carries a page number"
        assert f"Page 2 of {pages}" in flat and f"Page {pages} of {pages}" in flat, pdf.name
        entries = contents_entries(book)
        assert "Agenda items" in entries and "Public-session questions" in entries
        for heading in filter(extractable, entries):
            assert flat.count(squeezed(heading)) >= 2, f"{pdf.name}: {heading!r} not in both contents and body"
        furniture = running_heads(book)
        assert any(line.startswith("Prepared") for line in content_lines(text.split("\f")[0], furniture)), \
            f"{pdf.name}: the cover runs over one page"
        for number, page in enumerate(text.split("\f")[:pages], start=1):
            assert content_lines(page, furniture), f"{pdf.name}: page {number} is empty"
