"""What every exporter shares: all-or-nothing output files, progress reports and cancellation."""

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from council_prep.errors import CouncilPrepError
from council_prep.exporters.scratch import noted

# progress(done, total): called now and then from the exporting thread.
ProgressCallback = Callable[[int, int], None]
# cancelled(): polled between steps; True stops the export and leaves no file.
CancelCheck = Callable[[], bool]


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import, on the main thread: os.umask can only be read by setting it.
_NEW_FILE_MODE = 0o666 & ~_read_umask()


class ExportError(CouncilPrepError):
    """The file could not be written (folder missing, no permission, bad template...)."""


class ExportCancelled(CouncilPrepError):
    """The user cancelled the export; nothing was written."""

    def __init__(self, output: Path):
        super().__init__(f"{output}: export cancelled; no file was written")


@contextlib.contextmanager
def atomic_output(output: Path) -> Iterator[Path]:
    """Yield a temporary path beside `output`; rename it over `output` only if the block succeeds.

    A failure or a cancellation therefore never leaves a half-written file, nor destroys the
    previous version of `output`; if the process is killed, the next export removes the
    temporary file (see scratch). A full disk or an I/O error is reported naming `output`.
    """
    output = Path(output).expanduser()
    folder = output.parent
    if not folder.is_dir():
        raise ExportError(f"{output}: the folder {folder} does not exist")
    if output.is_dir():
        raise ExportError(f"{output}: is a folder")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=output.suffix + ".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{output}: cannot write in {folder} ({exc.strerror})") from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        with noted(temp):
            try:
                yield temp
            except OSError as exc:
                if exc.filename is not None and Path(exc.filename) != temp:
                    raise  # another file (a template) failed: its own name says which
                raise ExportError(f"{output}: could not be written ({exc.strerror or exc})") from exc
            try:
                # mkstemp makes the file private; give it the mode an ordinary new file (or the one
                # it replaces) would have, so a book on a shared drive stays readable by colleagues.
                os.chmod(temp, output.stat().st_mode & 0o777 if output.exists() else _NEW_FILE_MODE)
                os.replace(temp, output)
            except OSError as exc:
                raise ExportError(f"{output}: could not be written ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def save_package(save: Callable[[BinaryIO], object], temp: Path) -> None:
    """Have a library write its zip package into memory, then write the bytes to `temp` ourselves.

    A library that leaves its zip file open when a write fails (python-docx does) would report
    the failure a second time, as an "Exception ignored" traceback, when the file is collected;
    in memory the package cannot fail half-way, and our own write fails once, in words.
    """
    buffer = io.BytesIO()
    save(buffer)
    with open(temp, "wb") as file:
        file.write(buffer.getbuffer())


def check_cancelled(cancelled: CancelCheck | None, output: Path) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled(output)
