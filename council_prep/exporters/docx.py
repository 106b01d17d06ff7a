"""The briefing book as a Word document, styled by our template or the user's own."""

import io
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from council_prep.book import Book, Section
from council_prep.exporters import docx_front, docx_questions, docx_records
from council_prep.exporters.docx_writer import Writer
from council_prep.exporters.finish import finish_docx
from council_prep.exporters.office import require_soffice
from council_prep.exporters.output import (
    CancelCheck,
    ExportError,
    ProgressCallback,
    atomic_output,
    check_cancelled,
)
from council_prep.exporters.withheld import write_withheld_report
from council_prep.resources_path import resource

Part = Callable[[Writer, Book, Callable[[], None]], None]

# The book's parts in print order; those tied to a Section are left out when the user deselects it.
PARTS: list[tuple[Section | None, Part]] = [
    (None, docx_front.cover),
    (None, docx_front.contents),
    (Section.AT_A_GLANCE, docx_front.at_a_glance),
    (Section.LOGISTICS, docx_front.logistics),
    (Section.AGENDA, docx_front.agenda),
    (Section.AGENDA_ITEMS, docx_records.agenda_items),
    (Section.LAW_CHANGES, docx_records.law_changes),
    (Section.SUBMISSIONS, docx_records.submissions),
    (Section.QUESTIONS, docx_questions.questions),
    (Section.ASKERS, docx_questions.askers),
]


def default_template() -> Path:
    return resource("templates", "briefing-book.docx")


def open_template(template: Path) -> Document:
    """The template as a document to write into (.docx, or a Word .dotx template); a file Word cannot use
    as one is a clear ExportError."""
    template = Path(template)
    try:
        if template.suffix.lower() == ".dotx":
            return docx.Document(_dotx_as_docx(template))
        return docx.Document(str(template))
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "it is a folder"
    except PackageNotFoundError:
        reason = "not a .docx file" if template.exists() else "no such file"
    except (ValueError, KeyError, zipfile.BadZipFile, XMLSyntaxError) as exc:
        reason = str(exc).strip() or type(exc).__name__
    except OSError as exc:
        reason = exc.strerror or str(exc)
    raise ExportError(f"{template}: not a Word template ({reason})")


def _dotx_as_docx(template: Path) -> io.BytesIO:
    """A .dotx differs from a .docx only in its main part's content type; python-docx opens only the latter."""
    converted = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(converted, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.template.main+xml", b"wordprocessingml.document.main+xml")
            target.writestr(item, data)
    converted.seek(0)
    return converted


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
        writer = Writer(document)
        writer.running_heads(book.marking, book.meeting.title)
        for done, part in enumerate(parts, start=1):
            tick()
            part(writer, book, tick)
            if progress is not None:
                progress(done, len(parts))
        tick()
        writer.finish()
        _describe(document, book)
        document.save(str(temp))
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
