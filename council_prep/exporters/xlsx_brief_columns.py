"""The columns of the workbook's brief sheets: enforcement figures, cooperation projects, open commitments
and the meeting's participants (the internal edition's brief; see council_prep.book.brief).

As on the other sheets, headers and sensitivities come from the field registry, so the public edition
leaves out every internal column. The Projects sheet is also the projects import format.
"""

from collections.abc import Callable
from dataclasses import dataclass

from council_prep.book import Book
from council_prep.book.brief import Attendee, Brief, Delegation
from council_prep.domain import Commitment, EnforcementFigure, Project, label
from council_prep.domain.enforcement import INDICATORS, Indicator
from council_prep.domain.enums import FigureStatus
from council_prep.exporters.xlsx_cells import Column, Kind
from council_prep.exporters.xlsx_columns import NO, YES


@dataclass(frozen=True)
class FigureYear:
    """One row of the Enforcement sheet: a partner's figures of one year, by indicator."""

    partner: str
    year: int
    figures: dict[str, EnforcementFigure]


@dataclass(frozen=True)
class Seat:
    """One row of the Participants sheet."""

    delegation: str
    attendee: Attendee


def figure_years(brief: Brief) -> list[FigureYear]:
    """Each partner's years, oldest first, as the book's enforcement tables hold them."""
    rows = []
    for table in brief.enforcement:
        for index, year in enumerate(table.years):
            figures = {row.indicator.key: row.figures[index] for row in table.rows if row.figures[index] is not None}
            rows.append(FigureYear(table.partner, year, figures))  # type: ignore[arg-type]
    return rows


def seats(delegations: list[Delegation]) -> list[Seat]:
    return [Seat(d.heading, attendee) for d in delegations for attendee in d.members]


def _shown(indicator: Indicator, figure: EnforcementFigure | None) -> float | str | None:
    """A number for a count or a sum (the cell formats it), words for yes/no and for a figure not available."""
    if figure is None:
        return None
    if figure.status is FigureStatus.UNAVAILABLE or indicator.unit == "yes_no":
        return indicator.shown(figure.value if figure.status is FigureStatus.REPORTED else None)
    return figure.value


def _per_figure(row: FigureYear, name: str) -> str:
    """A text field of the row's figures: once when they share it, else a line per indicator
    ("Labor inspections conducted: federal only"), which the import reads back the same way."""
    values = {key: getattr(figure, name) for key, figure in row.figures.items() if getattr(figure, name)}
    if len(set(values.values())) <= 1 and len(values) in (0, len(row.figures)):
        return next(iter(values.values()), "")
    return "\n".join(f"{i.label}: {values[i.key]}" for i in INDICATORS if i.key in values)


def enforcement_columns() -> list[Column]:
    def figure(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("enforcement_figure", name, get, kind, **options)

    def indicator(ind: Indicator) -> Column:
        return Column(ind.label, lambda r: _shown(ind, r.figures.get(ind.key)), Kind.FIGURE)

    return [
        figure("partner_code", lambda r: r.partner),
        figure("year", lambda r: r.year, Kind.NUMBER),
        *(indicator(i) for i in INDICATORS),
        figure("scope", lambda r: _per_figure(r, "scope"), Kind.LONG),
        figure("source", lambda r: _per_figure(r, "source"), Kind.LONG),
        figure("note", lambda r: _per_figure(r, "note"), Kind.LONG),
        figure("demo", lambda r: YES if any(f.demo for f in r.figures.values()) else NO),
    ]


def project_columns(book: Book, brief: Brief) -> list[Column]:
    """The import format too: every header is one the projects importer knows, and the uid comes last."""
    titles = {c.id: c.title for c in book.law_changes}

    def project(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("project", name, get, kind, **options)

    def items(p: Project) -> str:
        return ", ".join(str(n) for n in brief.project_items.get(p.id, []))  # type: ignore[arg-type]

    return [
        project("title", lambda p: p.title, Kind.LONG),
        project("grantee", lambda p: p.grantee),
        project("amount", lambda p: p.amount, Kind.FIGURE),
        project("currency", lambda p: p.currency),
        project("start_on", lambda p: p.start_on, Kind.DATE),
        project("end_on", lambda p: p.end_on, Kind.DATE),
        project("status", lambda p: label(p.status), choices="project_statuses"),
        project("partner_code", lambda p: book.partner_name(p.partner_code) if p.partner_code else ""),
        project("topic_keys", lambda p: "; ".join(book.topic_label(k) for k in p.topic_keys), choices="topics",
                strict=False),
        project("summary", lambda p: p.summary, Kind.LONG),
        project("law_change_ids", lambda p: "\n".join(titles[i] for i in p.law_change_ids if i in titles), Kind.LONG),
        project("agenda_item_ids", items),
        project("uid", lambda p: p.uid, Kind.UID),
    ]


def commitment_columns(book: Book, brief: Brief) -> list[Column]:
    """Commitments still owed from earlier meetings; past due as of the day the book is prepared."""
    numbers: dict[int | None, list[str]] = {}  # commitment id -> this agenda's items it is listed under
    for number, scheduled in enumerate(book.schedule, start=1):
        item = brief.item(scheduled.item.id)
        for made in item.commitments if item else []:
            numbers.setdefault(made.id, []).append(str(number))

    def commitment(name: str, get: Callable, kind: Kind = Kind.TEXT, **options) -> Column:
        return Column.of("commitment", name, get, kind, **options)

    def owner(c: Commitment) -> str:
        person = brief.people.get(c.owner_person_id) if c.owner_person_id is not None else None
        return person.name if person else ""

    status = commitment("status", lambda c: label(c.status), choices="commitment_statuses")
    return [
        commitment("text", lambda c: c.text, Kind.LONG),
        commitment("side", lambda c: label(c.side)),
        commitment("owner_person_id", owner),
        commitment("due_on", lambda c: c.due_on, Kind.DATE),
        status,
        Column("Past due", lambda c: YES if c.past_due(book.prepared_on) else NO, internal=status.internal),
        commitment("source_meeting_id", lambda c: brief.meetings.get(c.source_meeting_id, "")),
        commitment("source_note", lambda c: c.source_note),
        commitment("agenda_item_ids", lambda c: ", ".join(numbers.get(c.id, []))),
        commitment("uid", lambda c: c.uid, Kind.UID),
    ]


def participant_columns() -> list[Column]:
    def person(name: str, get: Callable, kind: Kind = Kind.TEXT) -> Column:
        return Column.of("person", name, lambda s: get(s.attendee.person), kind)

    return [
        Column("Delegation", lambda s: s.delegation),
        person("name", lambda p: p.name),
        person("pronunciation", lambda p: p.pronunciation),
        person("title", lambda p: p.title, Kind.LONG),
        person("organization", lambda p: p.organization, Kind.LONG),
        Column.of("participant", "role", lambda s: label(s.attendee.role)),
        person("email", lambda p: p.email),
        person("biography", lambda p: p.biography, Kind.LONG),
        person("uid", lambda p: p.uid, Kind.UID),
    ]
