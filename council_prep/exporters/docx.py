"""The briefing book as a Word document, styled by our template or the user's own."""

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from council_prep import __version__
from council_prep.book import Book, Section
from council_prep.exporters import (
    docx_brief,
    docx_enforcement,
    docx_front,
    docx_people,
    docx_questions,
    docx_records,
    docx_since,
)
from council_prep.exporters.docx_package import app_properties, read_template, rewrite_parts
from council_prep.exporters.docx_styles import TemplateStyleError
from council_prep.exporters.docx_writer import Writer
from council_prep.exporters.finish import finish_docx
from council_prep.exporters.office import require_soffice
from council_prep.exporters.output import (
    CancelCheck,
    ExportError,
    ProgressCallback,
    atomic_output,
    check_cancelled,
    save_package,
)
from council_prep.exporters.withheld import write_withheld_report
from council_prep.resources_path import resource

Part = Callable[[Writer, Book, Callable[[], None]], None]

# The book's parts in print order; those tied to a Section are left out when the user deselects it.
PARTS: list[tuple[Section | None, Part]] = [
    (None, docx_front.cover),
    (None, docx_front.contents),
    (None, docx_since.changes_since),
    (Section.AT_A_GLANCE, docx_front.at_a_glance),
    (Section.LOGISTICS, docx_front.logistics),
    (Section.PARTICIPANTS, docx_people.participants),
    (Section.AGENDA, docx_front.agenda),
    (Section.COMMITMENTS, docx_brief.commitments),
    (Section.AGENDA_ITEMS, docx_records.agenda_items),
    (Section.LAW_CHANGES, docx_records.law_changes),
    (Section.ENFORCEMENT, docx_enforcement.enforcement),
    (Section.PROJECTS, docx_brief.projects),
    (Section.SUBMISSIONS, docx_records.submissions),
    (Section.QUESTIONS, docx_questions.questions),
    (Section.ASKERS, docx_questions.askers),
    (Section.BIOGRAPHIES, docx_people.biographies),
]


def default_template() -> Path:
    return resource("templates", "briefing-book.docx")


def open_template(template: Path) -> Document:
    """The template as a document to write into (.docx, or a Word .dotx template), checked and stripped
    to what a book may take from it; a file Word cannot use as one is a clear ExportError."""
    template = Path(template)
    package = read_template(template)
    try:
        return docx.Document(package)
    except (ValueError, KeyError, zipfile.BadZipFile, XMLSyntaxError, PackageNotFoundError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise ExportError(f"{template}: not a Word template ({reason})") from None


def export_docx(book: Book, output: Path, *, template: Path | None = None, finish: bool = False,
                progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None) -> Path:
    """Write `book` to `output` (.docx), all or nothing; cancelling between parts leaves no file.

    `finish` lays the book out with LibreOffice and writes the contents' page numbers in (OfficeMissing,
    before anything is written, when there is none). A public edition gets its withheld report beside it.
    """
    output = Path(output)
    if finish:
        require_soffice(f"{output}: finishing the book")
    document = open_template(template if template is not None else default_template())
    parts = [part for section, part in PARTS if section is None or book.includes(section)]

    def tick() -> None:
        check_cancelled(cancelled, output)

    with atomic_output(output) as temp:
        try:
            writer = Writer(document)
        except TemplateStyleError as exc:
            raise ExportError(f"{template or default_template()}: {exc}") from None
        writer.running_heads(book.marking, book.meeting.title)
        for done, part in enumerate(parts, start=1):
            tick()
            part(writer, book, tick)
            if progress is not None:
                progress(done, len(parts))
        tick()
        writer.finish()
        _describe(document, book)
        save_package(document.save, temp)
        with zipfile.ZipFile(temp) as written:
            body = written.read("word/document.xml")
        rewrite_parts(temp, {"docProps/app.xml": app_properties(f"council-prep {__version__}", body)})
        if finish:
            finish_docx(temp)
    write_withheld_report(book, output)
    return output


def _describe(document: Document, book: Book) -> None:
    """Core properties from the meeting alone, replacing whatever the template carried."""
    properties = document.core_properties
    now = datetime.now().replace(microsecond=0)
    properties.title = book.meeting.title[:255]
    properties.subject = f"Briefing book: {book.agreement.name}"[:255]
    properties.author = properties.last_modified_by = "council-prep"
    properties.keywords = properties.comments = properties.category = ""
    properties.content_status = properties.identifier = properties.version = ""
    properties.created = properties.modified = now
    properties.revision = 1
