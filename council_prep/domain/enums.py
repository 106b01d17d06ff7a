"""The closed vocabularies of the domain; values are what the store and exports hold."""

from enum import StrEnum


class AgreementKind(StrEnum):
    FTA = "fta"
    PREFERENCE_PROGRAM = "preference_program"


class MeetingStatus(StrEnum):
    PLANNING = "planning"
    BOOK_READY = "book_ready"
    HELD = "held"


class AgendaStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class InstrumentType(StrEnum):
    LAW = "law"
    REGULATION = "regulation"
    DECREE = "decree"
    POLICY = "policy"
    OTHER = "other"


class LawChangeStatus(StrEnum):
    PROPOSED = "proposed"
    ADOPTED = "adopted"
    IN_FORCE = "in_force"
    REVISED = "revised"
    REPEALED = "repealed"


class SubmissionStatus(StrEnum):
    UNDER_REVIEW = "under_review"
    REPORT_ISSUED = "report_issued"
    CLOSED = "closed"
    DISPUTE_SETTLEMENT = "dispute_settlement"
    NOT_ACCEPTED = "not_accepted"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        """Closed and refused submissions need no briefing; every other one is still a live matter."""
        return self not in (SubmissionStatus.CLOSED, SubmissionStatus.NOT_ACCEPTED)


class AskerType(StrEnum):
    WORKER_ORG = "worker_org"
    NGO = "ngo"
    EMPLOYER = "employer"
    ACADEMIC = "academic"
    GOVERNMENT = "government"
    PUBLIC = "public"


class Channel(StrEnum):
    EMAIL = "email"
    WEB_FORM = "web_form"
    IN_PERSON = "in_person"
    SPREADSHEET = "spreadsheet"


class QuestionStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


class Side(StrEnum):
    """Whose a person or a commitment is: ours, the partner's, or another party's (ILO, a union)."""

    US = "us"
    PARTNER = "partner"
    OTHER = "other"


class PressStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"


class BriefDepth(StrEnum):
    """How far a brief goes: the point is certain (full), might be (short) or is unlikely (defensive)."""

    FULL = "full"
    SHORT = "short"
    DEFENSIVE = "defensive"


class ParticipantRole(StrEnum):
    HEAD = "head_of_delegation"
    MEMBER = "member"
    INTERPRETER = "interpreter"
    ADVISER = "adviser"


class CommitmentStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    OVERDUE = "overdue"
    DROPPED = "dropped"

    @property
    def is_pending(self) -> bool:
        """Still owed: open, or already marked overdue."""
        return self in (CommitmentStatus.OPEN, CommitmentStatus.OVERDUE)


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    CLOSED = "closed"


class FigureStatus(StrEnum):
    REPORTED = "reported"
    UNAVAILABLE = "unavailable"


def label(value: StrEnum) -> str:
    """Human wording of an enum value: 'in_force' -> 'In force', 'ngo' -> 'NGO'."""
    special = {"ngo": "NGO", "worker_org": "Workers' organization", "fta": "Free trade agreement",
               "us": "United States"}
    text = str(value)
    return special.get(text, text.replace("_", " ").capitalize())
