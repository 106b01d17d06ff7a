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

from council_prep.book.assemble import assemble_book
from council_prep.book.edition import Redactor
from council_prep.book.model import Book, Profile, Section
from council_prep.domain import Question
from council_prep.store import Store

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
    """The book of `meeting_id` with its questions left in `store`, which must stay open while they are read.

    Everything but the questions is the assembled book itself (same gathering, same redactions,
    same marking); the questions go through the same redaction, batch by batch.
    """
    book = assemble_book(store, meeting_id, profile=profile, sections=sections, prepared_on=prepared_on,
                         with_questions=False)
    redactor = Redactor(book.date_style)

    def batches() -> Iterator[list[Question]]:
        for batch in store.questions.iterate(meeting_id=meeting_id, batch_size=BATCH):
            yield [redactor.question(q) for q in batch] if book.public else batch

    def uids(ids: list[int]) -> dict[int, str]:
        return {q.id: q.uid for q in store.questions.get_many(ids) if q.meeting_id == meeting_id}

    return BookStream(book, store.questions.count_of(meeting_id=meeting_id), batches, uids)
