"""Pagination, checked as a reader sees it: every demo book (three meetings, both profiles, our template
and a second one with other fonts, page size and margins) laid out by LibreOffice in one run."""

from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Pt

from council_prep.book import Profile, assemble_book
from council_prep.exporters.docx import export_docx
from council_prep.store import Store
from tests.helpers.office import convert
from tests.helpers.pages import (
    contents_pages,
    heading_on_page,
    layout_of,
    lonely_pages,
    pdf_page_texts,
    sparse_pages,
    split_rows,
    squeezed,
)


def other_template(path: Path) -> Path:
    """A plain agency template: A4, wide margins, a larger serif body and a sans-serif heading."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.27), Inches(11.69)
    section.left_margin, section.right_margin = Inches(1.4), Inches(1.1)
    section.top_margin = section.bottom_margin = Inches(0.9)
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(12)
    for level, size in ((1, 20), (2, 15), (3, 12.5)):
        heading = document.styles[f"Heading {level}"]
        heading.font.name, heading.font.size = "DejaVu Sans", Pt(size)
    document.save(str(path))
    return path


@pytest.mark.slow
def test_demo_books_paginate_well_in_both_templates(demo_store: Store, tmp_path: Path):
    templates = {"ours": None, "other": other_template(tmp_path / "other.docx")}
    books = []
    for meeting in demo_store.meetings.find():
        for profile in Profile:
            book = assemble_book(demo_store, meeting.id, profile=profile)  # type: ignore[arg-type]
            for name, template in templates.items():
                books.append(export_docx(book, tmp_path / f"m{meeting.id}-{profile}-{name}.docx", template=template))
    assert len(books) == 12

    pdfs = convert(books, "pdf", tmp_path / "pdf")

    for book, pdf in zip(books, pdfs, strict=True):
        layout, pages = layout_of(book), pdf_page_texts(pdf)
        assert not split_rows(layout, pages), f"{pdf.name}: table rows split across pages"
        numbers = contents_pages(layout, pages)
        assert set(numbers) == set(layout.contents), \
            f"{pdf.name}: contents entries without a page number: {set(layout.contents) - set(numbers)}"
        for title, number in numbers.items():
            assert number <= len(pages) and heading_on_page(title, pages[number - 1]), \
                f"{pdf.name}: contents says {title!r} is on page {number}"
        first_section = min(numbers.values())
        lonely = [n for n in lonely_pages(layout, pages) if n >= first_section]
        assert not lonely, f"{pdf.name}: pages {lonely} hold only headings or table header rows"
        sparse = sparse_pages(layout, pages)
        assert not sparse, f"{pdf.name}: pages {sparse} hold a line or two alone"
        cover = squeezed(pages[0])
        assert "Page 1 of" not in cover, f"{pdf.name}: the cover has a page number"
        assert squeezed(pages[1]).startswith(squeezed(pages[1]).split(" Contents")[0])
        assert f"Page 2 of {len(pages)}" in squeezed(pages[1]), f"{pdf.name}: page 2 has no running footer"
