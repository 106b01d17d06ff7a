"""The raw baseline of the duplicate check: sqlite3's FTS5 and rapidfuzz only, none of the app's code.

    python benchmarks/raw/dup_check.py STORE MEETING_ID TYPED.json [--groups]

For each typed question: the five rarest of its words in the search index (fts5vocab), the 50 best
matches of any of them among the meeting's questions (bm25), scored with rapidfuzz's token-set ratio
(its default processing: lower case, punctuation to spaces), the five best of at least 70 kept.
Prints the median time of one check; with --groups, also the time to group the whole meeting: its
texts read once, a word index of them in a dict, each question scored against the 20 sharing most (two
or more) of its four rarest words, pairs of 85 or more joined.
"""

import json
import re
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz, process, utils

WORD = re.compile(r"[^\W_]+")
CANDIDATES = """
    SELECT q.id, q.text FROM (
        SELECT rowid / 16 AS id, rank FROM search_index
        WHERE search_index MATCH ?1 AND rowid % 16 = 3 AND rowid / 16 IS NOT ?3
          AND (SELECT meeting_id FROM questions WHERE id = search_index.rowid / 16) = ?2
        ORDER BY rank LIMIT ?4) AS hit
    JOIN questions AS q ON q.id = hit.id ORDER BY hit.rank
"""

conn = sqlite3.connect(sys.argv[1])
conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'search_index', 'row')")
meeting = int(sys.argv[2])


def check(text: str, exclude: int | None, limit: int, cutoff: int) -> list[tuple[str, float, int]]:
    words = sorted(set(WORD.findall(text.lower())))
    counts = dict(conn.execute(f"SELECT term, doc FROM temp.terms WHERE term IN ({', '.join('?' * len(words))})",
                               words).fetchall())
    rarest = sorted(counts, key=lambda w: (counts[w], w))[:5]
    if not rarest:
        return []
    expression = "title : (" + " OR ".join(f'"{w}"' for w in rarest) + ")"
    found = dict(conn.execute(CANDIDATES, [expression, meeting, exclude, limit]).fetchall())
    return process.extract(text, found, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                           limit=5, score_cutoff=cutoff)


times = []
for text in json.loads(Path(sys.argv[3]).read_text()):
    began = time.perf_counter()
    check(text, None, 50, 70)
    times.append((time.perf_counter() - began) * 1000)
print(json.dumps({"event": "check", "ms": statistics.median(times)}))
if "--groups" in sys.argv:
    began = time.perf_counter()
    texts = {i: utils.default_process(t) for i, t in
             conn.execute("SELECT id, text FROM questions WHERE meeting_id = ?", [meeting]).fetchall()}
    holding: dict[str, list[int]] = {}
    for question_id, text in texts.items():
        for word in set(text.split()):
            holding.setdefault(word, []).append(question_id)
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for question_id, text in texts.items():
        rarest = sorted(set(text.split()), key=lambda w: len(holding[w]))[:4]
        sharing = Counter(other for word in rarest for other in holding[word] if other != question_id)
        for other, shared in sharing.most_common(20):
            if shared >= min(2, len(rarest)) and fuzz.token_set_ratio(text, texts[other]) >= 85:
                first, second = sorted((root(question_id), root(other)))
                if first != second:
                    parent[second] = first
    groups = len({root(node) for node in parent})
    print(json.dumps({"event": "groups", "s": time.perf_counter() - began, "groups": groups}))
