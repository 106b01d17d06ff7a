"""Lenient reading of cell values: dates as people write them, everyday words for enum values, topics.

Each parser returns the value or raises CellProblem with a sentence for the user; the caller
adds the file, row and column.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from enum import StrEnum

from dateutil import parser as date_parser
from openpyxl.utils.datetime import from_excel

from council_prep.domain import AskerType, Channel, InstrumentType, LawChangeStatus, QuestionStatus, Topic, label

# The workbook export cuts text longer than an Excel cell and ends it with this note.
TRUNCATED = re.compile(r"\n\[… truncated by council-prep: the full text has [\d,]+ characters\]\Z")
_SPACES = re.compile(r"[\s_\-/]+")
_EXCEL_SERIALS = (1, 2_958_465)  # 1900-01-01 .. 9999-12-31


class CellProblem(ValueError):
    """A cell's value cannot be used; str() says why, in words for the user."""


def words(value: str) -> str:
    """Loose form for matching everyday words: case, punctuation and British spellings folded."""
    text = _SPACES.sub(" ", value.casefold().replace("'", "").replace("’", "").replace(".", "")).strip()
    return text.replace("organisation", "organization").replace("labour", "labor")


def as_text(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def as_datetime(value: object) -> datetime | None:
    """A date-time from a date cell, an Excel serial number, or text such as '2027-03-05',
    '3/5/2027' (month first, as in the US) or '5 March 2027 14:30'."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _EXCEL_SERIALS[0] <= value <= _EXCEL_SERIALS[1]:
            raise CellProblem(f"the number {value} is not a date")
        return from_excel(value)
    text = as_text(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return as_datetime(float(text))
    try:
        return date_parser.parse(text, dayfirst=False, yearfirst=False, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        raise CellProblem(f"'{text}' is not a date (write it as 2027-03-05, 3/5/2027 or 5 March 2027)") from None


def as_date(value: object) -> date | None:
    moment = as_datetime(value)
    return moment.date() if moment is not None else None


def as_bool(value: object) -> bool | None:
    """Yes/no, true/false, 1/0, x; None when the cell is empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = words(as_text(value))
    if text in {"yes", "y", "true", "1", "x", "confidential"}:
        return True
    if text in {"no", "n", "false", "0", "-"}:
        return False
    raise CellProblem(f"'{as_text(value)}' is not yes or no")


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
