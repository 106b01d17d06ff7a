"""Question text brought to the words that carry its meaning, the same way for every comparison:
no quoted mail reply, no case, no accents, no punctuation, single spaces."""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Where a reply's quoted original begins: "On Mon, 1 Feb 2027, Ana wrote:", "-----Original Message-----",
# Outlook's "From: ... Sent: ..." block (also after its line of underscores), Spanish "El ... escribió:".
_QUOTE_START = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|mensaje original|forwarded message)\s*-{2,}"
    r"|_{10,}"
    r"|(?:from|de)\s*:.*\n\s*(?:sent|date|enviado|fecha)\s*:"
    r"|(?:on|el)\s.{0,200}(?:wrote|escribió)\s*:)",
    re.IGNORECASE | re.MULTILINE)
_QUOTED_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the search index splits words
# The blocks of combining diacritical marks, which NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Words too common to tell one question from another (English and Spanish).
_STOPWORDS = """
a about above after again against all also am an and any are as at be because been before being
between both but by can could did do does doing done during each either for from further had has
have having he her here hers him his how i if in into is it its itself just let me more most my no
nor not now of off on once only or other our ours out over own please question questions same she
should so some such than thank thanks that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours
al como con de del el en es esta este la las lo los mas para pero por que se sin son su sus un una
y o u le les ha han hay muy cual cuales cuando donde quien
"""
STOPWORDS = frozenset(_STOPWORDS.split())


@lru_cache(maxsize=8192)
def normalised(text: str) -> str:
    """The text's own words (a quoted reply and a signature cut off), case-folded, without accents
    or punctuation, separated by single spaces."""
    return " ".join(_WORD.findall(_unaccented(_own_part(text)).casefold()))


def content_words(text: str) -> list[str]:
    """The normalised words of `text` that are not stop words, each once, in the order they appear."""
    return list(dict.fromkeys(word for word in normalised(text).split() if word not in STOPWORDS))


def _own_part(text: str) -> str:
    """What the sender wrote: the text before a quoted reply or a signature, without quoted lines."""
    for pattern in (_QUOTE_START, _SIGNATURE):
        found = pattern.search(text)
        if found and text[:found.start()].strip():
            text = text[:found.start()]
    return _QUOTED_LINE.sub("", text)


def _unaccented(text: str) -> str:
    """Letters without their accents ("organización" is "organizacion"), as the search index reads them."""
    return text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def shared_words(words: Iterable[str], other: str) -> tuple[str, ...]:
    """Those of `words` (normalised) that `other` uses too, in their order: what two questions share."""
    theirs = set(normalised(other).split())
    return tuple(word for word in words if word in theirs)
