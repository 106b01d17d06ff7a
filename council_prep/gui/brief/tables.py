"""What the tables of people, commitments and cooperation projects show, and their editors' fields."""

from dataclasses import replace
from datetime import date
from typing import Any

from council_prep.domain import (
    Commitment,
    CommitmentStatus,
    Person,
    Project,
    ProjectStatus,
    Record,
    Side,
    label,
)
from council_prep.gui.brief.agenda_brief import people_choices
from council_prep.gui.brief.deadlines import commitment_flag, explain_commitment, explain_report
from council_prep.gui.brief.editors import AmountField, DeadlineField
from council_prep.gui.brief.people_fields import PersonField
from council_prep.gui.clock import Clock
from council_prep.gui.fields import CheckListField, ChoiceField
from council_prep.gui.forms import FieldSpec
from council_prep.gui.lookups import Lookups
from council_prep.gui.tables import columns
from council_prep.gui.tables.columns import TableSpec, column_of, shown_date
from council_prep.store import RecordNotFoundError, Store
from council_prep.store.views import labels


def _partner_or_none(look: Lookups):
    return lambda commit: ChoiceField(commit, [(None, "(none)"), *((c, p.name) for c, p in look.partners.items())])


def _links(commit) -> CheckListField:
    return CheckListField(commit, [], rows=4)


def people(look: Lookups, _clock: Clock, _store: Store) -> TableSpec:
    return TableSpec(
        kind="people", noun="person", status_enum=None, topic_field=None,
        columns=[
            column_of("person", "name", lambda r: r.name),
            column_of("person", "title", lambda r: r.title),
            column_of("person", "organization", lambda r: r.organization),
            column_of("person", "side", lambda r: label(r.side)),
            column_of("person", "partner_code", lambda r: look.partner(r.partner_code) if r.partner_code else ""),
        ],
        fields=[
            FieldSpec("name", "&Name"),
            FieldSpec("pronunciation", "Pronunciation"),
            FieldSpec("title", "&Title"),
            FieldSpec("organization", "&Organization"),
            FieldSpec("side", "&Side", "enum", Side),
            FieldSpec("partner_code", "&Partner", make=_partner_or_none(look)),
            FieldSpec("email", "Email"),
            FieldSpec("biography", "&Biography", "text"),
        ],
        new_record=lambda _meeting, partner: Person(name="New person", partner_code=partner or None),
    )


def person_name(store: Store, person_id: int | None) -> str:
    if person_id is None:
        return ""
    try:
        return store.people.get(person_id).name
    except RecordNotFoundError:
        return ""


def past_due_count(store: Store, today: date) -> str:
    """' · 2 past due' over every commitment (the filters do not hide what is late)."""
    late = sum(1 for c in store.commitments.find() if c.past_due(today))
    return f" · ⚠ {late:,} past due" if late else ""


def agenda_choices(store: Store) -> list[tuple[int, str]]:
    """Every meeting's agenda items, the latest meeting first, named with their meeting's date."""
    meetings = sorted(store.meetings.find(), key=lambda m: m.session_date, reverse=True)
    return [(item.id, f"{m.session_date:%Y-%m-%d} · {item.title}")
            for m in meetings for item in store.agenda.for_meeting(m.id)]


def commitments(look: Lookups, clock: Clock, store: Store) -> TableSpec:
    def flag(record: Record) -> str:
        return commitment_flag(record, clock.today())

    def choices(store: Store) -> dict[str, list[tuple[Any, str]]]:
        meetings = sorted(store.meetings.find(), key=lambda m: m.session_date, reverse=True)
        return {"owner_person_id": people_choices(store), "agenda_item_ids": agenda_choices(store),
                "source_meeting_id": [(None, "(none)")] + [(m.id, f"{m.session_date:%Y-%m-%d} · {m.title}")
                                                          for m in meetings]}

    return TableSpec(
        kind="commitments", noun="commitment", status_enum=CommitmentStatus, topic_field=None,
        partner_filter=False,
        columns=[
            column_of("commitment", "due_on", lambda r: shown_date(r.due_on)),
            column_of("commitment", "text", lambda r: r.text),
            column_of("commitment", "side", lambda r: label(r.side)),
            column_of("commitment", "owner_person_id", lambda r: person_name(store, r.owner_person_id)),
            column_of("commitment", "status", lambda r: f"Past due · {label(r.status)}" if flag(r) else label(r.status),
                    False, lambda r: "warning" if flag(r) else None),
            column_of("commitment", "source_note", lambda r: r.source_note),
        ],
        fields=[
            FieldSpec("text", "&Commitment", "text"),
            FieldSpec("side", "&Side", "enum", Side),
            FieldSpec("owner_person_id", "&Owner", make=PersonField),
            FieldSpec("due_on", "&Due", make=lambda commit: DeadlineField(commit, explain_commitment, clock.today)),
            FieldSpec("status", "S&tatus", "enum", CommitmentStatus),
            FieldSpec("source_meeting_id", "Source &meeting", make=lambda commit: ChoiceField(commit, [])),
            FieldSpec("source_note", "Source note"),
            FieldSpec("agenda_item_ids", "Agenda items", make=_links),
        ],
        new_record=lambda meeting, _partner: Commitment(text="New commitment", source_meeting_id=meeting),
        attention=past_due_count, choices=choices, choices_follow=("person", "agenda_item", "meeting"),
    )


def projects(look: Lookups, _clock: Clock, _store: Store) -> TableSpec:
    def choices(store: Store) -> dict[str, list[tuple[Any, str]]]:
        return {"agenda_item_ids": agenda_choices(store),
                "law_change_ids": [(cid, f"{code} · {title}") for code in look.partners
                                   for cid, title in labels(store.law_changes, "title", partner_code=code)]}

    return TableSpec(
        kind="projects", noun="project", status_enum=ProjectStatus, topic_field="topic_keys",
        columns=[
            column_of("project", "partner_code", lambda r: look.partner(r.partner_code) if r.partner_code else ""),
            column_of("project", "title", lambda r: r.title),
            column_of("project", "grantee", lambda r: r.grantee),
            column_of("project", "amount", lambda r: f"{r.currency} {r.amount:,.0f}" if r.amount is not None else "",
                    True),
            column_of("project", "start_on", lambda r: shown_date(r.start_on)),
            column_of("project", "end_on", lambda r: shown_date(r.end_on)),
            column_of("project", "status", lambda r: label(r.status)),
        ],
        fields=[
            FieldSpec("title", "&Title"),
            FieldSpec("partner_code", "&Partner", make=_partner_or_none(look)),
            FieldSpec("grantee", "&Grantee"),
            FieldSpec("amount", "A&mount", make=AmountField),
            FieldSpec("currency", "C&urrency"),
            FieldSpec("start_on", "Start", "date"),
            FieldSpec("end_on", "End", "date"),
            FieldSpec("status", "&Status", "enum", ProjectStatus),
            FieldSpec("topic_keys", "Topics", "topics"),
            FieldSpec("summary", "Su&mmary", "text"),
            FieldSpec("agenda_item_ids", "Agenda items", make=_links),
            FieldSpec("law_change_ids", "Law changes", make=_links),
        ],
        new_record=lambda _meeting, partner: Project(title="New project", partner_code=partner or None),
        choices=choices, choices_follow=("agenda_item", "meeting", "law_change"),
    )


def submissions(look: Lookups, clock: Clock, _store: Store) -> TableSpec:
    """The submissions table with its clock: accepted, report due (180 days after unless set), published."""
    base = columns.submissions(look)

    def late(record: Record) -> bool:
        return record.report_overdue(clock.today())  # type: ignore[attr-defined]

    due = column_of("submission", "report_due_on",
                  lambda r: shown_date(r.report_due()) + (" · overdue" if late(r) else ""), False,
                  lambda r: "warning" if late(r) else None)
    at = next(n for n, spec in enumerate(base.fields) if spec.name == "status_note") + 1
    clock_fields = [
        FieldSpec("accepted_on", "Accepted", "date"),
        FieldSpec("report_due_on", "Report due", make=lambda commit: DeadlineField(
            commit, explain_report, clock.today, "YYYY-MM-DD (empty: 180 days after acceptance)")),
        FieldSpec("report_published_on", "Report published", "date"),
    ]
    return replace(base, columns=[*base.columns[:4], due, *base.columns[4:]],
                   fields=[*base.fields[:at], *clock_fields, *base.fields[at:]], attention=overdue_reports)


def overdue_reports(store: Store, today: date) -> str:
    late = sum(1 for s in store.submissions.find() if s.report_overdue(today))
    return f" · ⚠ {late:,} report{'s' if late != 1 else ''} overdue" if late else ""
