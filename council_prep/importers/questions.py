"""Importing public-session questions for one meeting from .xlsx or .csv.

The Questions sheet of the exported workbook is the reference format; forms exported by
survey tools work too, thanks to the header aliases.
"""

from collections.abc import Hashable
from datetime import datetime
from functools import partial
from pathlib import Path

from council_prep.book import WITHHELD
from council_prep.domain import AskerType, Channel, Question, QuestionStatus
from council_prep.domain.text import folded
from council_prep.importers.dates import as_datetime
from council_prep.importers.plan import MISSING, ImportPlan, RowReader, plan_import
from council_prep.importers.reading import importable
from council_prep.importers.values import TopicMatcher, as_bool, as_choice
from council_prep.store import RecordNotFoundError, Store


class QuestionImporter:
    """Questions of `meeting_id`; the same question from the same asker is added only once."""

    what = "questions"
    table = "questions"
    sheet_name = "Questions"
    fields = importable("question")
    required = ("text",)
    text_fields = ("text", "suggested_answer")

    def __init__(self, store: Store, meeting_id: int):
        try:
            store.meetings.get(meeting_id)
        except RecordNotFoundError:
            raise RecordNotFoundError(f"No meeting with id {meeting_id} in {store.path}") from None
        self.store = store
        self.meeting_id = meeting_id
        self.topics = TopicMatcher(store.topics.find())
        self._stored = store.questions.find(meeting_id=meeting_id)
        self._ids_by_uid = {q.uid: q.id for q in self._stored}

    def existing(self) -> list[Question]:
        return self._stored

    def find_elsewhere(self, uid: str) -> Question | None:
        return self.store.questions.find_uid(uid)

    def new_record(self) -> Question:
        return Question(meeting_id=self.meeting_id, text="", channel=Channel.SPREADSHEET)

    def duplicate_key(self, record: Question) -> Hashable:
        return folded(record.text), folded(record.asker_name), folded(record.organization)

    def fill(self, record: Question, reader: RowReader, existing: Question | None) -> None:
        """Set the fields the file has columns for; an empty choice cell keeps what the record had."""
        for name in ("text", "asker_name", "organization", "asker_email", "assignee", "suggested_answer"):
            value = reader.get(name)
            if value is not MISSING:
                setattr(record, name, value)
        for name, choices in (("asker_type", AskerType), ("channel", Channel), ("status", QuestionStatus)):
            value = reader.get(name, partial(as_choice, choices=choices))
            if value not in (MISSING, None):
                setattr(record, name, value)
        topic = reader.get("topic_key", self.topics.one)
        if topic is not MISSING:
            record.topic_key = topic
        received = reader.get("received_at", as_datetime)
        if received is not MISSING:
            record.received_at = _same_moment(existing.received_at if existing else None, received)
        confidential = reader.get("confidential", as_bool)
        if confidential not in (MISSING, None):
            record.confidential = confidential
        duplicate_of = reader.get("duplicate_of")
        if duplicate_of is not MISSING:
            record.duplicate_of = self._resolve(reader, duplicate_of.strip())
        if existing is not None and existing.confidential and record.asker_name == WITHHELD:
            # A public workbook hides the asker; importing it back must not overwrite who asked.
            record.asker_name, record.organization = existing.asker_name, existing.organization
            record.asker_email = existing.asker_email

    def _resolve(self, reader: RowReader, uid: str) -> int | None:
        if not uid:
            return None
        found = self._ids_by_uid.get(uid)
        if found is None:
            reader.refuse("duplicate_of", f"no question of this meeting has the uid {uid}")
        return found


def _same_moment(stored: datetime | None, parsed: datetime | None) -> datetime | None:
    """Keep the stored time (with its zone) when the sheet shows the same wall-clock time."""
    if stored is not None and parsed is not None and stored.replace(tzinfo=None) == parsed:
        return stored
    return parsed


def plan_question_import(store: Store, meeting_id: int, path: Path) -> ImportPlan[Question]:
    """Read and check `path` against the store; nothing is written (see apply_import)."""
    return plan_import(store, path, QuestionImporter(store, meeting_id))
