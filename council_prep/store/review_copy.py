"""A review copy: a store holding one meeting only, for a delegate's laptop.

The copy keeps every record's uid, so a delegate's private notes (matched by uid) follow the records
from one copy to the next, and it remembers the store it was made from: all copies of one store
share one notebook. In the public edition, fields whose sensitivity is internal are left at their
blank defaults and confidential askers' identity fields are emptied, as in the public book.
"""

import contextlib
import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from council_prep.domain import Question, Record
from council_prep.domain.fields import IDENTITY, INTERNAL, names_with
from council_prep.store import errors
from council_prep.store.connection import translated
from council_prep.store.review_brief import copy_brief, copy_people, item_references
from council_prep.store.store import Store

R = TypeVar("R", bound=Record)
_SOURCE_KEY = "review_of"
WITHHELD = "(withheld)"


def review_source_id(store: Store) -> str | None:
    """The identity of the store a review copy was made from; None for a store that is no review copy."""
    with store.reading():
        row = store.conn.execute("SELECT value FROM store_meta WHERE key = ?", [_SOURCE_KEY]).fetchone()
    return row[0] if row else None


def _blank(record: R, names: tuple[str, ...]) -> R:
    """`record` with the fields `names` back at their defaults (empty text, empty list, first status)."""
    defaults: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.name in names:
            if f.default is not dataclasses.MISSING:
                defaults[f.name] = f.default
            elif f.default_factory is not dataclasses.MISSING:
                defaults[f.name] = f.default_factory()
    blanked = dataclasses.replace(record, **defaults)
    # A blank a record may not have (an assigned question's assignee) says it was withheld instead.
    needed = {p.field for p in blanked.problems()} & set(defaults)
    return dataclasses.replace(blanked, **{n: WITHHELD for n in needed if isinstance(defaults[n], str)})


def _fresh(record: R, kind: str, public: bool, **changes: Any) -> R:
    """A copy to insert: no id, the same uid, the public edition's blanks applied."""
    copy = dataclasses.replace(record, id=None, **changes)
    return _blank(copy, names_with(kind, INTERNAL)) if public else copy


def write_review_copy(source: Store, meeting_id: int, output: Path, *, public: bool = False) -> Path:
    """Write the store of meeting `meeting_id` alone to `output`, whole or not at all."""
    output = Path(output).expanduser()
    source.meetings.get(meeting_id)  # an unknown meeting is refused before any file is made
    if not output.parent.is_dir():
        raise errors.StoreNotFoundError(f"{output}: the folder {output.parent} does not exist")
    if output.resolve() == source.path.resolve():
        raise errors.StoreError(f"{output}: is the store itself; choose another file for the review copy")
    fd, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    os.close(fd)
    os.unlink(temp_name)  # Store.open creates the file itself
    temp = Path(temp_name)
    try:
        with Store.open(temp) as copy:
            _fill(copy, source, meeting_id, public)
            with copy.transaction():
                copy.conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)",
                                  [_SOURCE_KEY, review_source_id(source) or source.store_id])
            with translated(temp):
                copy.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                copy.conn.execute("PRAGMA journal_mode = DELETE")  # one file to hand over
        os.replace(temp, output)
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return output


def _fill(copy: Store, source: Store, meeting_id: int, public: bool) -> None:
    meeting = source.meetings.get(meeting_id)
    items = source.agenda.for_meeting(meeting_id)
    partners = set(meeting.partner_codes)
    linked_changes = {i for item in items for i in item.law_change_ids}
    linked_submissions = {i for item in items for i in item.submission_ids}
    changes = [c for c in source.law_changes.find() if c.partner_code in partners or c.id in linked_changes]
    submissions = [s for s in source.submissions.find() if s.partner_code in partners or s.id in linked_submissions]
    questions = source.questions.find(meeting_id=meeting_id)
    with copy.transaction(f"Review copy of {meeting.title[:60]}"):
        for table, key in (("topics", "key"), ("agreements", "key"), ("partners", "code")):
            known = {getattr(r, key) for r in getattr(copy, table).find()}  # a new store has the bundled ones
            getattr(copy, table).add_many(dataclasses.replace(r, id=None) for r in getattr(source, table).find()
                                          if getattr(r, key) not in known)
        people = copy_people(copy, source, meeting, items, _fresh, public)
        new_meeting = copy.meetings.add(_fresh(meeting, "meeting", public))
        change_ids = {c.id: copy.law_changes.add(_fresh(c, "law_change", public)).id for c in changes}
        submission_ids = {s.id: copy.submissions.add(_fresh(s, "submission", public)).id for s in submissions}
        item_ids = {item.id: copy.agenda.add(_fresh(
            item, "agenda_item", public, meeting_id=new_meeting.id,
            law_change_ids=[change_ids[i] for i in item.law_change_ids],
            submission_ids=[submission_ids[i] for i in item.submission_ids], **item_references(item, people))).id
            for item in items}
        copy_brief(copy, source, meeting, new_meeting.id, item_ids, change_ids, people, _fresh, public)  # type: ignore[arg-type]
        question_ids: dict[int, int] = {}
        waiting = questions
        while waiting:  # an original before its duplicates, down a chain of any length
            ready = [q for q in waiting if q.duplicate_of is None or q.duplicate_of in question_ids
                     or q.duplicate_of not in {w.id for w in waiting}]
            ready = ready or waiting[:1]  # a cycle: its first question goes in as an original
            for question in ready:
                added = copy.questions.add(_question(question, new_meeting.id, question_ids, public))
                question_ids[question.id] = added.id  # type: ignore[index]
            waiting = [q for q in waiting if q.id not in question_ids]


def _question(question: Question, meeting_id: int, new_ids: dict[int, int], public: bool) -> Question:
    fresh = _fresh(question, "question", public, meeting_id=meeting_id,
                   duplicate_of=new_ids.get(question.duplicate_of) if question.duplicate_of else None)
    return _blank(fresh, names_with("question", IDENTITY)) if public and question.confidential else fresh

