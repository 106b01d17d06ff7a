"""The columns of the workbook's data sheets, and the drop-down lists they offer.

Headers and sensitivities come from the field registry (council_prep.domain.fields): the public
edition leaves out every column of an internal field. Columns that are not fields of a record
(an agenda item's start and end on the clock) are named here.
"""

from collections.abc import Callable
from enum import StrEnum

from council_prep.book import Book
from council_prep.book.brief import ItemBrief
from council_prep.book.model import ScheduledItem
from council_prep.domain import (
    AgendaStatus,
    AskerType,
    Channel,
    CommitmentStatus,
    InstrumentType,
    LawChangeStatus,
    ProjectStatus,
    QuestionStatus,
    SubmissionStatus,
    label,
)
from council_prep.exporters.xlsx_cells import Column, Kind

YES, NO = "Yes", "No"


def _enum(value: StrEnum) -> str:
    return label(value)


def _bullets(points: list[str]) -> str:
    return "\n".join(f"• {p}" for p in points)


def _topics(book: Book, keys: list[str]) -> str:
    return "; ".join(book.topic_label(k) for k in keys)


def agenda_columns(book: Book) -> list[Column]:
    def item(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("agenda_item", name, get, kind, **options)

    def brief(s: ScheduledItem) -> ItemBrief | None:
        return book.brief.item(s.item.id) if book.brief is not None else None

    def lead(s: ScheduledItem) -> str:
        found = brief(s)
        return found.lead.name if found and found.lead else ""

    def continues(s: ScheduledItem) -> str:
        earlier = (found := brief(s)) and found.continues
        return f"{earlier.title} ({earlier.meeting})" if earlier else ""

    return [
        item("position", lambda s: s.item.position, Kind.NUMBER),
        Column("Starts", lambda s: s.slot.starts, Kind.TIME),
        Column("Ends", lambda s: s.slot.ends, Kind.TIME),
        item("title", lambda s: s.item.title, Kind.LONG),
        item("topic_key", lambda s: book.topic_label(s.item.topic_key) if s.item.topic_key else "",
             choices="topics"),
        item("lead", lambda s: s.item.lead),
        item("minutes", lambda s: s.item.minutes, Kind.NUMBER),
        item("status", lambda s: _enum(s.item.status), choices="agenda_statuses"),
        item("objective", lambda s: s.item.objective, Kind.LONG),
        item("talking_points", lambda s: _bullets(s.item.talking_points), Kind.LONG),
        item("background", lambda s: s.item.background, Kind.LONG),
        item("public_summary", lambda s: s.item.public_summary, Kind.LONG),
        item("depth", lambda s: _enum(s.item.depth)),
        item("press", lambda s: _enum(s.item.press)),
        item("points_to_make", lambda s: _bullets(s.item.points_to_make), Kind.LONG),
        item("points_to_avoid", lambda s: _bullets(s.item.points_to_avoid), Kind.LONG),
        item("asks", lambda s: "\n".join(f"• {a.ask} — {a.response}" if a.response else f"• {a.ask}"
                                         for a in s.item.asks), Kind.LONG),
        item("press_line", lambda s: s.item.press_line, Kind.LONG),
        item("continues_id", continues, Kind.LONG),
        item("lead_person_id", lead),
        item("speaker_ids", lambda s: "\n".join(p.name for p in (brief(s).speakers if brief(s) else []))),
        item("law_change_ids", lambda s: "\n".join(c.title for c in s.law_changes), Kind.LONG),
        item("submission_ids", lambda s: "\n".join(x.identifier for x in s.submissions), Kind.LONG),
        item("uid", lambda s: s.item.uid, Kind.UID),
    ]


def law_change_columns(book: Book) -> list[Column]:
    def change(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("law_change", name, get, kind, **options)

    return [
        change("partner_code", lambda c: book.partner_name(c.partner_code)),
        change("title", lambda c: c.title, Kind.LONG),
        change("instrument_type", lambda c: _enum(c.instrument_type), choices="instrument_types"),
        change("status", lambda c: _enum(c.status), choices="law_change_statuses"),
        change("introduced_on", lambda c: c.introduced_on, Kind.DATE),
        change("adopted_on", lambda c: c.adopted_on, Kind.DATE),
        change("effective_on", lambda c: c.effective_on, Kind.DATE),
        change("topic_keys", lambda c: _topics(book, c.topic_keys), choices="topics", strict=False),
        change("summary", lambda c: c.summary, Kind.LONG),
        change("source_citation", lambda c: c.source_citation),
        change("source_url", lambda c: c.source_url, Kind.URL),
        change("assessment", lambda c: c.assessment, Kind.LONG),
        change("follow_up", lambda c: c.follow_up, Kind.LONG),
        change("uid", lambda c: c.uid, Kind.UID),
    ]


def question_columns(book: Book, originals: dict[int, str]) -> list[Column]:
    """The import format too: every header is one the question importer knows.

    `originals` maps a duplicate's original to its uid; the writer fills it batch by batch.
    The asker's e-mail stays in the store: the import format does not carry it.
    """
    def question(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("question", name, get, kind, **options)

    return [
        question("text", lambda q: q.text, Kind.LONG),
        question("asker_name", lambda q: q.asker_name),
        question("organization", lambda q: q.organization),
        question("asker_type", lambda q: _enum(q.asker_type), choices="asker_types"),
        question("topic_key", lambda q: book.topic_label(q.topic_key) if q.topic_key else "", choices="topics"),
        question("channel", lambda q: _enum(q.channel), choices="channels"),
        question("received_at", lambda q: q.received_at, Kind.DATETIME),
        question("status", lambda q: _enum(q.status), choices="question_statuses"),
        question("assignee", lambda q: q.assignee),
        question("suggested_answer", lambda q: q.suggested_answer, Kind.LONG),
        question("confidential", lambda q: YES if q.confidential else NO, choices="yes_no"),
        question("duplicate_of", lambda q: originals.get(q.duplicate_of, "") if q.duplicate_of else "", Kind.UID),
        question("uid", lambda q: q.uid, Kind.UID),
    ]


def submission_columns(book: Book) -> list[Column]:
    def submission(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("submission", name, get, kind, **options)

    return [
        submission("identifier", lambda s: s.identifier),
        submission("partner_code", lambda s: book.partner_name(s.partner_code)),
        submission("date_filed", lambda s: s.date_filed, Kind.PARTIAL_DATE),
        submission("submitters", lambda s: "\n".join(s.submitters), Kind.LONG),
        submission("topic_keys", lambda s: _topics(book, s.topic_keys), choices="topics", strict=False),
        submission("status", lambda s: _enum(s.status), choices="submission_statuses"),
        submission("status_note", lambda s: s.status_note, Kind.LONG),
        submission("summary", lambda s: s.summary, Kind.LONG),
        submission("uid", lambda s: s.uid, Kind.UID),
    ]


def choice_lists(book: Book) -> dict[str, list[str]]:
    """The drop-down lists, in the words the sheets use."""
    return {
        "topics": [t.label for t in book.topics.values()],
        "asker_types": [label(v) for v in AskerType],
        "channels": [label(v) for v in Channel],
        "question_statuses": [label(v) for v in QuestionStatus],
        "law_change_statuses": [label(v) for v in LawChangeStatus],
        "instrument_types": [label(v) for v in InstrumentType],
        "agenda_statuses": [label(v) for v in AgendaStatus],
        "submission_statuses": [label(v) for v in SubmissionStatus],
        "project_statuses": [label(v) for v in ProjectStatus],
        "commitment_statuses": [label(v) for v in CommitmentStatus],
        "yes_no": [YES, NO],
    }
