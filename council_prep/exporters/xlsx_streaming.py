"""A write-only openpyxl workbook that streams its sheets through our scratch folder and fails cleanly.

openpyxl streams each write-only sheet through a temporary file made in the system temp folder,
which a killed export leaves behind with the sheets' text in it. These sheets stream into the
export's own scratch folder instead (cleaned by the next export), through openpyxl's own
WorksheetWriter(out=...) parameter. A save that fails (a full disk) closes the archive and every
sheet's stream itself, so nothing is left to complain on stderr when it is collected.
"""

import contextlib
import datetime
import errno
import os
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from lxml import etree
from openpyxl import Workbook
from openpyxl.worksheet import _writer as sheet_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from council_prep.exporters.output import ExportError
from council_prep.exporters.scratch import scratch_file


class _ScratchSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows stream into a file of the scratch folder."""

    def _get_writer(self) -> None:
        if self._writer is None:
            out = str(scratch_file(".xml"))
            sheet_writer.ALL_TEMP_FILES.append(out)  # openpyxl's cleanup() and exit handler expect it listed
            self._writer = sheet_writer.WorksheetWriter(self, out=out)
            self._writer.write_top()

    def append(self, row: Any) -> None:
        try:
            super().append(row)
        except etree.SerialisationError as exc:
            raise _in_words(self, exc) from exc

    def close(self) -> None:
        try:
            super().close()
        except etree.SerialisationError as exc:
            raise _in_words(self, exc) from exc


def _in_words(sheet: WriteOnlyWorksheet, exc: etree.SerialisationError) -> ExportError:
    """lxml reports a failed write to a sheet's stream as SerialisationError('IO_ENOSPC'): say it in words."""
    code = getattr(errno, str(exc).removeprefix("IO_"), None)
    reason = os.strerror(code) if isinstance(code, int) else str(exc)
    where = sheet._writer.out if sheet._writer is not None else "the temporary folder"
    return ExportError(f"{where}: the workbook's temporary data could not be written ({reason})")


class StreamedWorkbook(Workbook):
    """Workbook(write_only=True) with sheets in the scratch folder, a clean failing save, and discard()."""

    def __init__(self) -> None:
        super().__init__(write_only=True)

    def create_sheet(self, title: str | None = None, index: int | None = None) -> _ScratchSheet:
        sheet = _ScratchSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet

    def save(self, filename: str | os.PathLike[str]) -> None:
        """Write the workbook to `filename`; on failure, discard the sheets and close the archive."""
        archive = ZipFile(filename, "w", ZIP_DEFLATED, allowZip64=True)
        try:
            self.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
            ExcelWriter(self, archive).save()
        except BaseException:
            self.discard()
            with contextlib.suppress(OSError):
                archive.close()  # a full disk fails this too; the file is removed by the caller
            raise

    def discard(self) -> None:
        """End every sheet's stream and delete its temporary file, for a workbook not to be saved.

        A stream broken by a failed write complains as it ends; that is expected here, and
        ending it now keeps the complaint from being printed when it is collected.
        """
        for sheet in self.worksheets:
            writer = sheet._writer
            if writer is None:
                continue
            for stream in (sheet._rows, writer.xf):
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
            with contextlib.suppress(OSError):
                os.remove(writer.out)
            with contextlib.suppress(ValueError):
                sheet_writer.ALL_TEMP_FILES.remove(writer.out)
