"""The demo store's brief: invented people at real institutions, their meetings' participants,
commitments, cooperation projects and enforcement figures (all invented; figures marked demo)."""

import random
from datetime import date
from typing import Any

from council_prep.domain import (
    Ask,
    Commitment,
    EnforcementFigure,
    FigureStatus,
    Participant,
    ParticipantRole,
    Person,
    Project,
)
from council_prep.domain.enforcement import INDICATORS
from council_prep.store import Store

# Agenda items of the demo meetings, per meeting in the order of meetings.json: (title, id).
Agenda = list[list[tuple[str, int]]]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def add_people(store: Store, rows: list[dict[str, Any]]) -> dict[str, int]:
    """The directory; returns person ids by the name the demo's leads use ("K. Brennan")."""
    return {row["ref"]: store.people.add(Person(
        name=row["name"], pronunciation=row.get("pronunciation", ""), title=row["title"],
        organization=row["organization"], side=row["side"], partner_code=row.get("partner"),
        biography=row.get("biography", ""),
    )).id for row in rows}  # type: ignore[misc]


def brief_fields(item: dict[str, Any], people: dict[str, int]) -> dict[str, Any]:
    """An agenda item's brief from its demo entry, as AgendaItem keyword arguments."""
    return {
        "points_to_make": item.get("points_to_make", []), "points_to_avoid": item.get("points_to_avoid", []),
        "asks": [Ask(ask, response) for ask, response in item.get("asks", [])],
        "press_line": item.get("press_line", ""), "press": item.get("press", "closed"),
        "depth": item.get("depth", "full"), "lead_person_id": people.get(item.get("lead_person", "")),
        "speaker_ids": [people[ref] for ref in item.get("speakers", [])],
    }


def add_participants(store: Store, meeting_id: int, rows: list[list[str]], people: dict[str, int]) -> int:
    for ref, role in rows:
        store.participants.add(Participant(meeting_id=meeting_id, person_id=people[ref], role=ParticipantRole(role)))
    return len(rows)


def _items(agenda: Agenda, pairs: list[list[Any]]) -> list[int]:
    """Ids of the agenda items named by (meeting index, beginning of the title)."""
    return [next(i for title, i in agenda[meeting] if title.startswith(prefix)) for meeting, prefix in pairs]


def add_commitments(store: Store, rows: list[dict[str, Any]], meetings: list[int], agenda: Agenda,
                    people: dict[str, int]) -> int:
    for row in rows:
        store.commitments.add(Commitment(
            text=row["text"], side=row["side"], owner_person_id=people[row["owner"]], due_on=_date(row["due_on"]),
            status=row["status"], source_meeting_id=None if row["meeting"] is None else meetings[row["meeting"]],
            source_note=row["source_note"], agenda_item_ids=_items(agenda, row["items"]),
        ))
    return len(rows)


def add_projects(store: Store, rows: list[dict[str, Any]], agenda: Agenda, law_changes: dict[str, int]) -> int:
    for row in rows:
        store.projects.add(Project(
            title=row["title"], grantee=row["grantee"], amount=row["amount"], currency=row.get("currency", "USD"),
            start_on=_date(row["start_on"]), end_on=_date(row["end_on"]), status=row["status"],
            partner_code=row["partner"], topic_keys=row["topics"], summary=row["summary"],
            agenda_item_ids=_items(agenda, row["items"]),
            law_change_ids=[law_changes[ref] for ref in row["law_changes"]],
        ))
    return len(rows)


def enforcement_figures(data: dict[str, Any]) -> list[EnforcementFigure]:
    """Five years of every indicator per partner, grown from invented base values with a fixed
    random wobble (the same figures every time); the latest convictions are not yet available."""
    years: list[int] = data["years"]
    figures = []
    for code, base in data["partners"].items():
        wobble = random.Random(code)
        for index, year in enumerate(years):
            trend = (1 + base["growth"]) ** index
            counts = {key: base[key] * trend * wobble.uniform(0.93, 1.07)
                      for key in ("inspectorate_funding", "inspectors", "inspections", "violations_found",
                                  "penalties_imposed", "criminal_investigations")}
            prosecutions = counts["criminal_investigations"] * 0.35
            values: dict[str, float | None] = {
                **counts,
                "inspectors_meet_ilo": base["inspectors_meet_ilo"], "inspectors_assess_penalties": 1,
                "worksite_inspections": counts["inspections"] * 0.72,
                "routine_inspections": counts["inspections"] * 0.58,
                "targeted_inspections": counts["inspections"] * 0.42,
                "unannounced_inspections": counts["inspections"] * wobble.uniform(0.25, 0.4),
                "penalties_collected": counts["penalties_imposed"] * wobble.uniform(0.35, 0.6),
                "prosecutions": prosecutions,
                "convictions": None if index == len(years) - 1 else prosecutions * 0.5,
            }
            for spec in INDICATORS:
                value = values[spec.key]
                if value is not None and spec.unit != "money":
                    value = float(round(value))
                elif value is not None:
                    value = float(round(value, -3))
                figures.append(EnforcementFigure(
                    partner_code=code, year=year, indicator=spec.key, value=value,
                    status=FigureStatus.UNAVAILABLE if value is None else FigureStatus.REPORTED,
                    scope=base.get("scope", "") if spec.group == "inspections" else "",
                    source=data["source"], demo=True,
                ))
    return figures
