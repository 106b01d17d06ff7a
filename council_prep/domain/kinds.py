"""The one registry of the kinds of record: how each is named in code, in the store and in words.

Everything that needs to go from one spelling to another (a change log entry's kind to its
table, a table to the words of a message) asks here.
"""

from dataclasses import dataclass

from council_prep.domain.brief import Commitment, EnforcementFigure, Participant, Person, Project
from council_prep.domain.records import (
    AgendaItem,
    Agreement,
    LawChange,
    Meeting,
    Partner,
    Question,
    Record,
    Submission,
    Topic,
)


@dataclass(frozen=True)
class Kind:
    """A kind of record."""

    key: str  # "law_change": in the change log, the search index and the registry of fields
    table: str  # "law_changes": the store's table
    noun: str  # "law change"
    plural: str  # "law changes"
    cls: type[Record]
    title_field: str  # what names one record in a menu or a history line
    reference: bool = False  # reference data (agreements, partners, topics), seeded by the store

    @property
    def label(self) -> str:
        return self.noun.capitalize()

    def describe(self, record: Record, limit: int = 40) -> str:
        """A short name for one record: its title in quotes, cut at `limit` characters."""
        value = str(getattr(record, self.title_field, "") or "")
        return f"“{value[:limit]}{'…' if len(value) > limit else ''}”" if value else ""


KINDS: tuple[Kind, ...] = (
    Kind("topic", "topics", "topic", "topics", Topic, "label", reference=True),
    Kind("agreement", "agreements", "agreement", "agreements", Agreement, "name", reference=True),
    Kind("partner", "partners", "partner", "partners", Partner, "name", reference=True),
    Kind("meeting", "meetings", "meeting", "meetings", Meeting, "title"),
    Kind("agenda_item", "agenda_items", "agenda item", "agenda items", AgendaItem, "title"),
    Kind("law_change", "law_changes", "law change", "law changes", LawChange, "title"),
    Kind("submission", "submissions", "submission", "submissions", Submission, "identifier"),
    Kind("question", "questions", "question", "questions", Question, "text"),
    Kind("person", "people", "person", "people", Person, "name"),
    Kind("participant", "participants", "participant", "participants", Participant, "role"),
    Kind("commitment", "commitments", "commitment", "commitments", Commitment, "text"),
    Kind("enforcement_figure", "enforcement_figures", "enforcement figure", "enforcement figures",
         EnforcementFigure, "title"),
    Kind("project", "projects", "project", "projects", Project, "title"),
)
_BY_KEY = {k.key: k for k in KINDS}
_BY_TABLE = {k.table: k for k in KINDS}
_BY_CLASS = {k.cls: k for k in KINDS}


def kind(key: str) -> Kind:
    """The kind called `key` ("question")."""
    return _BY_KEY[key]


def kind_of_table(table: str) -> Kind:
    return _BY_TABLE[table]


def kind_of(record: Record | type[Record]) -> Kind:
    return _BY_CLASS[record if isinstance(record, type) else type(record)]
