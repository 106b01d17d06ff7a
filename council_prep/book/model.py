"""The briefing book as plain data: what every exporter reads, with the profile already applied."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import groupby
from typing import Generic, TypeVar

from council_prep.domain import (
    AgendaItem,
    Agreement,
    AskerType,
    LawChange,
    Meeting,
    Partner,
    Question,
    QuestionStatus,
    Submission,
    Topic,
)
from council_prep.domain.schedule import Slot

T = TypeVar("T")


class Profile(StrEnum):
    INTERNAL = "internal"  # everything, for the delegation
    PUBLIC = "public"  # no confidential askers, no assessments, no talking points


class Section(StrEnum):
    """Parts of the book a user may leave out, in the order the book prints them."""

    AT_A_GLANCE = "at_a_glance"
    LOGISTICS = "logistics"
    AGENDA = "agenda"
    AGENDA_ITEMS = "agenda_items"
    LAW_CHANGES = "law_changes"
    SUBMISSIONS = "submissions"
    QUESTIONS = "questions"
    ASKERS = "askers"


SECTION_TITLES = {
    Section.AT_A_GLANCE: "At a glance",
    Section.LOGISTICS: "Meeting logistics",
    Section.AGENDA: "Agenda",
    Section.AGENDA_ITEMS: "Agenda items",
    Section.LAW_CHANGES: "Partner law changes",
    Section.SUBMISSIONS: "Open submissions",
    Section.QUESTIONS: "Public-session questions",
    Section.ASKERS: "Annex: askers and organizations",
}

WITHHELD = "Name withheld"


@dataclass(frozen=True)
class ScheduledItem:
    """An agenda item on the clock, with the records it links to."""

    item: AgendaItem
    slot: Slot
    law_changes: list[LawChange]
    submissions: list[Submission]


@dataclass(frozen=True)
class Group(Generic[T]):
    """Records under one heading (a partner, a topic)."""

    heading: str
    items: list[T]


@dataclass(frozen=True)
class QuestionThread:
    """A question with the questions marked as its duplicates folded under it."""

    question: Question
    duplicates: list[Question]


@dataclass(frozen=True)
class Asker:
    name: str
    organization: str
    asker_type: AskerType
    questions: int


@dataclass(frozen=True)
class Book:
    profile: Profile
    prepared_on: date
    meeting: Meeting
    agreement: Agreement
    partners: list[Partner]
    topics: dict[str, Topic]
    schedule: list[ScheduledItem]
    law_changes: list[LawChange]  # the partners' changes, by partner, topic, title
    submissions: list[Submission]  # every submission concerning the partners
    questions: list[Question]  # every question of the meeting, withdrawn ones included
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))

    # Lookups
    def partner_name(self, code: str) -> str:
        return next((p.name for p in self.partners if p.code == code), code)

    def topic_label(self, key: str | None) -> str:
        if key is None or key not in self.topics:
            return "Other" if key is None else key
        return self.topics[key].label

    def includes(self, section: Section) -> bool:
        return section in self.sections

    # Derived views
    @property
    def total_minutes(self) -> int:
        return sum(s.item.minutes for s in self.schedule)

    @property
    def open_submissions(self) -> list[Submission]:
        return [s for s in self.submissions if s.status.is_open]

    def law_changes_by_partner(self) -> list[Group[Group[LawChange]]]:
        """Partner, then topic (a change's first topic), as the book prints them."""
        return [
            Group(self.partner_name(code), _grouped(changes, lambda c: self.topic_label(_first(c.topic_keys))))
            for code, changes in _runs(self.law_changes, lambda c: c.partner_code)
        ]

    def question_threads_by_topic(self) -> list[Group[QuestionThread]]:
        """Live questions by topic, each original with its duplicates folded under it."""
        live = [q for q in self.questions if q.status is not QuestionStatus.WITHDRAWN]
        ids = {q.id for q in live}
        folded: dict[int | None, list[Question]] = {}
        for q in live:
            if q.duplicate_of in ids:
                folded.setdefault(q.duplicate_of, []).append(q)
        threads = [QuestionThread(q, folded.get(q.id, [])) for q in live if q.duplicate_of not in ids]
        ordered = sorted(threads, key=lambda t: self.topic_label(t.question.topic_key).casefold())
        return _grouped(ordered, lambda t: self.topic_label(t.question.topic_key))

    def askers(self) -> list[Asker]:
        """Everyone who asked a live question, once, by name; withheld identities are left out."""
        counts: dict[tuple[str, str, AskerType], int] = {}
        for q in self.questions:
            if q.status is QuestionStatus.WITHDRAWN or not q.asker_name or q.asker_name == WITHHELD:
                continue
            key = (q.asker_name, q.organization, q.asker_type)
            counts[key] = counts.get(key, 0) + 1
        askers = [Asker(name, org, kind, n) for (name, org, kind), n in counts.items()]
        return sorted(askers, key=lambda a: (a.name.casefold(), a.organization.casefold()))

    def count_by(self, records: Iterable[T], key: Callable[[T], str]) -> dict[str, int]:
        """Counts by a label, in first-seen order (for the at-a-glance tables and charts)."""
        counts: dict[str, int] = {}
        for record in records:
            label = key(record)
            counts[label] = counts.get(label, 0) + 1
        return counts


def _first(keys: list[str]) -> str | None:
    return keys[0] if keys else None


def _runs(items: list[T], key: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    return [(k, list(g)) for k, g in groupby(items, key)]


def _grouped(items: list[T], key: Callable[[T], str]) -> list[Group[T]]:
    return [Group(heading, members) for heading, members in _runs(items, key)]
