"""What each record table shows: columns, filters and the fields of its editor pane."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from council_prep.domain import (
    AskerType,
    Channel,
    InstrumentType,
    LawChange,
    LawChangeStatus,
    QuestionStatus,
    Record,
    Submission,
    SubmissionStatus,
    kinds,
    label,
)
from council_prep.domain.fields import field
from council_prep.gui.forms import FieldSpec
from council_prep.gui.lookups import Lookups
from council_prep.gui.tables.model import Column


@dataclass(frozen=True)
class TableSpec:
    kind: str  # the store table: "law_changes", "submissions", "questions"
    noun: str
    columns: list[Column]
    fields: list[FieldSpec]
    status_enum: type[StrEnum] | None  # None: no status filter (people)
    topic_field: str | None  # "topic_keys" (a list) or "topic_key"; None: no topic filter
    # (meeting id, partner code) -> a blank record; None where the tab adds records its own way (the desk's form)
    new_record: Callable[[int | None, str], Record] | None = None
    partner_filter: bool = True
    meeting_scoped: bool = False
    # Words beside the record count for what needs attention ("2 past due"), from the store and today's date.
    attention: Callable[[Any, date], str] | None = None
    # Choices the editor offers from the store (people, agenda items to link), read again after steps that
    # touch the kinds in `choices_follow`.
    choices: Callable[[Any], dict[str, list[tuple[Any, str]]]] | None = None
    choices_follow: tuple[str, ...] = ()

    @property
    def plural(self) -> str:
        """"law changes", "people": as the kinds registry spells it."""
        return kinds.kind_of_table(self.kind).plural


def column_of(kind: str, name: str, show: Callable[[Record], str], *extra: Any) -> Column:
    """A column headed as the workbook heads the field (one header per field: the registry's)."""
    return Column(field(kind, name).header, name, show, *extra)


def shown_date(value) -> str:
    return value.isoformat() if value else ""


def law_changes(look: Lookups) -> TableSpec:
    return TableSpec(
        kind="law_changes", noun="law change", status_enum=LawChangeStatus, topic_field="topic_keys",
        columns=[
            column_of("law_change", "partner_code", lambda r: look.partner(r.partner_code)),
            column_of("law_change", "title", lambda r: r.title),
            column_of("law_change", "instrument_type", lambda r: label(r.instrument_type)),
            column_of("law_change", "status", lambda r: label(r.status)),
            column_of("law_change", "topic_keys", lambda r: look.topic_list(r.topic_keys)),
            column_of("law_change", "adopted_on", lambda r: shown_date(r.adopted_on)),
            column_of("law_change", "effective_on", lambda r: shown_date(r.effective_on)),
        ],
        fields=[
            FieldSpec("partner_code", "&Partner", "partner"),
            FieldSpec("title", "&Title"),
            FieldSpec("instrument_type", "T&ype", "enum", InstrumentType),
            FieldSpec("status", "&Status", "enum", LawChangeStatus),
            FieldSpec("introduced_on", "Introduced", "date"),
            FieldSpec("adopted_on", "Adopted", "date"),
            FieldSpec("effective_on", "Effective", "date"),
            FieldSpec("topic_keys", "Topics", "topics"),
            FieldSpec("summary", "Su&mmary", "text"),
            FieldSpec("assessment", "Assessment", "text"),
            FieldSpec("follow_up", "Follow-up", "text"),
            FieldSpec("source_citation", "Source"),
            FieldSpec("source_url", "Source URL"),
        ],
        new_record=lambda _meeting, partner: LawChange(partner_code=partner, title="New law change"),
    )


def submissions(look: Lookups) -> TableSpec:
    return TableSpec(
        kind="submissions", noun="submission", status_enum=SubmissionStatus, topic_field="topic_keys",
        columns=[
            column_of("submission", "identifier", lambda r: r.identifier),
            column_of("submission", "partner_code", lambda r: look.partner(r.partner_code)),
            column_of("submission", "date_filed", lambda r: r.date_filed or ""),
            column_of("submission", "status", lambda r: label(r.status)),
            column_of("submission", "topic_keys", lambda r: look.topic_list(r.topic_keys)),
            column_of("submission", "submitters", lambda r: "; ".join(r.submitters)),
        ],
        fields=[
            FieldSpec("identifier", "&Identifier"),
            FieldSpec("partner_code", "&Partner", "partner"),
            FieldSpec("date_filed", "Date filed"),
            FieldSpec("status", "&Status", "enum", SubmissionStatus),
            FieldSpec("status_note", "Status note"),
            FieldSpec("topic_keys", "Topics", "topics"),
            FieldSpec("submitters", "Submitters", "list"),
            FieldSpec("summary", "Su&mmary", "text"),
        ],
        new_record=lambda _meeting, partner: Submission(
            identifier=f"New submission {datetime.now():%Y-%m-%d %H:%M:%S}", partner_code=partner),
    )


def questions(look: Lookups) -> TableSpec:
    return TableSpec(
        kind="questions", noun="question", status_enum=QuestionStatus, topic_field="topic_key",
        partner_filter=False, meeting_scoped=True,
        columns=[
            column_of("question", "received_at", lambda r: r.received_at.strftime("%Y-%m-%d %H:%M")
                   if r.received_at else ""),
            column_of("question", "text", lambda r: r.text),
            column_of("question", "asker_name", lambda r: r.asker_name + (" (confidential)" if r.confidential else "")),
            column_of("question", "organization", lambda r: r.organization),
            column_of("question", "topic_key", lambda r: look.topic(r.topic_key)),
            column_of("question", "status", lambda r: label(r.status) + (" · duplicate" if r.duplicate_of else "")),
            column_of("question", "assignee", lambda r: r.assignee),
        ],
        fields=[
            FieldSpec("text", "&Question", "text"),
            FieldSpec("asker_name", "&Asker"),
            FieldSpec("organization", "&Organization"),
            FieldSpec("asker_type", "Asker t&ype", "enum", AskerType),
            FieldSpec("confidential", "&Confidential asker", "check"),
            FieldSpec("topic_key", "&Topic", "topic"),
            FieldSpec("channel", "C&hannel", "enum", Channel),
            FieldSpec("received_at", "Received", "datetime"),
            FieldSpec("status", "&Status", "enum", QuestionStatus),
            FieldSpec("assignee", "Assi&gnee"),
            FieldSpec("suggested_answer", "Suggested a&nswer", "text"),
        ],
    )
