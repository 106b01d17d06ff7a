"""Recognising the column in which askers choose to stay anonymous, however a form words it.

A column such as "Keep my name confidential", "Anonymous?" or "No publicar mi nombre" must
never be ignored: the asker would be named in the public book. A column that asks the
opposite ("May we publish your name?") cannot be read for sure, so the import is refused.
"""

import re
import unicodedata
from enum import Enum

from council_prep.importers.errors import ImportRejected

FIELD = "confidential"
_ASKS_CONFIDENTIALITY = re.compile(
    r"confiden|anonym|anonim|withh[oe]ld|\b(keep|hide|hidden|private)\b.*\b(name|identity|nombre|identidad)\b"
    r"|\b(name|identity|nombre|identidad)\b.*\b(private|hidden|secret|oculto|privado)\b")
_ABOUT_NAMING = re.compile(
    r"\b(publish|publi\w*|disclose|divulg\w*|share|show|display|mention|reveal|print)\b.*"
    r"\b(name|names|identity|nombre|identidad)\b"
    r"|\b(name|names|identity|nombre|identidad)\b.*\b(publish\w*|public\w*|disclos\w*|shar\w*|shown|printed)\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_NEGATION = re.compile(r"\b(not|no|dont|never|without|nunca|sin)\b")


class Meaning(Enum):
    """What a header says about the confidentiality of the asker."""

    CONFIDENTIAL = "yes keeps the asker confidential"
    UNCLEAR = "yes may mean the asker can be named"


def plain(header: str) -> str:
    """Lower case, accents and punctuation dropped, so 'Anónimo?' reads 'anonimo'."""
    letters = header.casefold()
    if not letters.isascii():  # the slow part, for the headers that need it
        decomposed = unicodedata.normalize("NFKD", letters)
        letters = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "")
    return _NOT_WORD.sub(" ", letters.replace("'", "")).strip()


def meaning(header: str) -> Meaning | None:
    """Whether a header asks about the asker's confidentiality, and how surely; None when it does not."""
    return meaning_of_words(plain(header))


def meaning_of_words(text: str) -> Meaning | None:
    """`meaning` of a header already in its `plain` form."""
    if _ASKS_CONFIDENTIALITY.search(text):
        return Meaning.CONFIDENTIAL
    if _ABOUT_NAMING.search(text):
        return Meaning.CONFIDENTIAL if _NEGATION.search(text) else Meaning.UNCLEAR
    return None


def claim_column(where: str, headers: list[object], mapping: dict[str, int]) -> str | None:
    """Map the one column that holds the confidentiality choice, or refuse the file naming the columns.

    `mapping` (field -> column) already holds the columns whose header is a known alias; returns
    a note when a column was recognised by its wording rather than by an alias.
    """
    mapped = set(mapping.values())
    found = [(col, str(value).strip()) for col, value in enumerate(headers)
             if isinstance(value, str) and col not in mapped and meaning(value) is not None]
    problems = [f"{where}, column {header}: yes here might mean the asker may be named; name the column "
                "Confidential, with yes for askers who want their name kept out of public editions"
                for col, header in found if meaning(header) is Meaning.UNCLEAR]
    if FIELD in mapping:
        found.insert(0, (mapping[FIELD], str(headers[mapping[FIELD]]).strip()))
    if len(found) > 1:
        names = ", ".join(header for _, header in found)
        problems.append(f"{where}: the columns {names} all look like the asker's choice to stay confidential; "
                        "keep only one of them")
    if problems:
        raise ImportRejected(problems)
    if found and FIELD not in mapping:
        mapping[FIELD] = found[0][0]
        return f"column {found[0][1]} was read as the asker's choice to stay confidential"
    return None
