"""The briefing book as a PDF: the Word book laid out by LibreOffice, tagged, with bookmarks from the
headings, its title and language, and the contents' page numbers."""

import tempfile
from pathlib import Path

from council_prep.book import Book
from council_prep.exporters.docx import export_docx
from council_prep.exporters.finish import finish_docx
from council_prep.exporters.office import require_soffice
from council_prep.exporters.output import CancelCheck, ProgressCallback, check_cancelled
from council_prep.exporters.withheld import write_withheld_report


def export_pdf(book: Book, output: Path, *, template: Path | None = None,
               progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None) -> Path:
    """Write `book` to `output` (.pdf), all or nothing; OfficeMissing when no LibreOffice is installed."""
    output = Path(output)
    require_soffice(f"{output}: writing a PDF")
    with tempfile.TemporaryDirectory(prefix="council-prep-pdf-") as work:
        document = Path(work) / "book.docx"
        export_docx(book, document, template=template, progress=progress, cancelled=cancelled)
        check_cancelled(cancelled, output)
        finish_docx(document, pdf=output)
    write_withheld_report(book, output)
    return output
