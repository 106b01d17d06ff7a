"""Checks that keep a hostile zip-based file (an .xlsx workbook, a .docx template) harmless before
anything parses it: encrypted or old binary formats, damaged archives, and archives that unpack
to far more than they weigh (zip bombs).

zipfile never returns more bytes for a member than its declared size (and a member that holds
more fails its CRC check), so a cap on the declared sizes bounds what any reader can unpack;
`read_member` also counts the bytes it really unpacks, for callers that read parts themselves.
"""

import zipfile
from pathlib import Path

from council_prep.errors import CouncilPrepError

MAX_UNCOMPRESSED = 400 * 1024 * 1024  # all parts together, as the archive declares them
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected Office files and old .xls/.doc files
_CHUNK = 1 << 20


class UnsafeArchiveError(CouncilPrepError):
    """The file is not a sound zip archive of the expected kind, or it unpacks to too much."""


def is_ole(path: Path) -> bool:
    """True for an OLE compound file: how Office stores encrypted documents and old binary formats."""
    with Path(path).open("rb") as handle:
        return handle.read(8) == OLE_MAGIC


def check_archive(path: Path, *, what: str, required: str, limit: int = MAX_UNCOMPRESSED) -> None:
    """Refuse `path` unless it is a sound zip holding the part `required`, unpacking to at most `limit` bytes.

    `what` names the expected kind of file in messages ("an Excel workbook (.xlsx)").
    """
    path = Path(path)
    if is_ole(path):
        raise UnsafeArchiveError(f"{path}: a password-protected file or an old binary Office file; remove the "
                                 f"password or save it again as {what}")
    if not zipfile.is_zipfile(path):
        raise UnsafeArchiveError(f"{path}: not {what}, or the file is damaged or incomplete")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsafeArchiveError(f"{path}: the file is damaged ({exc})") from exc
    if required not in {m.filename for m in members}:
        raise UnsafeArchiveError(f"{path}: a zip file, but not {what}")
    declared = sum(m.file_size for m in members)
    if declared > limit:
        raise UnsafeArchiveError(f"{path}: the file unpacks to {declared / 2**20:,.0f} MB, more than the "
                                 f"{limit / 2**20:,.0f} MB allowed")


def read_member(path: Path, name: str, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """The unpacked bytes of part `name`, refused as soon as more than `limit` bytes come out."""
    path = Path(path)
    parts: list[bytes] = []
    size = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open(name) as source:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise UnsafeArchiveError(f"{path}: the part {name} unpacks to more than the "
                                             f"{limit / 2**20:,.0f} MB allowed")
                parts.append(chunk)
    except KeyError:
        raise UnsafeArchiveError(f"{path}: the part {name} is missing") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise UnsafeArchiveError(f"{path}: the part {name} is damaged ({exc})") from exc
    return b"".join(parts)
