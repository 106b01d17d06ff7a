"""Near-duplicate questions of a meeting: the same mail sent to two mailboxes, a question asked
again in other words.

Never all pairs: a typed question's candidates come from the store's full-text index (its rarest
words), and a meeting's scan reads the meeting's texts once and draws each question's candidates
from a word index of the meeting (one full-text query per question took four times the scan's
budget). Each candidate is scored by rapidfuzz's token-set similarity of the normalised texts
(words.normalised, stop words left out), 0 to 100.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from council_prep.desk.words import STOPWORDS, content_words, normalised, shared_words

if TYPE_CHECKING:
    from council_prep.store import Store

SIMILAR = 70  # the least score shown as a possible duplicate while a question is typed
GROUPED = 85  # the least score that puts two questions in one group of a meeting's scan
_CANDIDATES = 50  # read from the index for one typed question
_SCAN_CANDIDATES = 20  # scored for each question of a meeting's scan
_SCAN_WORDS = 4  # a question's rarest words whose questions are its candidates in a scan
_SCAN_POSTINGS = 1_000  # at most this many questions looked at through them (the rarest word's always)


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
    """How alike two question texts are, 0-100, on their normalised words without stop words."""
    found = _scored(_meaningful(text), {0: _meaningful(other)}, 0)
    return found[0][1] if found else 0


def _scored(text: str, others: dict[int, str], cutoff: int) -> list[tuple[int, int]]:
    """(key, score) of the meaningful texts `others` that score at least `cutoff` against `text`.

    Token-set similarity, except where one text has fewer than half the words of the other: a short
    question whose words all appear in a long one is not the same question, so there the whole word
    sequences are compared (token-sort similarity). rapidfuzz prepares `text` once for all `others`.
    """
    words = _words(text)
    if not words:
        return []
    from rapidfuzz import fuzz, process  # when a question is first compared: not on showing the Questions tab

    by_set: dict[int, str] = {}
    by_sort: dict[int, str] = {}
    for key, other in others.items():
        if other:
            (by_set if min(words, _words(other)) * 2 >= max(words, _words(other)) else by_sort)[key] = other
    found = []
    for scorer, choices in ((fuzz.token_set_ratio, by_set), (fuzz.token_sort_ratio, by_sort)):
        if choices:
            found += [(key, round(likeness)) for _, likeness, key in process.extract(
                text, choices, scorer=scorer, processor=None, limit=None, score_cutoff=max(cutoff - 0.5, 0))]
    return found


def _words(meaningful: str) -> int:
    return meaningful.count(" ") + 1 if meaningful else 0


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
        found = dict(self._store.questions.candidates(self.meeting_id, words, exclude_id=exclude_id,
                                                      limit=_CANDIDATES))
        scored = _scored(_meaningful(text), {key: _meaningful(other) for key, other in found.items()}, min_score)
        matches = [Match(question_id, likeness, shared_words(words, found[question_id]))
                   for question_id, likeness in scored]
        matches.sort(key=lambda m: (-m.score, m.question_id))
        return matches[:limit]

    def groups(self, threshold: int = GROUPED) -> list[Group]:
        """Every group of two or more questions of the meeting that are folded together or score at
        least `threshold`, largest first. Each question is scored only against the questions that
        share the most of its rarest words, and alike pairs are joined (union-find)."""
        questions = self._store.questions
        links = dict(questions.duplicate_links(self.meeting_id))
        joined = _Joined()
        for duplicate, original in links.items():
            joined.join(duplicate, original, 100)
        meaningful = {question_id: _meaningful(text) for question_id, text in questions.texts(self.meeting_id)}
        holding: dict[str, list[int]] = defaultdict(list)  # word -> the questions holding it
        for question_id, text in meaningful.items():
            for word in set(text.split()):
                holding[word].append(question_id)
        for question_id, text in meaningful.items():
            others = {other: meaningful[other] for other in _scan_candidates(question_id, text, holding)
                      if joined.root(other) != joined.root(question_id)}
            for other_id, likeness in _scored(text, others, threshold):
                joined.join(question_id, other_id, likeness)
        groups, originals = [], set(links.values())
        for top, ids in joined.members().items():
            ordered = sorted(ids)
            # The original: a member others are folded under and which is folded under none, else the first stored.
            first = next((i for i in ordered if i not in links and i in originals), ordered[0])
            groups.append(Group((first, *(i for i in ordered if i != first)), joined.lowest[top]))
        groups.sort(key=lambda g: (-len(g.question_ids), g.original_id))
        return groups


def _scan_candidates(question_id: int, text: str, holding: dict[str, list[int]]) -> list[int]:
    """The questions sharing the most of the question's rarest words in the meeting (at least two of
    them, where two were looked at: a question alike enough to group shares nearly all its words), at
    most _SCAN_CANDIDATES, looking through at most _SCAN_POSTINGS questions beyond the rarest word's."""
    rarest = sorted(set(text.split()), key=lambda word: (len(holding[word]), word))[:_SCAN_WORDS]
    sharing: Counter[int] = Counter()
    seen = looked = 0
    for word in rarest:
        if looked and seen + len(holding[word]) > _SCAN_POSTINGS:
            break
        sharing.update(holding[word])
        seen += len(holding[word])
        looked += 1
    sharing.pop(question_id, None)
    needed = min(2, looked)
    found = [(shared, other) for other, shared in sharing.items() if shared >= needed]
    if len(found) > _SCAN_CANDIDATES:
        found = sorted(found, key=lambda pair: (-pair[0], pair[1]))[:_SCAN_CANDIDATES]
    return [other for _, other in found]


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


