"""A meeting's book for a writer that streams: the short lists in memory, the questions read from
the store in batches as they are written, with the profile's redactions made batch by batch.

A meeting may hold hundreds of thousands of questions; its agenda, partners' law changes and
submissions are short. So only the questions are streamed, and memory stays flat however many
there are. Redaction uses the book's own rules (assemble.py), so both editions of the workbook
and of the Word book leave out the same things.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from council_prep.book.assemble import _linked, _redact_change, _redact_item, _redact_question
from council_prep.book.model import Book, Profile, ScheduledItem, Section
from council_prep.domain import Question
from council_prep.domain.fields import Sensitivity, names_with
from council_prep.domain.schedule import running_clock
from council_prep.store import RecordNotFoundError, Store

BATCH = 2_000  # questions per read: big enough to amortise a query, small enough to stay flat


@dataclass(frozen=True)
class BookStream:
    """The book without its questions in memory, and how to read them a batch at a time."""

    book: Book  # `book.questions` is empty when the questions are streamed from the store
    question_count: int
    _batches: Callable[[], Iterable[list[Question]]]
    _uids: Callable[[list[int]], dict[int, str]]

    def question_batches(self) -> Iterator[list[Question]]:
        """The meeting's questions, redacted for the book's profile, in batches, in the order they were
        entered (a sheet's filter sorts them by date received)."""
        yield from self._batches()

    def uids_of(self, ids: list[int]) -> dict[int, str]:
        """uid of each of the meeting's questions among `ids` (a duplicate's original); others are left out."""
        return self._uids(ids) if ids else {}

    @classmethod
    def of(cls, book: Book) -> "BookStream":
        """A book already assembled in memory, read the same way."""
        uids = {q.id: q.uid for q in book.questions}
        questions = book.questions
        return cls(replace(book, questions=[]), len(questions),
                   lambda: (questions[n:n + BATCH] for n in range(0, len(questions), BATCH)),
                   lambda ids: {i: uids[i] for i in ids if i in uids})


def stream_book(store: Store, meeting_id: int, *, profile: Profile = Profile.INTERNAL,
                sections: Iterable[Section] | None = None, prepared_on: date | None = None) -> BookStream:
    """The book of `meeting_id` with its questions left in `store`, which must stay open while they are read."""
    try:
        meeting = store.meetings.get(meeting_id)
    except RecordNotFoundError:
        raise RecordNotFoundError(f"No meeting with id {meeting_id} in {store.path}") from None
    agreement = store.agreements.one(key=meeting.agreement_key)
    if agreement is None:
        raise RecordNotFoundError(f"Meeting {meeting_id} refers to an unknown agreement '{meeting.agreement_key}'")
    public = profile is Profile.PUBLIC
    topics = {t.key: t for t in store.topics.find()}
    law_changes = [c for code in meeting.partner_codes for c in store.law_changes.find(partner_code=code)]
    order = {code: n for n, code in enumerate(meeting.partner_codes)}
    law_changes.sort(key=lambda c: (order[c.partner_code], _topic_label(topics, c.topic_keys).casefold(),
                                    c.title.casefold()))
    submissions = sorted((s for code in meeting.partner_codes for s in store.submissions.find(partner_code=code)),
                         key=lambda s: (s.date_filed or "", s.identifier))
    by_id_law = {c.id: c for c in law_changes}
    by_id_submission = {s.id: s for s in submissions}
    items = store.agenda.for_meeting(meeting_id)
    slots = running_clock(meeting.start_time, [i.minutes for i in items])
    schedule = [
        ScheduledItem(item=_redact_item(item) if public else item, slot=slot,
                      law_changes=[_redact_change(c) if public else c
                                   for c in _linked(item.law_change_ids, by_id_law, store.law_changes.get_many)],
                      submissions=_linked(item.submission_ids, by_id_submission, store.submissions.get_many))
        for item, slot in zip(items, slots, strict=True)
    ]
    book = Book(
        profile=profile, prepared_on=prepared_on or date.today(), meeting=meeting, agreement=agreement,
        partners=[p for p in (store.partners.one(code=c) for c in meeting.partner_codes) if p], topics=topics,
        schedule=schedule, law_changes=[_redact_change(c) for c in law_changes] if public else law_changes,
        submissions=submissions, questions=[],
        sections=frozenset(Section) if sections is None else frozenset(sections),
    )

    def batches() -> Iterator[list[Question]]:
        for batch in store.questions.iterate(meeting_id=meeting_id, batch_size=BATCH):
            yield [public_question(q) for q in batch] if public else batch

    def uids(ids: list[int]) -> dict[int, str]:
        return {q.id: q.uid for q in store.questions.get_many(ids) if q.meeting_id == meeting_id}

    count = len(store.questions.select_ids(meeting_id=meeting_id))
    return BookStream(book, count, batches, uids)


def public_question(question: Question) -> Question:
    """A question as the public edition shows it: the book's rule for a confidential asker, and every
    other identity field of the registry that rule left in place emptied too."""
    redacted = _redact_question(question)
    if not question.confidential:
        return redacted
    left = {name: "" for name in names_with("question", Sensitivity.IDENTITY)
            if getattr(question, name) and getattr(redacted, name) == getattr(question, name)}
    return replace(redacted, **left) if left else redacted


def _topic_label(topics: dict, keys: list[str]) -> str:
    """The label a change is grouped under: its first topic's, as the book prints them."""
    key = keys[0] if keys else None
    return topics[key].label if key in topics else "Other"

