"""Text hygiene shared by every record: what the user typed is kept, minus what no file can hold."""

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, and the two non-characters XML rejects.
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Normalise line ends and drop control characters that Word, Excel and XML cannot store."""
    if text.isascii() and text.isprintable():
        return text  # the usual text, with nothing to drop or normalise: answered without the scans below
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    # Normalised last: dropping a control character can bring a letter and its accent together.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def folded(text: str) -> str:
    """Whitespace-folded, case-folded form used to recognise the same text typed twice."""
    return _SPACES.sub(" ", clean(text)).strip().casefold()


def is_right_to_left(text: str) -> bool:
    """True when the first strong-direction letter is Arabic or Hebrew script."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
