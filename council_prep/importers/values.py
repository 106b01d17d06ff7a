"""Lenient reading of cell values: text, yes/no, everyday words for enum values, topics (dates: see dates).

Each parser returns the value or raises CellProblem with a sentence for the user; the caller
adds the file, row and column.
"""

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from council_prep.domain import (
    AskerType,
    Channel,
    FigureStatus,
    InstrumentType,
    LawChangeStatus,
    ProjectStatus,
    QuestionStatus,
    Topic,
    label,
)
from council_prep.domain.text import clean

# The workbook export cuts text longer than an Excel cell and ends it with this note.
TRUNCATED = re.compile(r"\n\[… truncated by council-prep: the full text has [\d,]+ characters\]\Z")
_SPACES = re.compile(r"[\s_\-/]+")
EXCEL_DIGITS = 15  # significant digits a spreadsheet keeps and shows
# A lead byte of a UTF-8 sequence then its continuation bytes, all as Windows-1252 shows them.
_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[\xc2-\xf4][{_CONTINUATION}]+")
_YES = {"yes", "y", "true", "1", "x", "si", "sí", "oui", "sim", "ja", "checked", "ticked", "on", "✓", "✔", "☑", "✅",
        "confidential", "confidencial", "anonymous", "anonimo", "anónimo", "withhold", "withheld", "private"}
_NO = {"no", "n", "false", "0", "-", "non", "não", "nao", "nein", "unchecked", "off", "✗", "✘", "☐", "❌", "public",
       "publico", "público"}


class CellProblem(ValueError):
    """A cell's value cannot be used; str() says why, in words for the user."""


@lru_cache(maxsize=4096)  # the same few labels ("trade union", "New") fill a column row after row
def words(value: str) -> str:
    """Loose form for matching everyday words: case, punctuation and British spellings folded."""
    text = _SPACES.sub(" ", value.casefold().replace("'", "").replace("’", "").replace(".", "")).strip()
    return text.replace("organisation", "organization").replace("labour", "labor")


def as_text(value: object) -> str:
    """A cell as text: integers digit for digit, other numbers as the spreadsheet shows them
    (15 significant digits, no binary noise such as 0.30000000000000004), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value):
        return format(Decimal(f"{value:.{EXCEL_DIGITS}g}").normalize(), "f")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def text_cell(value: object) -> str:
    """A text field's cell cleaned as typed text is, refused when it shows mojibake."""
    text = clean(value if type(value) is str else as_text(value))
    garbled = double_encoded(text)
    if garbled:
        raise CellProblem(f"'{garbled[0]}' looks garbled (text saved as UTF-8 and read back as Windows-1252; "
                          f"it probably was '{garbled[1]}'); save the file again as UTF-8")
    return text


def double_encoded(text: str) -> tuple[str, str] | None:
    """(garbled, meant) around the first run of characters that is UTF-8 read as Windows-1252, such as 'Ã­'."""
    if text.isascii():
        return None  # mojibake needs a character above ASCII
    for match in _MOJIBAKE.finditer(text):
        if _repaired(match) != match.group(0):
            excerpt = text[max(match.start() - 10, 0):match.end() + 10]
            return excerpt, _MOJIBAKE.sub(_repaired, excerpt)
    return None


def _repaired(match: re.Match[str]) -> str:
    """The text a run of mojibake stood for, or the run itself when it is not mojibake."""
    try:
        meant = match.group(0).encode("cp1252").decode("utf-8")
    except UnicodeError:
        return match.group(0)
    # Decoding to a script nobody writes beside Latin text (e.g. 'ß”' as NKo) is a coincidence, not mojibake.
    return meant if all(0xA0 <= ord(c) < 0x180 or 0x2000 <= ord(c) < 0x20D0 for c in meant) else match.group(0)


def as_bool(value: object) -> bool | None:
    """Yes/no as forms and spreadsheets write it (yes, true, 1, x, sí, checked, ✓...); None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    text = as_text(value).strip()
    forms = {text.casefold(), words(text).strip("?!")}  # words() folds "-" away, so the cell is looked at too
    if forms & _YES:
        return True
    if forms & _NO:
        return False
    raise CellProblem(f"'{text}' is not yes or no")


# Everyday words for each enum value, besides the value itself and its label.
SYNONYMS: dict[StrEnum, tuple[str, ...]] = {
    AskerType.WORKER_ORG: ("union", "trade union", "labor union", "worker organization", "workers organization",
                           "worker org", "workers", "labor organization", "federation", "confederation"),
    AskerType.NGO: ("non governmental organization", "nongovernmental organization", "civil society", "nonprofit",
                    "non profit", "human rights organization"),
    AskerType.EMPLOYER: ("employers", "employer organization", "employers organization", "business", "company",
                         "industry", "business association"),
    AskerType.ACADEMIC: ("academia", "university", "researcher", "research", "scholar"),
    AskerType.GOVERNMENT: ("gov", "govt", "ministry", "agency", "official"),
    AskerType.PUBLIC: ("individual", "member of the public", "citizen", "private individual", "person", "other"),
    Channel.EMAIL: ("e mail", "mail"),
    Channel.WEB_FORM: ("web", "online form", "form", "website", "online"),
    Channel.IN_PERSON: ("in person", "floor", "meeting", "public session"),
    Channel.SPREADSHEET: ("excel", "import", "csv", "sheet"),
    QuestionStatus.NEW: ("open", "received", "unassigned"),
    QuestionStatus.ASSIGNED: ("in progress", "drafting"),
    QuestionStatus.ANSWERED: ("done", "closed", "answer drafted"),
    QuestionStatus.WITHDRAWN: ("cancelled", "canceled", "dropped"),
    LawChangeStatus.PROPOSED: ("bill", "draft", "pending"),
    LawChangeStatus.ADOPTED: ("passed", "enacted", "approved"),
    LawChangeStatus.IN_FORCE: ("in effect", "effective", "force"),
    LawChangeStatus.REVISED: ("amended", "modified"),
    LawChangeStatus.REPEALED: ("revoked", "abolished"),
    InstrumentType.LAW: ("act", "statute", "code", "legislation"),
    InstrumentType.REGULATION: ("rule", "regulations", "reglamento"),
    InstrumentType.DECREE: ("executive decree", "decreto", "order", "executive order"),
    InstrumentType.POLICY: ("guideline", "plan", "protocol", "program"),
    InstrumentType.OTHER: (),
    ProjectStatus.PLANNED: ("pipeline", "proposed", "pending", "not started", "upcoming", "approved"),
    ProjectStatus.ACTIVE: ("ongoing", "in progress", "current", "open", "running", "under way", "underway",
                           "in implementation", "implementing"),
    ProjectStatus.CLOSED: ("completed", "complete", "ended", "finished", "done", "closed out", "concluded"),
    FigureStatus.REPORTED: ("available", "given", "published"),
    FigureStatus.UNAVAILABLE: ("not available", "n/a", "na", "no data", "not reported"),
}


def _lookup(choices: type[StrEnum]) -> dict[str, StrEnum]:
    table: dict[str, StrEnum] = {}
    for member in choices:
        for word in (member.value, label(member), *SYNONYMS.get(member, ())):
            table[words(word)] = member
    return table


_LOOKUPS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def as_choice(value: object, choices: type[StrEnum]) -> StrEnum | None:
    """The enum member a cell names, by value, label or everyday word; None when empty."""
    text = as_text(value).strip()
    if not text:
        return None
    lookup = _LOOKUPS.get(choices)
    if lookup is None:
        lookup = _LOOKUPS[choices] = _lookup(choices)
    found = lookup.get(words(text))
    if found is None:
        allowed = ", ".join(label(m) for m in choices)
        raise CellProblem(f"'{text}' is not one of: {allowed}")
    return found


class TopicMatcher:
    """Finds a topic by its key, its label or one of its keywords, whatever the case."""

    def __init__(self, topics: Iterable[Topic]):
        self.topics = list(topics)
        self._by_word: dict[str, str] = {}
        for topic in self.topics:  # keywords first, so a key or label always wins over a keyword
            for keyword in topic.keywords:
                self._by_word.setdefault(words(keyword), topic.key)
        for topic in self.topics:
            self._by_word[words(topic.label)] = topic.key
            self._by_word[words(topic.key)] = topic.key

    def one(self, value: object) -> str | None:
        text = as_text(value).strip()
        if not text:
            return None
        key = self._by_word.get(words(text))
        if key is None:
            allowed = "; ".join(t.label for t in self.topics)
            raise CellProblem(f"topic '{text}' is unknown; use one of: {allowed}")
        return key

    def many(self, value: object) -> list[str]:
        """Several topics separated by ';' or new lines (labels may hold commas)."""
        keys: list[str] = []
        for part in re.split(r"[;\n]", as_text(value)):
            key = self.one(part)
            if key is not None and key not in keys:
                keys.append(key)
        return keys
