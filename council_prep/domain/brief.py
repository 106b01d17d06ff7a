"""Records of the brief beyond the agenda: the people in the directory, a meeting's participants,
commitments made at councils, partner enforcement figures and technical cooperation projects."""

from dataclasses import dataclass, field
from datetime import date

from council_prep.domain import validation as v
from council_prep.domain.enforcement import indicator, is_indicator
from council_prep.domain.enums import (
    CommitmentStatus,
    FigureStatus,
    ParticipantRole,
    ProjectStatus,
    Side,
)
from council_prep.domain.records import Record

# A person's photo: the formats the book can place, and the most a store keeps of one.
PHOTO_LIMIT = 2 * 1024 * 1024
_PHOTO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def photo_problems(image: bytes) -> list[v.Problem]:
    """Why `image` cannot be a person's photo (not PNG or JPEG, larger than PHOTO_LIMIT), or []."""
    if not any(image.startswith(signature) for signature in _PHOTO_SIGNATURES):
        return [v.Problem("photo", "A photo must be a PNG or JPEG image")]
    if len(image) > PHOTO_LIMIT:
        return [v.Problem("photo", f"A photo may be at most {PHOTO_LIMIT // (1024 * 1024)} MB "
                                   f"(this one is {len(image) / (1024 * 1024):.1f} MB)")]
    return []


@dataclass(kw_only=True)
class Person(Record):
    """Someone in the directory, reused from meeting to meeting (the photo is kept apart: PersonTable)."""

    name: str
    pronunciation: str = ""
    title: str = ""
    organization: str = ""
    side: Side = Side.PARTNER
    partner_code: str | None = None
    biography: str = ""
    email: str = ""

    def problems(self) -> list[v.Problem]:
        found = v.require_text("name", self.name, "Name")
        found += v.check_choice("side", self.side, Side, "Side")
        for name, what in (("pronunciation", "Pronunciation"), ("title", "Title"),
                           ("organization", "Organization"), ("email", "E-mail")):
            found += v.check_length(name, getattr(self, name), what, v.MAX_TITLE)
        found += v.check_length("biography", self.biography, "Biography")
        return found


@dataclass(kw_only=True)
class Participant(Record):
    """A person taking part in a meeting, in the order of the participants page."""

    meeting_id: int | None = None
    person_id: int | None = None
    role: ParticipantRole = ParticipantRole.MEMBER
    position: int = 0  # 0: after the others

    def problems(self) -> list[v.Problem]:
        found = v.check_choice("role", self.role, ParticipantRole, "Role")
        if self.meeting_id is None:
            found.append(v.Problem("meeting_id", "A participant belongs to a meeting"))
        if self.person_id is None:
            found.append(v.Problem("person_id", "A participant is a person from the directory"))
        return found


@dataclass(kw_only=True)
class Commitment(Record):
    """Who promised what, by when, at which council."""

    text: str
    side: Side = Side.PARTNER
    owner_person_id: int | None = None
    due_on: date | None = None
    status: CommitmentStatus = CommitmentStatus.OPEN
    source_meeting_id: int | None = None
    source_note: str = ""  # "Joint statement, para 4"
    agenda_item_ids: list[int] = field(default_factory=list)

    def problems(self) -> list[v.Problem]:
        found = v.require_text("text", self.text, "Commitment", v.MAX_TEXT)
        found += v.check_choice("side", self.side, Side, "Side")
        found += v.check_choice("status", self.status, CommitmentStatus, "Commitment status")
        found += v.check_length("source_note", self.source_note, "Source note", v.MAX_TITLE)
        return found

    def past_due(self, today: date) -> bool:
        """Still owed and due before `today`: computed, so nothing has to run at midnight."""
        return (isinstance(self.status, CommitmentStatus) and self.status.is_pending
                and self.due_on is not None and self.due_on < today)


@dataclass(kw_only=True)
class EnforcementFigure(Record):
    """One enforcement figure of a partner for a year (see domain/enforcement.py)."""

    partner_code: str
    year: int
    indicator: str
    value: float | None = None
    status: FigureStatus = FigureStatus.REPORTED
    scope: str = ""  # "federal only", "3 of 32 states"
    source: str = ""
    note: str = ""
    demo: bool = False  # invented for the demonstration store: never to be shown as a real statistic

    @property
    def title(self) -> str:
        """What names the figure in a history line or a message: "PE 2024: Number of labor inspectors"."""
        what = indicator(self.indicator).label if is_indicator(self.indicator) else self.indicator
        return f"{self.partner_code} {self.year}: {what}"

    def problems(self) -> list[v.Problem]:
        found = v.require_text("partner_code", self.partner_code, "Partner")
        found += v.check_range("year", self.year, 1990, 2100, "Year")
        found += v.check_choice("status", self.status, FigureStatus, "Figure status")
        if not is_indicator(self.indicator):
            found.append(v.Problem("indicator", f"Unknown enforcement figure '{self.indicator}'"))
        if self.status is FigureStatus.UNAVAILABLE and self.value is not None:
            found.append(v.Problem("value", "An unavailable figure has no value"))
        elif self.status is FigureStatus.REPORTED and self.value is None:
            found.append(v.Problem("value", "A reported figure needs a value (or mark it unavailable)"))
        elif self.value is not None:
            found += self._value_problems(self.value)
        for name, what in (("scope", "Scope"), ("source", "Source")):
            found += v.check_length(name, getattr(self, name), what, v.MAX_TITLE)
        found += v.check_length("note", self.note, "Note")
        return found

    def _value_problems(self, value: float) -> list[v.Problem]:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            return [v.Problem("value", "A figure must be a number")]
        if value < 0:
            return [v.Problem("value", "A figure cannot be negative")]
        unit = indicator(self.indicator).unit if is_indicator(self.indicator) else "money"
        if unit == "yes_no" and value not in (0, 1):
            return [v.Problem("value", f"'{indicator(self.indicator).label}' is yes (1) or no (0)")]
        if unit == "count" and value != int(value):
            return [v.Problem("value", f"'{indicator(self.indicator).label}' is a whole number")]
        return []


@dataclass(kw_only=True)
class Project(Record):
    """A technical cooperation project in a partner country."""

    title: str
    grantee: str = ""
    amount: float | None = None
    currency: str = "USD"
    start_on: date | None = None
    end_on: date | None = None
    status: ProjectStatus = ProjectStatus.ACTIVE
    partner_code: str | None = None
    topic_keys: list[str] = field(default_factory=list)
    summary: str = ""
    agenda_item_ids: list[int] = field(default_factory=list)
    law_change_ids: list[int] = field(default_factory=list)

    def problems(self) -> list[v.Problem]:
        found = v.require_text("title", self.title, "Project title")
        found += v.check_length("grantee", self.grantee, "Grantee", v.MAX_TITLE)
        found += v.check_choice("status", self.status, ProjectStatus, "Project status")
        found += v.check_order("end_on", self.start_on, self.end_on, "A project cannot end before it starts")
        found += v.check_length("summary", self.summary, "Summary")
        if self.amount is not None and (isinstance(self.amount, bool) or not isinstance(self.amount, int | float)
                                        or self.amount != self.amount or self.amount < 0):
            found.append(v.Problem("amount", "The amount must be a number, not negative"))
        if len(self.currency) != 3 or not self.currency.isascii() or not self.currency.isupper():
            found.append(v.Problem("currency", f"Currency '{self.currency}' must be three capital letters (ISO 4217)"))
        return found
