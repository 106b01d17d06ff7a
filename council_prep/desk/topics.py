"""A topic suggested for a question from its words: the taxonomy's own keywords, matched as whole
words ("strike" is not in "strikingly"), a plural matching its singular, accents and case ignored."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from council_prep.desk.words import normalised
from council_prep.domain import Topic


@dataclass(frozen=True)
class Suggestion:
    """The topic that the text's words point to, and the keywords that did it (in the taxonomy's spelling)."""

    topic_key: str
    words: tuple[str, ...]


def suggest_topic(text: str, topics: Iterable[Topic]) -> Suggestion | None:
    """The topic whose keywords weigh most in `text` (a keyword of several words weighs as many),
    the first of the taxonomy on a tie; None when no keyword appears."""
    words = _stems(normalised(text).split())
    if not words:
        return None
    best: tuple[int, Suggestion] | None = None
    for topic in topics:
        matched = {}  # one entry per keyword as matched ("negociación colectiva" and its unaccented twin are one)
        for keyword in topic.keywords:
            phrase = _stems(normalised(keyword).split())
            if _contains(words, phrase):
                matched.setdefault(phrase, keyword)
        found = tuple(matched.values())
        weight = sum(len(keyword.split()) for keyword in found)
        if found and (best is None or weight > best[0]):
            best = (weight, Suggestion(topic.key, found))
    return best[1] if best else None


def _stems(words: Sequence[str]) -> tuple[str, ...]:
    """Words with a plural 's' taken off, so "unions" finds "union" and "leaders" finds "leader"."""
    return tuple(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
                 for word in words)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return size > 0 and any(words[start:start + size] == phrase for start in range(len(words) - size + 1))
