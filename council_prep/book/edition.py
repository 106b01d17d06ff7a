"""The public edition, driven by the field registry: every internal field's value is blanked, and the
identity fields of askers who asked for confidentiality are withheld. Each removal is noted for the
withheld report the officer gets beside the public file.

One exception to the registry: an answer is published once the question is answered (final); a draft
answer stays internal.
"""

from dataclasses import fields as dataclass_fields
from dataclasses import replace

from council_prep.book.dates import DateStyle, format_date
from council_prep.book.model import WITHHELD, Withheld
from council_prep.domain import (
    AgendaItem,
    Commitment,
    EnforcementFigure,
    LawChange,
    Meeting,
    Person,
    Project,
    Question,
    QuestionStatus,
)
from council_prep.domain.fields import Sensitivity, label_of, names_with

EXCERPT = 60  # characters of a question quoted in the withheld report


_NO_BLANK = object()


def blank(value: object, default: object) -> object:
    """The empty value of a field ("" for text, [] for lists, None for an optional reference or
    date); _NO_BLANK where a field has none (an enum such as status): such fields are kept in the
    record and the book does not print them."""
    if isinstance(value, str) and not hasattr(value, "value"):
        return ""
    if isinstance(value, list):
        return []
    return None if default is None else _NO_BLANK


def has_content(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


class Redactor:
    """Applies the public edition to records, one kind at a time, collecting what it withheld."""

    def __init__(self, date_style: DateStyle = DateStyle.US):
        self.withheld: list[Withheld] = []
        self._date_style = date_style

    def _internal(self, kind: str, record, name: str, keep: frozenset[str] = frozenset()):
        changes = {}
        defaults = {f.name: f.default for f in dataclass_fields(record)}
        for field_name in names_with(kind, Sensitivity.INTERNAL):
            if field_name not in defaults or field_name in keep:
                continue
            value = getattr(record, field_name)
            if not has_content(value):
                continue
            empty = blank(value, defaults[field_name])
            if empty is not _NO_BLANK:
                changes[field_name] = empty
                self.withheld.append(Withheld(name, label_of(kind, field_name)))
        return replace(record, **changes) if changes else record

    def meeting(self, meeting: Meeting) -> Meeting:
        return self._internal("meeting", meeting, "Meeting")

    def agenda_item(self, item: AgendaItem, number: int) -> AgendaItem:
        return self._internal("agenda_item", item, f"Agenda item {number}: {item.title}")

    def law_change(self, change: LawChange) -> LawChange:
        return self._internal("law_change", change, f"Law change: {change.title}")

    def person(self, person: Person) -> Person:
        return self._internal("person", person, f"Person: {person.name}")

    def commitment(self, commitment: Commitment) -> Commitment:
        return self._internal("commitment", commitment, f"Commitment: {commitment.text[:EXCERPT]}")

    def project(self, project: Project) -> Project:
        return self._internal("project", project, f"Project: {project.title}")

    def figure(self, figure: EnforcementFigure) -> EnforcementFigure:
        return self._internal("enforcement_figure", figure, f"Enforcement figures of {figure.partner_code}")

    def question(self, question: Question) -> Question:
        received = format_date(question.received_at, self._date_style) or "date not recorded"
        excerpt = question.text if len(question.text) <= EXCERPT else question.text[:EXCERPT].rstrip() + "…"
        name = f"Question received {received}: “{excerpt}”"
        answered = question.status is QuestionStatus.ANSWERED
        question = self._internal("question", question, name,
                                  frozenset({"suggested_answer"}) if answered else frozenset())
        if question.confidential:
            identity = {f: getattr(question, f) for f in names_with("question", Sensitivity.IDENTITY)
                        if has_content(getattr(question, f))}
            if identity:
                self.withheld.append(Withheld(name, "confidential asker's " +
                                              ", ".join(label_of("question", f).lower() for f in identity)))
            question = replace(question, **{f: "" for f in identity})
            question = replace(question, asker_name=WITHHELD)
        return question


# Record by record, for readers that redact as they stream (the workbook): the same rules, nothing noted.
def redact_item(item: AgendaItem) -> AgendaItem:
    return Redactor().agenda_item(item, item.position)


def redact_change(change: LawChange) -> LawChange:
    return Redactor().law_change(change)


def redact_question(question: Question) -> Question:
    return Redactor().question(question)
