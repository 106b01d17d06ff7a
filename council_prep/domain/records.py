"""The records of the domain as plain dataclasses; `problems()` says what is wrong, `validate()` refuses."""

import contextlib
import typing
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from functools import cache

from council_prep.domain import validation as v
from council_prep.domain.enums import (
    AgendaStatus,
    AgreementKind,
    AskerType,
    BriefDepth,
    Channel,
    InstrumentType,
    LawChangeStatus,
    MeetingStatus,
    PressStatus,
    QuestionStatus,
    SubmissionStatus,
)
from council_prep.domain.text import clean


@cache
def _enum_fields(cls: type) -> dict[str, type[Enum]]:
    hints = typing.get_type_hints(cls)
    return {name: hint for name, hint in hints.items() if isinstance(hint, type) and issubclass(hint, Enum)}


@cache
def _field_enums(cls: type) -> tuple[tuple[str, type[Enum] | None], ...]:
    """Each field's name with its enum (None for a field that holds no enum): what a new record checks."""
    enums = _enum_fields(cls)
    return tuple((f.name, enums.get(f.name)) for f in fields(cls))


def new_uid() -> str:
    return str(uuid.uuid4())


# Days within which a report on an accepted submission is due, unless the officer sets its date.
REPORT_DAYS = 180


@dataclass(frozen=True)
class Ask:
    """What the other side will likely ask, and our response."""

    ask: str
    response: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "ask", clean(self.ask))
        object.__setattr__(self, "response", clean(self.response))


@dataclass(kw_only=True)
class Record:
    """Identity every stored record shares: `uid` survives merging stores made on other laptops."""

    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: str | None = None
    updated_at: str | None = None

    def __post_init__(self) -> None:
        for name, enum in _field_enums(type(self)):
            value = getattr(self, name)
            if isinstance(value, Enum):
                continue
            if isinstance(value, str) and enum is not None:
                # A valid plain string ("in_force") becomes its member; any other is left for
                # problems() to explain.
                with contextlib.suppress(ValueError):
                    setattr(self, name, enum(value))
            elif isinstance(value, str):
                cleaned = clean(value)
                if cleaned is not value:  # most text is clean already: set only what changed
                    setattr(self, name, cleaned)
            elif isinstance(value, list) and all(isinstance(x, str) for x in value):
                setattr(self, name, [clean(x) for x in value])

    def problems(self) -> list[v.Problem]:
        return []

    def validate(self) -> None:
        """Raise ValidationError listing every problem, so a form can show them all at once."""
        found = self.problems()
        if found:
            raise v.ValidationError(found)


@dataclass(kw_only=True)
class Topic(Record):
    key: str
    label: str
    group: str = "other"
    description: str = ""
    keywords: list[str] = field(default_factory=list)

    def problems(self) -> list[v.Problem]:
        return v.require_text("key", self.key, "Topic key") + v.require_text("label", self.label, "Topic label")


@dataclass(kw_only=True)
class Agreement(Record):
    key: str
    name: str
    short_name: str = ""
    kind: AgreementKind = AgreementKind.FTA
    entered_into_force: int | None = None
    labor_body: str = ""
    labor_body_checked: bool = False

    def problems(self) -> list[v.Problem]:
        found = v.require_text("key", self.key, "Agreement key") + v.require_text("name", self.name, "Agreement name")
        found += v.check_choice("kind", self.kind, AgreementKind, "Agreement kind")
        if self.entered_into_force is not None:
            found += v.check_range("entered_into_force", self.entered_into_force, 1900, 2100, "Year in force")
        return found

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(kw_only=True)
class Partner(Record):
    code: str
    name: str
    name_local: str = ""
    agreement_keys: list[str] = field(default_factory=list)

    def problems(self) -> list[v.Problem]:
        found = v.require_text("name", self.name, "Country name")
        if len(self.code) != 2 or not self.code.isascii() or not self.code.isupper():
            found.append(v.Problem("code", f"Country code '{self.code}' must be two capital letters (ISO 3166)"))
        return found


@dataclass(kw_only=True)
class Meeting(Record):
    agreement_key: str
    title: str
    session_date: date
    partner_codes: list[str] = field(default_factory=list)
    start_time: time = time(9, 0)
    length_minutes: int = 360
    public_session_date: date | None = None
    location: str = ""
    status: MeetingStatus = MeetingStatus.PLANNING
    handling_marking: str = ""
    question_deadline: datetime | None = None  # the public session's deadline for questions, in UTC
    intake_addresses: list[str] = field(default_factory=list)  # the mailboxes the notice names for questions
    subject_line: str = ""  # the subject the notice asks question mail to carry
    book_due_on: date | None = None  # when the book must reach the delegation

    def __setattr__(self, name: str, value: object) -> None:
        """The deadline is kept in UTC, and addresses without spaces around them, however they are set."""
        if name == "question_deadline" and isinstance(value, datetime) and value.utcoffset() is not None:
            value = value.astimezone(UTC)
        elif name == "intake_addresses" and isinstance(value, list):
            value = [item.strip() if isinstance(item, str) else item for item in value]
        super().__setattr__(name, value)

    def problems(self) -> list[v.Problem]:
        found = v.require_text("title", self.title, "Meeting title")
        found += v.require_text("agreement_key", self.agreement_key, "Agreement")
        if not self.partner_codes:
            found.append(v.Problem("partner_codes", "A meeting needs at least one partner country"))
        found += v.check_range("length_minutes", self.length_minutes, 15, 24 * 60, "Session length in minutes")
        found += v.check_order(
            "public_session_date", self.session_date, self.public_session_date,
            "Public session date must not be before the government session date",
        )
        found += v.check_choice("status", self.status, MeetingStatus, "Meeting status")
        found += v.check_length("handling_marking", self.handling_marking, "Handling marking", 200)
        found += v.check_length("location", self.location, "Location", v.MAX_TITLE)
        if self.question_deadline is not None and self.question_deadline.utcoffset() is None:
            found.append(v.Problem("question_deadline", "The question deadline needs a time zone"))
        found += v.check_addresses("intake_addresses", self.intake_addresses, "Intake address")
        found += v.check_length("subject_line", self.subject_line, "Subject line", v.MAX_TITLE)
        found += v.check_order("book_due_on", self.book_due_on, self.session_date,
                               "The book must be due on or before the session date")
        return found


@dataclass(kw_only=True)
class AgendaItem(Record):
    meeting_id: int | None = None
    position: int = 0
    title: str
    topic_key: str | None = None
    lead: str = ""
    minutes: int = 15
    objective: str = ""
    talking_points: list[str] = field(default_factory=list)
    background: str = ""
    public_summary: str = ""  # what the public edition says of the item instead of its internal text
    status: AgendaStatus = AgendaStatus.DRAFT
    law_change_ids: list[int] = field(default_factory=list)
    submission_ids: list[int] = field(default_factory=list)
    # The brief for the principal
    points_to_make: list[str] = field(default_factory=list)
    points_to_avoid: list[str] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    press_line: str = ""
    press: PressStatus = PressStatus.CLOSED
    depth: BriefDepth = BriefDepth.FULL
    continues_id: int | None = None  # an item of an earlier meeting this one takes up again
    lead_person_id: int | None = None  # the lead from the directory (`lead` names one who is not in it)
    speaker_ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__post_init__()
        # A pair given as a list or tuple (as JSON and forms hold it) becomes an Ask.
        self.asks = [Ask(*a) if isinstance(a, list | tuple) and 1 <= len(a) <= 2 and all(isinstance(x, str) for x in a)
                     else a for a in self.asks]

    def problems(self) -> list[v.Problem]:
        found = v.require_text("title", self.title, "Agenda item title")
        found += v.check_range("minutes", self.minutes, 1, 600, "Minutes allotted")
        found += v.check_choice("status", self.status, AgendaStatus, "Agenda item status")
        for name, what in (("objective", "Objective"), ("background", "Background"), ("lead", "Lead"),
                           ("public_summary", "Public summary")):
            found += v.check_length(name, getattr(self, name), what)
        for name, what in (("talking_points", "Talking points"), ("points_to_make", "Points to make"),
                           ("points_to_avoid", "Points to avoid")):
            if any(not point.strip() for point in getattr(self, name)):
                found.append(v.Problem(name, f"{what} must not be empty lines"))
        if any(not isinstance(a, Ask) or not a.ask.strip() for a in self.asks):
            found.append(v.Problem("asks", "Each likely ask needs its question"))
        found += v.check_length("press_line", self.press_line, "Press line")
        found += v.check_choice("press", self.press, PressStatus, "Press status")
        found += v.check_choice("depth", self.depth, BriefDepth, "Brief depth")
        if self.continues_id is not None and self.continues_id == self.id:
            found.append(v.Problem("continues_id", "An agenda item cannot continue itself"))
        return found


@dataclass(kw_only=True)
class LawChange(Record):
    partner_code: str
    title: str
    instrument_type: InstrumentType = InstrumentType.LAW
    status: LawChangeStatus = LawChangeStatus.PROPOSED
    introduced_on: date | None = None
    adopted_on: date | None = None
    effective_on: date | None = None
    topic_keys: list[str] = field(default_factory=list)
    summary: str = ""
    source_citation: str = ""
    source_url: str = ""
    assessment: str = ""
    follow_up: str = ""

    def problems(self) -> list[v.Problem]:
        found = v.require_text("partner_code", self.partner_code, "Partner")
        found += v.require_text("title", self.title, "Title of the instrument")
        found += v.check_choice("instrument_type", self.instrument_type, InstrumentType, "Instrument type")
        found += v.check_choice("status", self.status, LawChangeStatus, "Law change status")
        found += v.check_order("adopted_on", self.introduced_on, self.adopted_on,
                               "Date adopted must not be before the date introduced")
        found += v.check_order("effective_on", self.adopted_on, self.effective_on,
                               "Effective date must not be before the date adopted")
        if self.source_url and not self.source_url.lower().startswith(("http://", "https://")):
            found.append(v.Problem("source_url", "Source URL must start with http:// or https://"))
        for name in ("summary", "assessment", "follow_up", "source_citation"):
            found += v.check_length(name, getattr(self, name), name.replace("_", " ").capitalize())
        return found


@dataclass(kw_only=True)
class Submission(Record):
    identifier: str
    partner_code: str
    agreement_key: str = ""
    date_filed: str | None = None
    submitters: list[str] = field(default_factory=list)
    topic_keys: list[str] = field(default_factory=list)
    status: SubmissionStatus = SubmissionStatus.UNDER_REVIEW
    status_note: str = ""
    summary: str = ""
    accepted_on: date | None = None
    report_due_on: date | None = None  # empty: REPORT_DAYS after acceptance (report_due)
    report_published_on: date | None = None

    def problems(self) -> list[v.Problem]:
        found = v.require_text("identifier", self.identifier, "Submission identifier")
        found += v.require_text("partner_code", self.partner_code, "Partner")
        found += v.check_partial_date("date_filed", self.date_filed, "Date filed")
        found += v.check_choice("status", self.status, SubmissionStatus, "Submission status")
        found += v.check_order("report_due_on", self.accepted_on, self.report_due_on,
                               "The report cannot be due before the submission was accepted")
        found += v.check_order("report_published_on", self.accepted_on, self.report_published_on,
                               "The report cannot be published before the submission was accepted")
        return found

    def report_due(self) -> date | None:
        """The date the report is due: as set, or REPORT_DAYS after acceptance, or None."""
        if self.report_due_on is not None:
            return self.report_due_on
        return self.accepted_on + timedelta(days=REPORT_DAYS) if self.accepted_on else None

    def report_overdue(self, today: date) -> bool:
        """The report is due before `today` and has not been published."""
        due = self.report_due()
        return due is not None and self.report_published_on is None and due < today


@dataclass(kw_only=True)
class Question(Record):
    meeting_id: int | None = None
    text: str
    asker_name: str = ""
    organization: str = ""
    asker_email: str = ""
    asker_type: AskerType = AskerType.PUBLIC
    topic_key: str | None = None
    channel: Channel = Channel.EMAIL
    received_at: datetime | None = None
    status: QuestionStatus = QuestionStatus.NEW
    assignee: str = ""
    suggested_answer: str = ""
    duplicate_of: int | None = None
    confidential: bool = False

    def problems(self) -> list[v.Problem]:
        found = v.require_text("text", self.text, "Question text", v.MAX_TEXT)
        found += v.check_choice("asker_type", self.asker_type, AskerType, "Asker type")
        found += v.check_choice("channel", self.channel, Channel, "Channel")
        found += v.check_choice("status", self.status, QuestionStatus, "Question status")
        for name, what in (("asker_name", "Asker name"), ("organization", "Organization"), ("assignee", "Assignee"),
                           ("asker_email", "E-mail")):
            found += v.check_length(name, getattr(self, name), what, v.MAX_TITLE)
        found += v.check_length("suggested_answer", self.suggested_answer, "Suggested answer")
        if self.duplicate_of is not None and self.duplicate_of == self.id:
            found.append(v.Problem("duplicate_of", "A question cannot be a duplicate of itself"))
        if self.status is QuestionStatus.ASSIGNED and not self.assignee.strip():
            found.append(v.Problem("assignee", "An assigned question needs an assignee"))
        return found

    def late(self, deadline: datetime | None) -> bool:
        """Whether the question came in after `deadline` (a late question is kept and flagged).

        A time without a zone counts as UTC, as the store's query for late questions counts it.
        """
        return self.received_at is not None and received_late(self.received_at, deadline)


def received_late(received_at: datetime, deadline: datetime | None) -> bool:
    """The one rule for lateness: received strictly after the deadline, both read in UTC."""
    return deadline is not None and as_utc(received_at) > as_utc(deadline)


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC; a time without a zone is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.utcoffset() is None else moment.astimezone(UTC)
