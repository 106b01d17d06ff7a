"""The column mapping a person checks before an import: which column of a file is read as which field.

`propose_mapping` reads a file's first rows and proposes a mapping by the headers' meaning,
with what is uncertain; the window shows it with a preview, the command line takes choices
as `--map "text=What would you like to ask the Council?"`. Either way the chosen ColumnMapping
goes to `plan_question_import`. The `signature` of a header set lets a mapping be remembered
for the next file of the same layout.
"""

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from council_prep.domain.fields import Field
from council_prep.importers import mail
from council_prep.importers.errors import UnreadableFileError
from council_prep.importers.header_meaning import JOINABLE, ColumnMapping, exact_names
from council_prep.importers.law_changes import LawChangeImporter
from council_prep.importers.questions import QuestionImporter
from council_prep.importers.reading import head_rows, header_text, locate_header, raw_rows
from council_prep.importers.values import as_text, words

PREVIEW_ROWS = 10
_IMPORTERS = {"question": QuestionImporter, "law_change": LawChangeImporter}

__all__ = ["ColumnMapping", "MappingProposal", "choose_columns", "propose_mapping"]


@dataclass
class MappingProposal:
    """What a file's columns seem to hold, for a person to confirm or change."""

    path: Path
    header_row: int  # the header's row number in the file (a report may have a preamble above it)
    headers: list[str]  # as written, one per column
    preview: list[list[str]]  # the first data rows, each cell as text
    mapping: ColumnMapping
    fields: tuple[Field, ...] = field(repr=False, default=())  # what a column may be read as

    @property
    def uncertain(self) -> dict[str, list[int]]:
        """Field -> the columns that could hold it, for each field a person must choose."""
        return self.mapping.candidates

    @property
    def choices(self) -> list[tuple[str, str]]:
        """(field name, label) of what a column may be read as: a drop-down per column offers these."""
        extra = [(mail.SUBJECT, "Subject (mails about the meeting)")] if self.mapping.layout == mail.LAYOUT else []
        return [(spec.name, spec.label) for spec in self.fields] + extra

    @property
    def signature(self) -> str:
        """The same for every file with these headers in this order, whatever the rows: a key to remember
        a mapping by."""
        joined = "\x1f".join(words(h) for h in self.headers)
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def propose_mapping(path: Path, kind: str = "question") -> MappingProposal:
    """Read the first rows of `path` and propose how to read its columns; nothing is imported."""
    path = Path(path)
    importer = _IMPORTERS[kind]
    fields, required = importer.fields, importer.required
    rows = raw_rows(path, importer.sheet_name)
    try:
        head = head_rows(rows)
        index, match = locate_header(path, head, fields, required)
        below = head[index + 1:] + head_rows(rows)
    finally:
        rows.close()  # the file is closed now, not when the reader is collected
    number, values = head[index]
    headers = [header_text(v) for v in values]
    preview: list[list[str]] = []
    for _, row in below:
        cells = [as_text(v).strip() for v in row] + [""] * (len(headers) - len(row))
        if any(cells) and len(preview) < PREVIEW_ROWS:
            preview.append(cells[:max(len(headers), len(row))])
    mapping = replace(match.mapping, header_row=number)
    return MappingProposal(path, number, headers, preview, mapping, fields)


def choose_columns(proposal: MappingProposal, choices: list[tuple[str, str]]) -> ColumnMapping:
    """The proposal's mapping with each (field, header) choice applied: "asker" = "Full name"; a field
    named twice joins its columns (first and last name); an empty header leaves the field out.

    A field is named by its name, label, header or an alias; a header as written (or in other case).
    """
    mapping = replace(proposal.mapping, columns=dict(proposal.mapping.columns),
                      candidates=dict(proposal.mapping.candidates))
    chosen: set[str] = set()
    for given_field, given_header in choices:
        name = _field_named(proposal, given_field)
        if name in chosen and name not in JOINABLE:
            raise UnreadableFileError(f"{proposal.path}: {given_field!r} is chosen twice; only the asker may be read "
                                      "from two columns (first and last name)")
        if name not in chosen or not given_header.strip():  # the proposal's columns give way to the choice
            for col in mapping.columns.get(name, ()):
                mapping.assign(col, None)
        chosen.add(name)
        if given_header.strip():
            mapping.assign(_column_headed(proposal, given_header), name)
        mapping.candidates.pop(name, None)
    mapping.certain = not mapping.candidates
    return mapping


def _field_named(proposal: MappingProposal, given: str) -> str:
    wanted = words(given.strip())
    for spec in proposal.fields:
        if wanted in exact_names(spec) or wanted == words(spec.label):
            return spec.name
    names = ", ".join(spec.name for spec in proposal.fields)
    raise UnreadableFileError(f"{proposal.path}: no field is called {given!r}; use one of: {names}")


def _column_headed(proposal: MappingProposal, given: str) -> int:
    for same in (lambda h: h == given.strip(), lambda h: words(h) == words(given.strip())):
        found = [col for col, header in enumerate(proposal.headers) if same(header)]
        if found:
            return found[0]
    headers = ", ".join(f"“{h}”" for h in proposal.headers if h)
    raise UnreadableFileError(f"{proposal.path} row {proposal.header_row}: no column is headed {given!r}; "
                              f"the columns are {headers}")
