"""Importing public-session questions for one meeting from .xlsx or .csv.

The Questions sheet of the exported workbook is the reference format; the files staff receive
(form responses, attendee lists, a mailbox's export, a webinar's Q&A report) are read by their
headers' meaning or as a ColumnMapping says. A row without a question (an attendee who asked
nothing) and a mail about something else are skipped and counted; a question received after the
meeting's question deadline is kept and counted as late.
"""

from collections.abc import Hashable
from datetime import datetime
from functools import partial
from pathlib import Path

from council_prep.book import WITHHELD
from council_prep.domain import AskerType, Channel, Question, QuestionStatus, new_uid
from council_prep.domain.text import folded
from council_prep.importers import mail
from council_prep.importers.dates import as_datetime
from council_prep.importers.duplicates import DuplicateLinks
from council_prep.importers.header_meaning import ColumnMapping
from council_prep.importers.plan import MISSING, ImportPlan, RowReader, normalise_uid_cell, plan_import
from council_prep.importers.reading import Sheet, importable
from council_prep.importers.values import TopicMatcher, as_bool, as_choice, as_text, text_cell
from council_prep.store import RecordNotFoundError, Store

# What a form writes for the name and address of someone who answered without signing in.
NOBODY = {"anonymous", "anónimo", "anonimo", "anonyme"}
_IDENTITY = ("asker_name", "asker_email")


class QuestionImporter:
    """Questions of `meeting_id`; the same question from the same asker is added only once."""

    what = "questions"
    table = "questions"
    sheet_name = "Questions"
    fields = importable("question")
    required = ("text",)
    text_fields = ("text", "suggested_answer")

    def __init__(self, store: Store, meeting_id: int, subject: str | None = None):
        try:
            meeting = store.meetings.get(meeting_id)
        except RecordNotFoundError:
            raise RecordNotFoundError(f"No meeting with id {meeting_id} in {store.path}") from None
        self.subject = subject if subject is not None else meeting.subject_line
        self.deadline = meeting.question_deadline
        self.store = store
        self.meeting_id = meeting_id
        self.topics = TopicMatcher(store.topics.find())
        self._stored = store.questions.find(meeting_id=meeting_id)
        self._ids_by_uid = {q.uid: q.id for q in self._stored}
        self.links = DuplicateLinks(self._stored)
        self._blank = Question(meeting_id=meeting_id, text="", channel=Channel.SPREADSHEET)

    def existing(self) -> list[Question]:
        return self._stored

    def new_record(self) -> Question:
        """A blank question of the meeting with a uid of its own: a copy of one blank made once, since making
        each anew checks every field again (an import makes one per row)."""
        record = Question.__new__(Question)  # copy.copy does the same through copyreg, three times slower
        record.__dict__.update(vars(self._blank), uid=new_uid())
        return record

    def skip(self, reader: RowReader) -> str | None:
        """A mail about another subject, or a row without a question (and no uid to update one)."""
        in_mail = reader.sheet.mapping.layout == mail.LAYOUT
        if in_mail and self.subject and not mail.about(as_text(reader.row.values.get(mail.SUBJECT)), self.subject):
            return "another subject"
        if not reader.filled("text") and not reader.filled("uid"):
            return "no question"
        return None

    def duplicate_keys(self, record: Question) -> tuple[Hashable, ...]:
        """The same question from the same asker: the same name and organization, or the same e-mail address
        (the same mail in two mailboxes, its sender named differently in each)."""
        text = folded(record.text)
        by_name = (text, folded(record.asker_name), folded(record.organization))
        return (by_name, ("e-mail", text, folded(record.asker_email))) if record.asker_email.strip() else (by_name,)

    def fill(self, record: Question, reader: RowReader, existing: Question | None) -> None:
        """Set the fields the file has columns for; an empty choice cell keeps what the record had."""
        for name in ("text", "asker_name", "organization", "asker_email", "assignee", "suggested_answer"):
            value = reader.get(name)
            if value is not MISSING:
                setattr(record, name, "" if name in _IDENTITY and value.strip().casefold() in NOBODY else value)
        for name, parse in _CHOICES:
            value = reader.get(name, parse)
            if value not in (MISSING, None):
                setattr(record, name, value)
        if existing is None and not reader.has("channel") and reader.sheet.mapping.layout == mail.LAYOUT:
            record.channel = Channel.EMAIL
        topic = reader.get("topic_key", self.topics.one)
        if topic is not MISSING:
            record.topic_key = topic
        received = reader.get("received_at", as_datetime)
        if received is not MISSING:
            record.received_at = _same_moment(existing.received_at if existing else None, received)
        confidential = reader.get("confidential", as_bool)
        if confidential is not MISSING and confidential is not None:
            if existing is not None and existing.confidential and not confidential:
                reader.note("confidential", "the asker stays confidential: an import never makes an asker "
                                            "public (change it in the app)")
            else:
                record.confidential = confidential
        duplicate_of = reader.get("duplicate_of", _uid_or_none)
        if duplicate_of is not MISSING:
            record.duplicate_of = self._ids_by_uid.get(duplicate_of) if duplicate_of else None
            self.links.want(record, duplicate_of)
        if existing is not None and existing.confidential and record.asker_name == WITHHELD:
            # A public workbook hides the asker; importing it back must not overwrite who asked.
            record.asker_name, record.organization = existing.asker_name, existing.organization
            record.asker_email = existing.asker_email

    def stricter(self, target: Question, repeat: Question) -> str | None:
        """A repeat that asks for confidentiality makes the question confidential: the stricter choice wins."""
        if repeat.confidential and not target.confidential:
            target.confidential = True
            return "asker{s} now kept confidential"
        return None

    def finish(self, plan: ImportPlan[Question], sheet: Sheet, accepted: list[tuple[int, Question]]) -> None:
        self.links.resolve(plan, sheet, accepted)
        plan.late = sum(1 for _, question in accepted if question.late(self.deadline))



_CHOICES = tuple((name, partial(as_choice, choices=choices))
                 for name, choices in (("asker_type", AskerType), ("channel", Channel), ("status", QuestionStatus)))


def _uid_or_none(value: object) -> str | None:
    return normalise_uid_cell(value) if text_cell(value).strip() else None


def _same_moment(stored: datetime | None, parsed: datetime | None) -> datetime | None:
    """Keep the stored time (with its zone) when the sheet shows the same wall-clock time."""
    if stored is not None and parsed is not None and stored.replace(tzinfo=None) == parsed:
        return stored
    return parsed


def plan_question_import(store: Store, meeting_id: int, path: Path, mapping: ColumnMapping | None = None,
                         subject: str | None = None) -> ImportPlan[Question]:
    """Read and check `path` against the store; nothing is written (see apply_import).

    `mapping` says which column holds which field (see importers.mapping.propose_mapping); without
    it a file whose columns are not certain is refused with MappingUncertain. `subject` keeps
    only the mails of a mail export whose subject carries it (default: the meeting's subject line).
    """
    return plan_import(store, path, partial(QuestionImporter, store, meeting_id, subject), mapping)
