"""Questions: duplicates folded under their original, late questions, and the full-text candidates
the question desk scores for near-duplicates."""

from collections.abc import Iterable, Sequence
from datetime import datetime

from council_prep.domain import Problem, Question, ValidationError
from council_prep.domain.duplicates import follow
from council_prep.domain.records import received_late
from council_prep.store.search import SEARCH_KINDS, WIDTH
from council_prep.store.tables import RecordTable

# The vocabulary of the search index (how many records hold each word), made once per connection.
_TERMS = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'search_index', 'row')"
_QUESTION = SEARCH_KINDS["question"]
# Questions of a meeting whose text holds any of the words, best match first (the text is the index's title).
_CANDIDATES_SQL = f"""
    SELECT q.id, q.text FROM (
        SELECT rowid / {WIDTH} AS id, rank FROM search_index
        WHERE search_index MATCH ?1 AND rowid % {WIDTH} = {_QUESTION} AND rowid / {WIDTH} IS NOT ?3
          AND (SELECT meeting_id FROM questions WHERE id = search_index.rowid / {WIDTH}) = ?2
        ORDER BY rank LIMIT ?4) AS hit
    JOIN questions AS q ON q.id = hit.id ORDER BY hit.rank
"""


class QuestionTable(RecordTable[Question]):
    """The questions of every meeting."""

    # Duplicates
    def mark_duplicate(self, question_id: int, of_id: int) -> Question:
        """Fold a question under another as its duplicate, in one step of the change log.

        Folding onto a question that is itself a duplicate folds onto that one's original, and the
        question's own duplicates follow it, so a group is always one original and its duplicates.
        A question is never folded under itself or under one of its own duplicates (a loop).
        Each asker keeps their own text and confidentiality: only the link changes.
        """
        with self._store.transaction():  # read and written in one transaction, named by the first update
            question, target = self.get(question_id), self.get(of_id)
            if question.meeting_id != target.meeting_id:
                raise _refused(f"{self._named(question)} cannot be a duplicate of {self._named(target)}: "
                               "that question belongs to another meeting")
            chain = follow(of_id, self._duplicate_links(question.meeting_id).get)  # type: ignore[arg-type]
            if question_id == of_id:
                raise _refused("A question cannot be a duplicate of itself")
            if question_id in chain.path:
                raise _refused(f"{self._named(question)} cannot be a duplicate of {self._named(target)}: that "
                               "question is already one of its duplicates, and the two would fold under each other "
                               "in a loop; unfold it first")
            if chain.original is None:
                raise _refused(f"{self._named(target)} is in a loop of duplicates; unfold one of them first")
            original = target if chain.original == of_id else self.get(chain.original)
            label = f"Mark {self._named(question)} as a duplicate of {self._named(original)}"
            for folded in [question, *self.find(duplicate_of=question_id)]:
                folded.duplicate_of = original.id
                self.update(folded, label)
        return question

    def unfold(self, question_id: int) -> Question:
        """Make a duplicate a question of its own again (one step; nothing happens if it is one)."""
        question = self.get(question_id)
        question.duplicate_of = None
        self.update(question, f"Unfold {self._named(question)}")
        return question

    def duplicates_of(self, question_id: int) -> list[Question]:
        """The questions folded directly under a question, in the order they were stored."""
        return self.find(duplicate_of=question_id)

    def _duplicate_links(self, meeting_id: int) -> dict[int, int]:
        """question id -> the id of its original, for the meeting's duplicates."""
        with self._store.reading():
            return dict(self._store.conn.execute(
                # The few duplicates through their own index, not the meeting's every question.
                "SELECT id, duplicate_of FROM questions WHERE +meeting_id = ? AND duplicate_of > 0",
                [meeting_id]).fetchall())

    def duplicate_links(self, meeting_id: int) -> list[tuple[int, int]]:
        """(question id, original id) of every duplicate of the meeting."""
        return sorted(self._duplicate_links(meeting_id).items())

    def _named(self, question: Question) -> str:
        return f"question {question.id} {self.kind.describe(question)}".strip()

    # Late questions
    def late_ids(self, meeting_id: int, deadline: datetime | None = None) -> list[int]:
        """Ids of the meeting's questions received after its question deadline (or `deadline`).

        The comparison is the domain's (`Question.late`), so the table and a record agree.
        """
        if deadline is None:
            deadline = self._store.meetings.get(meeting_id).question_deadline
            if deadline is None:
                return []
        with self._store.reading():
            rows = self._store.conn.execute(
                "SELECT id, received_at FROM questions WHERE meeting_id = ? AND received_at IS NOT NULL ORDER BY id",
                [meeting_id]).fetchall()
        return [question_id for question_id, received in rows
                if received_late(datetime.fromisoformat(received), deadline)]

    # Candidates for near-duplicates
    def texts(self, meeting_id: int) -> list[tuple[int, str]]:
        """(id, text) of every question of the meeting, in id order."""
        with self._store.reading():
            return self._store.conn.execute("SELECT id, text FROM questions WHERE meeting_id = ? ORDER BY id",
                                            [meeting_id]).fetchall()

    def word_counts(self, words: Iterable[str]) -> dict[str, int]:
        """How many indexed records hold each word (as the index spells words: lower case, no
        accents); words the index does not hold are left out."""
        wanted = sorted(set(words))
        if not wanted:
            return {}
        with self._store.reading():
            self._store.conn.execute(_TERMS)
            marks = ", ".join("?" for _ in wanted)
            return dict(self._store.conn.execute(
                f"SELECT term, doc FROM temp.search_terms WHERE term IN ({marks})", wanted).fetchall())

    def candidates(self, meeting_id: int, words: Sequence[str], *, exclude_id: int | None = None,
                   rarest: int = 5, limit: int = 50) -> list[tuple[int, str]]:
        """(id, text) of at most `limit` questions of the meeting whose text holds one of the
        `rarest` of `words` that the index knows, those holding more of them (and rarer) first.

        The rarest words say most about a text and keep the index's reading short, however many
        questions hold the common ones.
        """
        counts = self.word_counts(words)
        chosen = sorted(counts, key=lambda word: (counts[word], word))[:rarest]
        if not chosen:
            return []
        expression = "title : (" + " OR ".join(f'"{word}"' for word in chosen) + ")"
        with self._store.reading():
            return self._store.conn.execute(_CANDIDATES_SQL, [expression, meeting_id, exclude_id, limit]).fetchall()


def _refused(message: str) -> ValidationError:
    return ValidationError([Problem("duplicate_of", message)])
