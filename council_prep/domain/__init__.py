"""Plain-Python domain of council-prep: records, vocabularies and validation (no I/O, no Qt)."""

from council_prep.domain.brief import Commitment, EnforcementFigure, Participant, Person, Project
from council_prep.domain.enums import (
    AgendaStatus,
    AgreementKind,
    AskerType,
    BriefDepth,
    Channel,
    CommitmentStatus,
    FigureStatus,
    InstrumentType,
    LawChangeStatus,
    MeetingStatus,
    ParticipantRole,
    PressStatus,
    ProjectStatus,
    QuestionStatus,
    Side,
    SubmissionStatus,
    label,
)
from council_prep.domain.records import (
    AgendaItem,
    Agreement,
    Ask,
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
    "AgendaItem", "AgendaStatus", "Agreement", "AgreementKind", "Ask", "AskerType", "BriefDepth", "Channel",
    "Commitment", "CommitmentStatus", "EnforcementFigure", "FigureStatus", "InstrumentType", "LawChange",
    "LawChangeStatus", "Meeting", "MeetingStatus", "Participant", "ParticipantRole", "Partner", "Person",
    "PressStatus", "Problem", "Project", "ProjectStatus", "Question", "QuestionStatus", "Record", "Side",
    "Submission", "SubmissionStatus", "Topic", "ValidationError", "label", "new_uid",
]
