"""One spelling for every uid: the same UUID written in upper case, in braces or as a URN is one uid."""

import re
import uuid

_HEX = r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}"
_WRITTEN = re.compile(rf"(?:urn:uuid:)?(?:\{{{_HEX}\}}|{_HEX})")


def normalise_uid(text: str) -> str:
    """The canonical form (lower case, hyphenated, no braces or `urn:uuid:`) of a uid as written.

    Raises ValueError with a sentence for the user when `text` is not a UUID.
    """
    written = text.strip().lower()
    if not _WRITTEN.fullmatch(written):
        raise ValueError(f"'{text.strip()}' is not a uid (a UUID such as {uuid.UUID(int=0)})")
    return str(uuid.UUID(written))

