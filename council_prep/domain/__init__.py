"""Plain-Python domain of council-prep: records, vocabularies and validation (no I/O, no Qt)."""

from council_prep.domain.enums import (
    AgendaStatus,
    AgreementKind,
    AskerType,
    Channel,
    InstrumentType,
    LawChangeStatus,
    MeetingStatus,
    QuestionStatus,
    SubmissionStatus,
    label,
)
from council_prep.domain.records import (
    AgendaItem,
    Agreement,
    LawChange,
    Meeting,
    Partner,
    Question,
    Record,
    Submission,
    Topic,
    new_uid,
)
from council_prep.domain.validation import Problem, ValidationError

__all__ = [
    "AgendaItem", "AgendaStatus", "Agreement", "AgreementKind", "AskerType", "Channel",
    "InstrumentType", "LawChange", "LawChangeStatus", "Meeting", "MeetingStatus", "Partner",
    "Problem", "Question", "QuestionStatus", "Record", "Submission", "SubmissionStatus", "Topic",
    "ValidationError", "label", "new_uid",
]
