"""Importing technical cooperation projects from .xlsx or .csv (the Projects sheet of the workbook, or
any table with a title column).

A project is the same project when its uid is, or else when its partner and title are: a file
imported again, or corrected, updates the stored projects. Linked law changes are named by uid or
by title; a title that several law changes share is refused unless the project's partner decides.
"""

import re
from collections.abc import Hashable
from functools import partial
from pathlib import Path

from council_prep.domain import LawChange, Project, ProjectStatus
from council_prep.domain.text import folded
from council_prep.domain.uids import normalise_uid
from council_prep.importers.amounts import CURRENCIES, sum_of_money
from council_prep.importers.dates import as_date
from council_prep.importers.keyed import Entry, plan_keyed_import
from council_prep.importers.partners import PartnerMatcher
from council_prep.importers.plan import MISSING, ImportPlan, RowReader, normalise_uid_cell
from council_prep.importers.reading import Sheet, importable, read_sheet
from council_prep.importers.values import TRUNCATED, CellProblem, TopicMatcher, as_choice, as_text, words
from council_prep.store import Store

_TEXTS = ("title", "grantee", "summary")
_CODE = re.compile(r"^[A-Z]{3}$")


def as_currency(value: object) -> str | None:
    """An ISO 4217 code from 'USD', 'usd', 'US$' or '$'; None when empty."""
    text = as_text(value).strip()
    if not text:
        return None
    code = CURRENCIES.get(text.casefold(), text.upper())
    if not _CODE.match(code):
        raise CellProblem(f"'{text}' is not a currency; write its three-letter code, such as USD")
    return code


class LawChangeNames:
    """Finds law changes by uid or by title (accents, case and spacing aside)."""

    def __init__(self, changes: list[LawChange], partner_names: dict[str, str]):
        self._by_uid = {c.uid: c for c in changes}
        self._by_title: dict[str, list[LawChange]] = {}
        for change in changes:
            self._by_title.setdefault(words(folded(change.title)), []).append(change)
        self._partner_names = partner_names

    def many(self, value: object, partner_code: str | None) -> list[int]:
        """Ids of the law changes a cell names, one per line or separated by ';'."""
        ids: list[int] = []
        for part in re.split(r"[;\n]", as_text(value)):
            if part.strip():
                found = self._one(part.strip(), partner_code).id
                if found not in ids:
                    ids.append(found)  # type: ignore[arg-type]
        return ids

    def _one(self, text: str, partner_code: str | None) -> LawChange:
        try:
            uid = normalise_uid(text)
        except ValueError:
            uid = None
        if uid is not None:
            if uid not in self._by_uid:
                raise CellProblem(f"no law change has the uid {uid}")
            return self._by_uid[uid]
        found = self._by_title.get(words(folded(text)), [])
        if len(found) > 1 and partner_code:
            found = [c for c in found if c.partner_code == partner_code] or found
        if not found:
            raise CellProblem(f"no law change is titled '{text}'; use its exact title or its uid")
        if len(found) > 1:
            where = ", ".join(self._partner_names.get(c.partner_code, c.partner_code) for c in found)
            raise CellProblem(f"{len(found)} law changes are titled '{text}' ({where}); use the uid of the one meant")
        return found[0]


class ProjectImporter:
    """Cooperation projects of any partner; the same partner and title (or uid) is one project."""

    what = "projects"
    table = "projects"
    sheet_name = "Projects"

    def __init__(self, store: Store):
        self.store = store
        self.partners = PartnerMatcher(store)
        self.topics = TopicMatcher(store.topics.find())
        self._names = {p.code: p.name for p in store.partners.find()}
        self.law_changes = LawChangeNames(store.law_changes.find(), self._names)
        self._titles: dict[str, list[Project]] = {}  # for a file without a partner column
        for project in store.projects.find():
            self._titles.setdefault(folded(project.title), []).append(project)

    def sheet(self, path: Path) -> Sheet:
        fields = tuple(f for f in importable("project") if f.name != "agenda_item_ids")  # linked in the window
        return read_sheet(path, self.sheet_name, fields, ("title",))

    def existing(self) -> list[Project]:
        return self.store.projects.find()

    def key(self, record: Project) -> Hashable:
        return record.partner_code or "", folded(record.title)

    def new_record(self) -> Project:
        return Project(title="")

    def entries(self, reader: RowReader) -> list[Entry[Project]]:
        if not reader.filled("title"):
            reader.refuse("title", "must not be empty (this row has other cells filled)")
            return []
        title = reader.get("title")
        partner = reader.get("partner_code", self.partners.code) if reader.filled("partner_code") else None
        uid = reader.get("uid", normalise_uid_cell) if reader.filled("uid") else ""
        values = self._values(reader, partner)
        if MISSING in (title, partner, uid) or reader.problems:
            return []
        if not reader.has("partner_code") and not uid:
            partner = self._partner_by_title(reader, title)
        label = f"the project “{title}”" + (f" of {self._names[partner]}" if partner else "")
        return [Entry((partner or "", folded(title)), label, "title", partial(_fill, values=values), uid)]

    def _partner_by_title(self, reader: RowReader, title: str) -> str | None:
        """Without a partner column a title names the stored project that has it, when only one has it."""
        stored = self._titles.get(folded(title), [])
        if len(stored) > 1:
            where = ", ".join(self._names.get(p.partner_code or "", "no partner") for p in stored)
            reader.refuse("title", f"{len(stored)} projects are titled '{title}' ({where}); add a Partner column "
                                   "or the uid of the one meant")
        return stored[0].partner_code if len(stored) == 1 else None

    def _values(self, reader: RowReader, partner: str | None) -> dict[str, object]:
        """Each field the file has a column for, as the row gives it; an empty choice keeps the stored one."""
        values: dict[str, object] = {"partner_code": partner} if reader.has("partner_code") else {}
        for name in _TEXTS:
            value = reader.get(name)
            if value is not MISSING and name == "summary" and TRUNCATED.search(value):
                reader.refuse(name, "this text was cut to fit an Excel cell; the full text is not in the file")
            elif value is not MISSING:
                values[name] = value
        for name in ("start_on", "end_on"):
            value = reader.get(name, as_date)
            if value is not MISSING:
                values[name] = value
        status = reader.get("status", partial(as_choice, choices=ProjectStatus))
        if status not in (MISSING, None):
            values["status"] = status
        topics = reader.get("topic_keys", self.topics.many)
        if topics is not MISSING:
            values["topic_keys"] = topics
        links = reader.get("law_change_ids", partial(self.law_changes.many, partner_code=partner))
        if links is not MISSING:
            values["law_change_ids"] = links
        self._money(reader, values)
        return values

    def _money(self, reader: RowReader, values: dict[str, object]) -> None:
        """Amount and currency: the currency from its column or from the sum ('EUR 300,000'), never two."""
        currency = reader.get("currency", as_currency) if reader.has("currency") else None
        amount = reader.get("amount", sum_of_money) if reader.filled("amount") else None
        if amount is MISSING or currency is MISSING:
            return  # refused
        if amount is not None:
            number, written = amount
            if written and currency and written != currency:
                reader.refuse("amount", f"is in {written} but the {reader.sheet.headers['currency']} column says "
                                        f"{currency}; keep one")
                return
            values["amount"] = number
            currency = currency or written
        elif reader.has("amount"):
            values["amount"] = None
        if currency:
            values["currency"] = currency


def _fill(record: Project, *, values: dict[str, object]) -> None:
    for name, value in values.items():
        setattr(record, name, value)


def plan_project_import(store: Store, path: Path) -> ImportPlan[Project]:
    """Read and check `path` against the store; nothing is written (see apply_import)."""
    return plan_keyed_import(store, path, partial(ProjectImporter, store))
