"""Importing partner law changes from .xlsx or .csv (the Law changes sheet of the workbook, or any
table with a partner and a title column)."""

from collections.abc import Hashable
from functools import partial
from pathlib import Path

from council_prep.domain import InstrumentType, LawChange, LawChangeStatus
from council_prep.domain.text import folded
from council_prep.importers.dates import as_date
from council_prep.importers.header_meaning import ColumnMapping
from council_prep.importers.partners import PartnerMatcher
from council_prep.importers.plan import MISSING, ImportPlan, RowReader, plan_import
from council_prep.importers.reading import Sheet, importable
from council_prep.importers.values import TopicMatcher, as_choice
from council_prep.store import Store

_TEXTS = ("title", "summary", "source_citation", "source_url", "assessment", "follow_up")


class LawChangeImporter:
    """Law changes of any partner; the same title for the same partner is added only once."""

    what = "law changes"
    table = "law_changes"
    sheet_name = "Law changes"
    fields = importable("law_change")
    required = ("partner_code", "title")
    text_fields = ("summary", "assessment", "follow_up")

    def __init__(self, store: Store):
        self.store = store
        self.topics = TopicMatcher(store.topics.find())
        self.partners = PartnerMatcher(store)

    def existing(self) -> list[LawChange]:
        return self.store.law_changes.find()

    def new_record(self) -> LawChange:
        return LawChange(partner_code="", title="")

    def skip(self, reader: RowReader) -> str | None:
        return None  # a row without a title is an error here, not a row to leave out

    def duplicate_keys(self, record: LawChange) -> tuple[Hashable, ...]:
        return ((record.partner_code, folded(record.title)),)

    def stricter(self, target: LawChange, repeat: LawChange) -> str | None:
        return None  # a repeated law change asks for nothing the stored one lacks

    def finish(self, plan: ImportPlan[LawChange], sheet: Sheet, accepted: list[tuple[int, LawChange]]) -> None:
        """Law changes do not refer to each other."""

    def fill(self, record: LawChange, reader: RowReader, existing: LawChange | None) -> None:
        """Set the fields the file has columns for; an empty choice cell keeps what the record had."""
        for name in _TEXTS:
            value = reader.get(name)
            if value is not MISSING:
                setattr(record, name, value)
        partner = reader.get("partner_code", self.partners.code) if reader.filled("partner_code") else MISSING
        if partner is not MISSING:
            record.partner_code = partner
        for name, choices in (("instrument_type", InstrumentType), ("status", LawChangeStatus)):
            value = reader.get(name, partial(as_choice, choices=choices))
            if value not in (MISSING, None):
                setattr(record, name, value)
        for name in ("introduced_on", "adopted_on", "effective_on"):
            value = reader.get(name, as_date)
            if value is not MISSING:
                setattr(record, name, value)
        topics = reader.get("topic_keys", self.topics.many)
        if topics is not MISSING:
            record.topic_keys = topics


def plan_law_change_import(store: Store, path: Path, mapping: ColumnMapping | None = None) -> ImportPlan[LawChange]:
    """Read and check `path` against the store; nothing is written (see apply_import)."""
    return plan_import(store, path, partial(LawChangeImporter, store), mapping)
