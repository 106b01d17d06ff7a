"""Ranked full-text search with highlighted snippets over the FTS5 index the triggers keep."""

import re
from dataclasses import dataclass

from council_prep.domain.fields import searchable
from council_prep.domain.kinds import kind

# Kind codes of the search index; a record's index rowid is id * WIDTH + code, so a trigger can
# find its row without scanning. (Until m006 the width was 4, for the first four kinds.)
SEARCH_KINDS = {"agenda_item": 0, "law_change": 1, "submission": 2, "question": 3,
                "person": 4, "commitment": 5, "project": 6}
WIDTH = 16
SEARCH_TABLES = {
    key: (kind(key).table, kind(key).title_field,
          tuple(name for name in searchable(key) if name != kind(key).title_field))
    for key in SEARCH_KINDS
}  # kind -> (table, the title column, the body's columns in the order snippets read them)



# Columns holding a JSON list of strings (talking points, submitters): indexed as their items;
# and lists of [ask, response] pairs, indexed as every text in them.
_LIST_COLUMNS = frozenset({"talking_points", "submitters", "points_to_make", "points_to_avoid"})
_PAIR_COLUMNS = frozenset({"asks"})
SEPARATOR = " · "


def joined(columns: tuple[str, ...], prefix: str = "") -> str:
    """SQL for the columns' text as one readable string, the body a record is found by and its
    snippets are cut from: non-empty parts joined by SEPARATOR, list items as plain text."""
    parts = []
    for column in columns:
        value = f"{prefix}{column}"
        if column in _LIST_COLUMNS:
            value = f"(SELECT group_concat(value, '{SEPARATOR}') FROM json_each({value}))"
        elif column in _PAIR_COLUMNS:
            value = f"(SELECT group_concat(value, '{SEPARATOR}') FROM json_tree({value}) WHERE type = 'text')"
        parts.append(f"coalesce(nullif({value}, '') || '{SEPARATOR}', '')")
    return f"rtrim({' || '.join(parts)}, '{SEPARATOR}')"


def index_ids_sql(kind: str) -> str:
    """SQL that indexes the records of `kind` whose ids are in a JSON array parameter, in one statement.

    Bulk additions drop the per-row insert trigger for their transaction and use this instead:
    a trigger makes every row's INSERT open a statement savepoint, at which FTS5 flushes its
    pending terms, so indexing row by row is several times slower.
    """
    table, title, body = SEARCH_TABLES[kind]
    return (f"INSERT INTO search_index(rowid, kind, title, body) "
            f"SELECT id * {WIDTH} + {SEARCH_KINDS[kind]}, '{kind}', {title}, {joined(body)} FROM {table} "
            f"WHERE id IN (SELECT value FROM json_each(?))")


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_BY_CODE = {code: kind for kind, code in SEARCH_KINDS.items()}

# Ranking every match costs time in proportion to the matches: a word in most of 100,000 records
# took longer than a keystroke should. So a search first counts the matches up to CANDIDATES (FTS5
# stops there). When there are fewer, they are all the matches and are ranked by bm25 with title
# words weighing ten times body words (the newest first among equals). When there are more, the
# word says little about any one record, and the newest come first, read in one pass that stops at
# the hits shown (ranking them by bm25 would still read every match to count them). Titles and
# snippets are cut only for the `limit` hits shown: in the ranking query, they would be cut for
# every match.
CANDIDATES = 1_000
COUNT_SQL = f"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT {CANDIDATES})"
_SHOWN = (f"highlight(search_index, 1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}') AS title, "
          f"snippet(search_index, 2, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14) AS snippet")
NEWEST_SQL = f"""
    SELECT rowid, kind, -rowid AS rank, {_SHOWN}
    FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2
"""
RANKED_SQL = f"""
    WITH top AS MATERIALIZED (
        SELECT rowid AS id, bm25(search_index, 10.0, 1.0) AS rank
        FROM search_index WHERE search_index MATCH ?1 ORDER BY rank, rowid DESC LIMIT ?2)
    SELECT rowid, kind, (SELECT rank FROM top WHERE id = search_index.rowid) AS rank, {_SHOWN}
    FROM search_index
    WHERE search_index MATCH ?1 AND rowid >= (SELECT min(id) FROM top) AND +rowid IN (SELECT id FROM top)
    ORDER BY rank, rowid DESC
"""


@dataclass(frozen=True)
class SearchHit:
    """One record found; `title` and `snippet` mark matched words with HIGHLIGHT_START/END."""

    kind: str  # a key of SEARCH_KINDS
    record_id: int
    rank: float
    title: str
    snippet: str

    def parts(self, text: str) -> list[tuple[str, bool]]:
        """Split marked text into (text, highlighted) runs for display."""
        runs: list[tuple[str, bool]] = []
        for index, piece in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", text)):
            if piece:
                runs.append((piece, index % 2 == 1))
        return runs


def match_expression(query: str) -> str | None:
    """What the user typed as an FTS5 query: every word must appear, the last one as a prefix.

    Words are quoted, so FTS5 syntax characters typed by a user can never cause an error.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if not query[-1:].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def hit_from_row(row: tuple) -> SearchHit:
    rowid, kind, rank, title, snippet = row
    return SearchHit(kind=_BY_CODE[rowid % WIDTH] if kind is None else kind, record_id=rowid // WIDTH,
                     rank=rank, title=(title or "").strip(), snippet=(snippet or "").strip())
