"""What the internal book adds for the principal, as plain data: each agenda item's brief (lead and
speakers, the item it continues, open commitments, projects), the participants, the counterparts'
biographies, open commitments, partner enforcement figures and cooperation projects.

The public edition carries none of it (Book.brief is None there), so nothing here needs redacting.
"""

from dataclasses import dataclass
from datetime import date

from council_prep.domain.brief import Commitment, EnforcementFigure, Person, Project
from council_prep.domain.enforcement import INDICATORS, Indicator
from council_prep.domain.enums import FigureStatus, ParticipantRole

TREND_YEARS = 5  # the enforcement table shows a partner's last five years with figures


@dataclass(frozen=True)
class Earlier:
    """The item of an earlier meeting an agenda item continues, and what came of it."""

    title: str
    meeting: str  # that meeting's title
    held_on: date | None
    summary: str  # its public summary: the record of what was discussed
    commitments: list[Commitment]  # made under it, whatever their status now


@dataclass(frozen=True)
class ItemBrief:
    """An agenda item's brief beyond its own fields: people from the directory and linked records."""

    lead: Person | None
    speakers: list[Person]
    continues: Earlier | None
    commitments: list[Commitment]  # still owed, made at earlier meetings, on this item or the one it continues
    projects: list[Project]


@dataclass(frozen=True)
class Attendee:
    person: Person
    role: ParticipantRole


@dataclass(frozen=True)
class Delegation:
    """One side's participants, head of delegation first, then in the meeting's order."""

    heading: str  # "United States", a partner's name, "Others"
    members: list[Attendee]


@dataclass(frozen=True)
class Biography:
    person: Person
    photo: bytes | None  # PNG or JPEG as stored


@dataclass(frozen=True)
class FigureRow:
    """One indicator over the table's years: the figure of each year, or None where none is recorded."""

    indicator: Indicator
    figures: list[EnforcementFigure | None]

    def values(self) -> list[float | None]:
        """Each year's value for the trend; None where unavailable or not recorded."""
        return [f.value if f is not None and f.status is FigureStatus.REPORTED else None for f in self.figures]


@dataclass(frozen=True)
class EnforcementTable:
    partner: str  # the partner's name
    years: list[int]
    rows: list[FigureRow]  # in INDICATORS order; indicators with no figure in these years are left out

    @property
    def figures(self) -> list[EnforcementFigure]:
        return [f for row in self.rows for f in row.figures if f is not None]

    @property
    def demo(self) -> bool:
        """Whether any figure is invented demonstration data (the book says so: never a real statistic)."""
        return any(f.demo for f in self.figures)

    @property
    def scopes(self) -> list[str]:
        """The partial scopes figures hold for, each once, in the table's order: footnote a, b, c..."""
        return list(dict.fromkeys(f.scope for f in self.figures if f.scope))

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(f.source for f in self.figures if f.source))


def enforcement_table(partner: str, figures: list[EnforcementFigure], until: int) -> EnforcementTable | None:
    """The partner's table over its last TREND_YEARS years with figures up to `until` (the meeting's
    year); None when it has none."""
    years = sorted({f.year for f in figures if f.year <= until})[-TREND_YEARS:]
    if not years:
        return None
    by_key = {(f.indicator, f.year): f for f in figures}
    rows = [FigureRow(i, [by_key.get((i.key, year)) for year in years]) for i in INDICATORS]
    return EnforcementTable(partner, years, [r for r in rows if any(r.figures)])


@dataclass(frozen=True)
class Brief:
    """The internal book's brief material for one meeting."""

    items: dict[int, ItemBrief]  # by agenda item id
    delegations: list[Delegation]
    biographies: list[Biography]  # the counterpart officials taking part
    commitments: list[Commitment]  # still owed, made at earlier meetings, oldest due first
    people: dict[int, Person]  # owners of those commitments, by id
    meetings: dict[int, str]  # titles of the meetings they were made at, by id
    enforcement: list[EnforcementTable]  # one per partner with figures
    projects: list[Project]
    project_items: dict[int, list[int]]  # project id -> numbers of this meeting's items it serves

    def item(self, item_id: int | None) -> ItemBrief | None:
        return self.items.get(item_id) if item_id is not None else None
