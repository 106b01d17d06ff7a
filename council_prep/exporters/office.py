"""LibreOffice, driven headless, for what python-docx cannot do: lay out pages. It turns a book into a
tagged PDF and measures on which page each heading falls, so the contents can carry real page numbers.

LibreOffice runs with a private profile in a temporary folder (a user's open LibreOffice neither
interferes nor notices), in its own process group, killed on timeout; the folder is removed after.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from council_prep.exporters.output import ExportError

SOFFICE_ENV = "COUNCIL_PREP_SOFFICE"  # the office program to use, when it is not found by itself
NEEDED = ("needs LibreOffice (the soffice program); install it (Debian: apt-get install libreoffice-writer) "
          f"or set {SOFFICE_ENV} to its path")
TIMEOUT = 240  # seconds for one conversion; a 50-page book takes a few

# The PDF: tagged (structure tree, marked content), PDF/UA where the filter supports it, bookmarks from
# the headings, Word bookmarks as named destinations (where finishing reads heading pages), the title
# shown in the viewer's window.
PDF_OPTIONS = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "ExportBookmarksToPDFDestination": True,
    "DisplayPDFDocumentTitle": True,
    "ExportNotes": False,
    "UseLosslessCompression": True,
}

_USUAL_PLACES = (
    "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe", r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class OfficeMissing(ExportError):
    """No office suite to lay out pages with."""


def find_soffice() -> Path | None:
    """LibreOffice's soffice: from $COUNCIL_PREP_SOFFICE, the PATH, or where installers put it."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return Path(named) if Path(named).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((Path(p) for p in _USUAL_PLACES if Path(p).is_file()), None)


def require_soffice(what: str) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise OfficeMissing(f"{what} {NEEDED}")
    return soffice


def _filter(options: dict[str, bool]) -> str:
    typed = {name: {"type": "boolean", "value": "true" if value else "false"} for name, value in options.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


def render_pdf(document: Path, pdf: Path, *, timeout: int = TIMEOUT) -> Path:
    """Lay out `document` (.docx) with LibreOffice and write it to `pdf` (a path in a folder that exists;
    the caller makes it atomic). Raises OfficeMissing or ExportError with one line."""
    soffice = require_soffice(f"{pdf}: writing a PDF")
    with tempfile.TemporaryDirectory(prefix="council-prep-office-") as work:
        folder = Path(work)
        source = folder / "book.docx"
        shutil.copyfile(document, source)
        profile = folder / "profile"
        command = [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", _filter(PDF_OPTIONS),
                   "--outdir", str(folder), str(source)]
        _run(command, timeout, pdf)
        produced = folder / "book.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise ExportError(f"{pdf}: LibreOffice ({soffice}) did not write the PDF")
        shutil.move(str(produced), pdf)
    return pdf


def _run(command: list[str], timeout: int, target: Path) -> None:
    """Run LibreOffice in a process group of its own, so a timeout kills it and every helper it started."""
    popen_options: dict = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "stdin": subprocess.DEVNULL}
    if sys.platform == "win32":
        popen_options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        popen_options["start_new_session"] = True
    try:
        process = subprocess.Popen(command, **popen_options)
    except OSError as exc:
        raise ExportError(f"{target}: LibreOffice could not be started ({exc.strerror or exc})") from exc
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ExportError(f"{target}: LibreOffice took longer than {timeout} s and was stopped") from None
    except BaseException:
        _kill(process)
        raise
    if process.returncode != 0:
        detail = (errors or b"").decode(errors="replace").strip().splitlines()
        raise ExportError(f"{target}: LibreOffice failed (exit {process.returncode})"
                          + (f": {detail[-1]}" if detail else ""))


def _kill(process: subprocess.Popen) -> None:
    if sys.platform == "win32":
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
