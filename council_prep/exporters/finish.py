"""Finishing a Word book: its contents get the page numbers LibreOffice lays the headings out on, so
every reader shows them (Word in Protected View, viewers that never update fields), and Word is no
longer asked to update fields on open.

The book's own package is kept (its styles, properties and parts): only the PAGEREF results of the
contents entries and the update-on-open flag change. LibreOffice is used only to measure.
"""

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from council_prep.exporters.office import render_pdf
from council_prep.exporters.output import atomic_output
from council_prep.exporters.pdf_tags import add_figure_alt_text, alt_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
PAGEREF = re.compile(r"^\s*PAGEREF\s+(\S+)")


def pdf_name(anchor: str) -> str:
    """How LibreOffice names a Word bookmark among the PDF's destinations ("_Toc1" -> "5FToc1")."""
    return "".join(c if c.isalnum() else f"{ord(c):02X}" for c in anchor)


def destination_pages(pdf: Path) -> dict[str, int]:
    """The PDF's named destinations and their 1-based page numbers, and its page count under ""."""
    import pypdf  # only when finishing

    reader = pypdf.PdfReader(str(pdf))
    pages = {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
             for name, dest in reader.named_destinations.items()}
    pages[""] = len(reader.pages)
    return pages


def _page_refs(body) -> list[tuple[str, etree._Element]]:
    """(bookmark, the w:t holding the field's shown result) for every PAGEREF field."""
    found = []
    for instr in body.iter(f"{W}instrText"):
        match = PAGEREF.match(instr.text or "")
        if not match:
            continue
        run = instr.getparent()
        shown = None
        for sibling in run.itersiblings():
            if sibling.find(f"{W}fldChar[@{W}fldCharType='end']") is not None:
                break
            shown = sibling.find(f"{W}t") if sibling.tag == f"{W}r" else None
            if shown is not None:
                break
        if shown is not None:
            found.append((match.group(1), shown))
    return found


def write_page_numbers(document: Path, pages: dict[str, int]) -> bool:
    """Write each PAGEREF's page into `document` (in place, atomically) and drop Word's update-on-open
    flag; True when a number changed."""
    with zipfile.ZipFile(document) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        settings = etree.fromstring(archive.read("word/settings.xml"))
        application = etree.fromstring(archive.read("docProps/app.xml"))
    changed = False
    for anchor, shown in _page_refs(body):
        page = pages.get(pdf_name(anchor))
        text = str(page) if page is not None else ""
        if shown.text != text:
            shown.text, changed = text, True
    for flag in settings.findall(f"{W}updateFields"):
        settings.remove(flag)
    count = application.find(f"{EP}Pages")
    if count is not None and pages.get(""):
        count.text = str(pages[""])
    replaced = {"word/document.xml": body, "word/settings.xml": settings, "docProps/app.xml": application}
    with (atomic_output(document) as temp, zipfile.ZipFile(document) as source,
          zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as target):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in replaced:
                data = etree.tostring(replaced[item.filename], xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(item, data)
    return changed


def finish_docx(document: Path, *, pdf: Path | None = None) -> Path:
    """Give `document`'s contents real page numbers; with `pdf`, also keep that layout as a PDF.

    One layout suffices: LibreOffice computes the PAGEREF fields itself as it lays out the pages, so the
    numbers written in change no line of its layout, and the PDF shows the same numbers.
    """
    with tempfile.TemporaryDirectory(prefix="council-prep-finish-") as work:
        measured = Path(work) / "measured.pdf"
        render_pdf(document, measured)
        write_page_numbers(document, destination_pages(measured))
        if pdf is not None:
            add_figure_alt_text(measured, alt_texts(document))
            with atomic_output(pdf) as temp:
                shutil.copyfile(measured, temp)
    return document
