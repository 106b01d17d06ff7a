"""Near-duplicate questions of a meeting: the same mail sent to two mailboxes, a question asked
again in other words.

Candidates come from the store's full-text index (the rarest words of the text), never from
comparing all pairs; each candidate is scored by rapidfuzz's token-set similarity of the
normalised texts (words.normalised), 0 to 100.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from council_prep.desk.words import STOPWORDS, content_words, normalised

if TYPE_CHECKING:
    from council_prep.store import Store

SIMILAR = 70  # the least score shown as a possible duplicate while a question is typed
GROUPED = 85  # the least score that puts two questions in one group of a meeting's scan
_CANDIDATES = 50  # read from the index for one typed question
_SCAN_CANDIDATES = 20  # read for each question of a meeting's scan


@dataclass(frozen=True)
class Match:
    """A stored question like the text looked for."""

    question_id: int
    score: int  # 0-100; 100: the same words
    shared: tuple[str, ...]  # the words both hold (normalised, stop words left out), in the text's order


@dataclass(frozen=True)
class Group:
    """Questions of a meeting that ask the same thing: already folded together, or alike enough."""

    question_ids: tuple[int, ...]  # the original first (the folded one, or else the first stored), then by id
    score: int  # the lowest score of the likenesses that joined the group (100 for folds alone)

    @property
    def original_id(self) -> int:
        return self.question_ids[0]


def score(text: str, other: str) -> int:
    """How alike two question texts are, 0-100, on their normalised words.

    Token-set similarity, except when one text has fewer than half the words of the other: a short
    question whose words all appear in a long one is not the same question, so the whole word
    sequences are compared (token-sort similarity) instead.
    """
    from rapidfuzz import fuzz

    first, second = _meaningful(text), _meaningful(other)
    if not first or not second:
        return 0
    shorter, longer = sorted((len(first.split()), len(second.split())))
    scorer = fuzz.token_set_ratio if shorter * 2 >= longer else fuzz.token_sort_ratio
    return round(scorer(first, second))


def _meaningful(text: str) -> str:
    return " ".join(word for word in normalised(text).split() if word not in STOPWORDS)


class DuplicateFinder:
    """Finds near-duplicates among the questions of one meeting, as they are in the store now."""

    def __init__(self, store: "Store", meeting_id: int):
        self._store = store
        self.meeting_id = meeting_id

    def similar_to(self, text: str, exclude_id: int | None = None, limit: int = 5,
                   min_score: int = SIMILAR) -> list[Match]:
        """The stored questions most like `text` (best first), at most `limit`, none below `min_score`;
        `exclude_id` leaves out the question being edited."""
        words = content_words(text)
        found = self._store.questions.candidates(self.meeting_id, words, exclude_id=exclude_id, limit=_CANDIDATES)
        matches = [Match(question_id, s, _shared(words, other))
                   for question_id, other in found if (s := score(text, other)) >= min_score]
        matches.sort(key=lambda m: (-m.score, m.question_id))
        return matches[:limit]

    def groups(self, threshold: int = GROUPED) -> list[Group]:
        """Every group of two or more questions of the meeting that are folded together or score at
        least `threshold`, largest first. Each question is compared only with the few candidates the
        index gives for it, and alike pairs are joined (union-find)."""
        questions = self._store.questions
        links = dict(questions.duplicate_links(self.meeting_id))
        joined = _Joined()
        for duplicate, original in links.items():
            joined.join(duplicate, original, 100)
        for question_id, text in questions.texts(self.meeting_id):
            words = content_words(text)
            for other_id, other in questions.candidates(self.meeting_id, words, exclude_id=question_id,
                                                        limit=_SCAN_CANDIDATES):
                if joined.root(other_id) != joined.root(question_id) and (likeness := score(text, other)) >= threshold:
                    joined.join(question_id, other_id, likeness)
        groups = []
        for top, ids in joined.members().items():
            ordered = sorted(ids)
            # The original: a member others are folded under and which is folded under none, else the first stored.
            first = next((i for i in ordered if i not in links and i in links.values()), ordered[0])
            groups.append(Group((first, *(i for i in ordered if i != first)), joined.lowest[top]))
        groups.sort(key=lambda g: (-len(g.question_ids), g.original_id))
        return groups


class _Joined:
    """Disjoint sets of question ids (union-find), with the lowest score that joined each set."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.lowest: dict[int, int] = {}

    def root(self, node: int) -> int:
        parent = self.parent
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])  # path halving
            node = parent[node]
        return node

    def join(self, a: int, b: int, likeness: int) -> None:
        first, second = sorted((self.root(a), self.root(b)))
        low = min(likeness, self.lowest.get(first, 100), self.lowest.get(second, 100))
        if first != second:
            self.parent[second] = first
            self.parent.setdefault(first, first)
        self.lowest[first] = low

    def members(self) -> dict[int, set[int]]:
        """root -> every id of its set, for sets of two or more."""
        found: dict[int, set[int]] = {}
        for node in self.parent:
            found.setdefault(self.root(node), set()).add(node)
        return {top: ids for top, ids in found.items() if len(ids) > 1}


def _shared(words: Iterable[str], other: str) -> tuple[str, ...]:
    theirs = set(normalised(other).split())
    return tuple(word for word in words if word in theirs)
