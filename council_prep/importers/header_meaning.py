"""Which column holds which field: a header row read against each field's header, aliases and hints.

A header that is a field's header or alias (council_prep.domain.fields) is certain. A longer
header (a form's question sentence, "Organization (optional)") is a candidate for the field
whose hint words it contains, the likeliest hint first. Where two columns are equally likely
for a field, or no column clearly holds a required one, the mapping is not certain and names
the columns that could be meant, so that a person chooses.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from council_prep.domain.fields import JOINED_PARTS, Field
from council_prep.domain.fields import field as field_spec
from council_prep.importers import confidentiality, mail
from council_prep.importers.values import CellProblem, as_bool, as_text, words

TEXT = "text"  # the field whose column must be certain before anything is imported
# A column whose header hints at several fields goes to the first of them here: "Name of your
# organization" is the organization, "Your question (name optional)" the question.
PRIORITY = ("organization", "asker_email", "text", "received_at", "asker_name")
JOINABLE = {name for _, name in JOINED_PARTS}  # fields two columns may hold together
_OPTIONAL = re.compile(r"\s*\((optional|opcional|facultatif|facultativo)\)\s*|\s*\*\s*$", re.IGNORECASE)


@dataclass
class ColumnMapping:
    """Field name -> the columns (0-based) that hold it; two columns are joined with a space (first and
    last name). `certain` is False when a person must choose: `candidates` then names, for each field
    in doubt, the columns that could hold it."""

    columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    certain: bool = True
    candidates: dict[str, list[int]] = field(default_factory=dict)
    header_row: int | None = None  # the header's row number in the file; None: found again on reading
    layout: str = ""  # a recognised export ("Outlook mail export"), "" for any other table

    def column(self, name: str) -> int | None:
        """The (first) column of a field, or None when no column holds it."""
        found = self.columns.get(name)
        return found[0] if found else None

    def field_at(self, column: int) -> str | None:
        """The field a column is read as (what a drop-down per column shows), or None."""
        return next((name for name, cols in self.columns.items() if column in cols), None)

    def assign(self, column: int, name: str | None) -> None:
        """Read `column` as field `name` (None: ignore it); a second name column is joined to the first."""
        for other, cols in list(self.columns.items()):
            if column in cols:
                rest = tuple(c for c in cols if c != column)
                if rest:
                    self.columns[other] = rest
                else:
                    del self.columns[other]
        if name is not None:
            joined = name in JOINABLE and name in self.columns
            self.columns[name] = tuple(sorted({*self.columns[name], column})) if joined else (column,)
            self.candidates.pop(name, None)
        self.certain = not self.candidates


def bare(header: str) -> str:
    """A header without the "(optional)" a form adds and the "*" of a required question."""
    return _OPTIONAL.sub(" ", header).strip().rstrip(":*?").strip()


def exact_names(spec: Field) -> set[str]:
    """Every header that means this field for certain, in the loose form `words` gives."""
    return {words(n) for n in (spec.header, spec.name, *spec.aliases)}


def hint_rank(plain_header: str, spec: Field) -> int | None:
    """How likely a header means the field by its hint words (0 likeliest), or None; the header comes as its
    words in `confidentiality.plain` form, without "(optional)" (see `bare`)."""
    for rank, group in enumerate(spec.hints):
        if _phrases(group).search(plain_header):
            return rank
    return None


@lru_cache(maxsize=256)
def _phrases(group: tuple[str, ...]) -> re.Pattern[str]:
    """Finds any of the phrases as whole words in a plain header; a word may take a plural -s/-es."""
    each = [" ".join(re.escape(word) + "(?:e?s)?" for word in confidentiality.plain(phrase).split())
            for phrase in group]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(each) + r")(?![a-z0-9])")


@dataclass
class Match:
    """One header row read as a mapping, with what makes it likelier than another row to be the header."""

    mapping: ColumnMapping
    exact: int  # columns recognised for certain

    def score(self, required: tuple[str, ...]) -> tuple[bool, int, int]:
        return (all(r in self.mapping.columns for r in required), self.exact, len(self.mapping.columns))


def match_headers(values: list[object], fields: tuple[Field, ...], required: tuple[str, ...]) -> Match:
    """Read one row as a header row: certain names first, a recognised layout, then hint words."""
    headers = {col: value.strip() for col, value in enumerate(values) if isinstance(value, str) and value.strip()}
    bares = {col: bare(h) for col, h in headers.items()}
    plains = {col: confidentiality.plain(h) for col, h in bares.items()}
    by_exact = {name: spec.name for spec in fields for name in exact_names(spec)}
    mapping = ColumnMapping()
    layout = mail.recognise(plains)
    if layout is not None and set(layout) - {mail.SUBJECT} <= {spec.name for spec in fields}:  # questions only
        mapping.columns.update({name: (col,) for name, col in layout.items()})
        mapping.layout = mail.LAYOUT
    taken = {c for cols in mapping.columns.values() for c in cols}
    by_layout = set(mapping.columns)  # certain already: a mail's Date beside its Received is not a doubt
    exact = len(mapping.columns)
    for col in headers:
        name = by_exact.get(words(bares[col]))
        if col in taken or name is None:
            continue
        if name not in mapping.columns:
            mapping.columns[name] = (col,)
            exact += 1
        elif name != confidentiality.FIELD and name not in by_layout:  # two choice columns are refused on reading
            mapping.candidates.setdefault(name, list(mapping.columns[name])).append(col)
        taken.add(col)
    wording = {col: confidentiality.meaning_of_words(plains[col]) for col in headers if col not in taken}
    choice = [col for col, said in wording.items() if said is confidentiality.Meaning.CONFIDENTIAL]
    if choice and confidentiality.FIELD not in mapping.columns and any(f.name == confidentiality.FIELD for f in fields):
        mapping.columns[confidentiality.FIELD] = (choice[0],)  # more than one is refused on reading
    free = {col: plains[col] for col in headers if col in wording and wording[col] is None}
    hinted = sorted((spec for spec in fields if spec.hints and spec.name not in mapping.columns),
                    key=lambda spec: PRIORITY.index(spec.name) if spec.name in PRIORITY else len(PRIORITY))
    _join_parts(mapping, free, fields)
    hits: dict[str, list[tuple[int, int]]] = {}
    any_hint = _phrases(tuple(hint for spec in hinted for group in spec.hints for hint in group))
    for col, header in free.items():  # each header's plain words
        if not any_hint.search(header):
            continue  # most headers of a wide sheet hint at nothing: one search tells
        for spec in hinted:
            rank = hint_rank(header, spec)
            if rank is not None and spec.name not in mapping.columns:
                hits.setdefault(spec.name, []).append((rank, col))
                break
    for name, found in hits.items():
        best = min(rank for rank, _ in found)
        tied = [col for rank, col in found if rank == best]
        mapping.columns[name] = (tied[0],)
        if len(tied) > 1:
            mapping.candidates[name] = tied
    used = {c for cols in mapping.columns.values() for c in cols}
    for name in required:
        if name not in mapping.columns:
            mapping.candidates[name] = [col for col in free if col not in used]
    mapping.certain = not mapping.candidates
    return Match(mapping, exact)


def settle_by_values(mapping: ColumnMapping, rows: list[list[object]]) -> None:
    """Drop from the columns whose headers tie for the question one whose first answers are all yes or no
    ("Would you like to ask a question live?"): a question is never yes. One candidate left is certain."""
    cols = mapping.candidates.get(TEXT)
    if not cols or TEXT not in mapping.columns:  # no column named for the question: a person says which
        return
    kept = [col for col in cols if not _all_yes_or_no([row[col] for row in rows if col < len(row)])]
    if not kept:
        return
    if len(kept) == 1:
        mapping.columns[TEXT] = (kept[0],)
        del mapping.candidates[TEXT]
    else:
        mapping.candidates[TEXT] = kept
        if mapping.column(TEXT) not in kept:
            mapping.columns[TEXT] = (kept[0],)
    mapping.certain = not mapping.candidates


def _all_yes_or_no(values: list[object]) -> bool:
    filled = [v for v in values if as_text(v).strip()]
    try:
        return bool(filled) and all(as_bool(v) is not None for v in filled)
    except CellProblem:
        return False


def _join_parts(mapping: ColumnMapping, free: dict[int, str], fields: tuple[Field, ...]) -> None:
    """First and last name in two columns make the asker, when no column holds the whole name
    (`free`: column -> its header's plain words)."""
    for (kind, name), (first, last) in JOINED_PARTS.items():
        if field_spec(kind, name) not in fields or name in mapping.columns:
            continue
        # "Nombre de la organización" names the organization, not the asker's first name.
        before = [spec for spec in fields if spec.name in PRIORITY[:PRIORITY.index(name)]] if name in PRIORITY else []
        parts = {col: h for col, h in free.items() if all(hint_rank(h, spec) is None for spec in before)}
        firsts = [col for col, h in parts.items() if _phrases(first).search(h)]
        lasts = [col for col, h in parts.items() if _phrases(last).search(h)]
        firsts = [col for col in firsts if col not in lasts]
        if len(firsts) == 1 and len(lasts) == 1:
            mapping.columns[name] = (firsts[0], lasts[0])
            del free[firsts[0]], free[lasts[0]]
