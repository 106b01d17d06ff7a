"""Reading back every part of an exported zip file (.docx, .xlsx) as text, to look for what must not be there."""

import zipfile
from html import unescape
from pathlib import Path


def zip_text(path: Path) -> str:
    """The XML of every part, entities resolved, joined: a name anywhere in the file is found in it."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(unescape(archive.read(name).decode("utf-8", "replace")) for name in archive.namelist())
