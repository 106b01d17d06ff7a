"""The briefing book as plain data: what every exporter reads, with the profile already applied."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import groupby
from typing import TYPE_CHECKING, Generic, TypeVar

from council_prep.book.brief import Brief
from council_prep.book.collation import sort_key
from council_prep.book.dates import DateStyle, format_date, format_partial_date
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

if TYPE_CHECKING:
    from council_prep.book.since import ChangesSince

T = TypeVar("T")


class Profile(StrEnum):
    INTERNAL = "internal"  # everything, for the delegation
    PUBLIC = "public"  # no confidential askers, no assessments, no talking points


class Section(StrEnum):
    """Parts of the book a user may leave out, in the order the book prints them."""

    AT_A_GLANCE = "at_a_glance"
    LOGISTICS = "logistics"
    PARTICIPANTS = "participants"
    AGENDA = "agenda"
    COMMITMENTS = "commitments"  # before the items: where the last council left off
    AGENDA_ITEMS = "agenda_items"
    LAW_CHANGES = "law_changes"
    ENFORCEMENT = "enforcement"
    PROJECTS = "projects"
    SUBMISSIONS = "submissions"
    QUESTIONS = "questions"
    ASKERS = "askers"
    BIOGRAPHIES = "biographies"


# Sections of the brief proper: the internal edition's alone (the public edition has no brief).
BRIEF_SECTIONS = frozenset({Section.PARTICIPANTS, Section.COMMITMENTS, Section.ENFORCEMENT, Section.PROJECTS,
                            Section.BIOGRAPHIES})


SECTION_TITLES = {
    Section.AT_A_GLANCE: "At a glance",
    Section.LOGISTICS: "Meeting logistics",
    Section.PARTICIPANTS: "Participants",
    Section.AGENDA: "Agenda",
    Section.COMMITMENTS: "Open commitments",
    Section.AGENDA_ITEMS: "Agenda items",
    Section.LAW_CHANGES: "Partner law changes",
    Section.ENFORCEMENT: "Partner labor law enforcement",
    Section.PROJECTS: "Technical cooperation projects",
    Section.SUBMISSIONS: "Open submissions",
    Section.QUESTIONS: "Public-session questions",
    Section.ASKERS: "Annex: askers and organizations",
    Section.BIOGRAPHIES: "Annex: biographies of counterpart officials",
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
class QuestionCounts:
    """The book's question counts, computed once so every page that quotes one says the same."""

    total: int  # every question of the meeting
    withdrawn: int
    live: int  # total - withdrawn: the questions the book prints
    threads: int  # live questions that are no one's duplicate (roots)
    duplicates: int  # live - threads: folded under their root


@dataclass(frozen=True)
class Withheld:
    """One thing the public edition leaves out, for the withheld report written beside it."""

    record: str  # what it belongs to, as the officer knows it ("Agenda item 3: Honduras...")
    what: str  # the field or identity left out ("Background", "asker's name, organization and e-mail")


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
    marking: str = ""  # the handling marking this edition carries (the public one has its own)
    date_style: DateStyle = DateStyle.US
    prepared_by: str = ""
    version: str = "1"
    withheld: list[Withheld] = field(default_factory=list)  # public edition: what was left out
    changes_since: "ChangesSince | None" = None  # since the last book of this edition (None: the first)
    brief: Brief | None = None  # the internal edition's brief (people, commitments, figures, projects)

    # Lookups
    def partner_name(self, code: str) -> str:
        return next((p.name for p in self.partners if p.code == code), code)

    def topic_label(self, key: str | None) -> str:
        if key is None or key not in self.topics:
            return "Other" if key is None else key
        return self.topics[key].label

    def includes(self, section: Section) -> bool:
        """Whether the book prints `section`: chosen, and for the brief's sections, an edition with a brief."""
        return section in self.sections and (self.brief is not None or section not in BRIEF_SECTIONS)

    def lead(self, item: AgendaItem) -> str:
        """The item's lead by name: the person from the directory (internal edition), else as typed."""
        brief = self.brief.item(item.id) if self.brief is not None else None
        return brief.lead.name if brief is not None and brief.lead is not None else item.lead

    def date(self, day) -> str:
        """A date (or a partial date such as "2011-12") in the book's one date style."""
        return format_partial_date(day, self.date_style) if isinstance(day, str) else format_date(day, self.date_style)

    @property
    def public(self) -> bool:
        return self.profile is Profile.PUBLIC

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

    def question_threads(self) -> list[QuestionThread]:
        """Live questions, each root with every question that repeats it folded under it.

        A duplicate's root is found by following `duplicate_of` through live questions: a chain C -> B -> A
        folds under A; a cycle (X -> Y -> X) folds under its member received first; a link to a withdrawn
        or unknown question makes the question a root of its own. No live question is ever left out.
        """
        live = [q for q in self.questions if q.status is not QuestionStatus.WITHDRAWN]
        by_id = {q.id: q for q in live}
        order = {q.id: n for n, q in enumerate(live)}
        roots: dict[int | None, int | None] = {}
        for q in live:
            path, current = [], q
            while current.duplicate_of in by_id and current.id not in path:
                path.append(current.id)
                current = by_id[current.duplicate_of]
            root = current.id
            if current.id in path:  # a cycle: its first-received member is the root
                cycle = path[path.index(current.id):]
                root = min(cycle, key=order.__getitem__)
            roots[q.id] = root
        folded: dict[int | None, list[Question]] = {}
        for q in live:
            if roots[q.id] != q.id:
                folded.setdefault(roots[q.id], []).append(q)
        return [QuestionThread(q, folded.get(q.id, [])) for q in live if roots[q.id] == q.id]

    def question_threads_by_topic(self) -> list[Group[QuestionThread]]:
        """Question threads by the root's topic, topics in alphabetical order."""
        ordered = sorted(self.question_threads(), key=lambda t: sort_key(self.topic_label(t.question.topic_key)))
        return _grouped(ordered, lambda t: self.topic_label(t.question.topic_key))

    def question_counts(self) -> QuestionCounts:
        threads = self.question_threads()
        live = sum(1 + len(t.duplicates) for t in threads)
        return QuestionCounts(total=len(self.questions), withdrawn=len(self.questions) - live, live=live,
                              threads=len(threads), duplicates=live - len(threads))

    def question_numbers(self) -> dict[int | None, str]:
        """Each live question's number as the book prints it: roots Q1, Q2... in topic order, their
        duplicates Q1.1, Q1.2..."""
        numbers: dict[int | None, str] = {}
        threads = [t for g in self.question_threads_by_topic() for t in g.items]
        for n, thread in enumerate(threads, start=1):
            numbers[thread.question.id] = f"Q{n}"
            for m, duplicate in enumerate(thread.duplicates, start=1):
                numbers[duplicate.id] = f"Q{n}.{m}"
        return numbers

    def item_for_topic(self) -> dict[str | None, int]:
        """Which agenda item (1-based, in schedule order) a question of each topic is expected under: the
        first item with that topic. A question whose topic no item has is expected under none."""
        found: dict[str | None, int] = {}
        for n, scheduled in enumerate(self.schedule, start=1):
            if scheduled.item.topic_key is not None:
                found.setdefault(scheduled.item.topic_key, n)
        return found

    def askers(self) -> list[Asker]:
        """Everyone who asked a live question, once, sorted by name with accents and case ignored;
        withheld identities are left out."""
        counts: dict[tuple[str, str, AskerType], int] = {}
        for q in self.questions:
            if q.status is QuestionStatus.WITHDRAWN or not q.asker_name or q.asker_name == WITHHELD:
                continue
            key = (q.asker_name, q.organization, q.asker_type)
            counts[key] = counts.get(key, 0) + 1
        askers = [Asker(name, org, kind, n) for (name, org, kind), n in counts.items()]
        return sorted(askers, key=lambda a: (sort_key(a.name), sort_key(a.organization)))

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
