"""Importing partners' labor law enforcement figures from .xlsx or .csv, in either layout statistics come in.

Long: one figure a row (Partner, Year, Indicator, Value, and optionally Source, Scope, Note).
Wide: one row per partner and year, one column per indicator headed as the indicator registry
names it or a usual variant ("No. of inspectors", "Labor inspectorate funding (USD)"); Source,
Scope and Note then hold for every figure of the row, and an empty cell leaves that figure as stored.

A value is a number in the indicator's unit (a count, a sum in US dollars, yes or no) or a word
saying it is not available, which is stored as such: never as zero.
"""

from collections.abc import Hashable
from datetime import date
from functools import partial
from pathlib import Path

from council_prep.domain import EnforcementFigure, FigureStatus
from council_prep.domain.enforcement import INDICATORS, Indicator
from council_prep.domain.fields import Field
from council_prep.importers import amounts
from council_prep.importers.errors import ImportRejected, UnreadableFileError
from council_prep.importers.header_meaning import exact_names
from council_prep.importers.keyed import Entry, plan_keyed_import
from council_prep.importers.partners import PartnerMatcher
from council_prep.importers.plan import MISSING, ImportPlan, RowReader
from council_prep.importers.reading import Sheet, importable, read_sheet
from council_prep.importers.values import CellProblem, as_bool, as_choice, as_text, words
from council_prep.store import Store

_TEXTS = ("source", "scope", "note")
# Headers statistical tables use for an indicator, besides its label and key (and "No. of", "(USD)" variants).
INDICATOR_ALIASES: dict[str, tuple[str, ...]] = {
    "inspectorate_funding": ("Inspectorate funding", "Labor inspectorate budget", "Inspectorate budget",
                             "Budget of the labor inspectorate", "Funding"),
    "inspectors": ("Labor inspectors", "Inspectors", "Number of labor inspectors"),
    "inspectors_meet_ilo": ("Sufficient to enforce laws according to ILO", "Meets ILO recommendation",
                            "Number of inspectors meets ILO recommendation", "ILO recommendation met",
                            "Inspectors meet ILO recommendation", "Meets ILO technical advice"),
    "inspectors_assess_penalties": ("Inspectors authorized to assess penalties", "Authorized to assess penalties",
                                    "Inspectors may assess penalties", "Can assess penalties"),
    "inspections": ("Labor inspections", "Inspections", "Number of labor inspections conducted",
                    "Inspections conducted", "Total inspections"),
    "worksite_inspections": ("Number conducted at worksite", "Inspections at worksite", "Worksite inspections",
                             "On-site inspections"),
    "routine_inspections": ("Routine inspections conducted", "Routine inspections"),
    "targeted_inspections": ("Targeted inspections conducted", "Routine inspections targeted",
                             "Targeted inspections"),
    "unannounced_inspections": ("Unannounced inspections conducted", "Unannounced inspections"),
    "violations_found": ("Number of violations found", "Violations found", "Violations"),
    "penalties_imposed": ("Penalties imposed", "Fines imposed", "Penalties imposed for violations"),
    "penalties_collected": ("Penalties collected", "Fines collected", "Penalties that were collected"),
    "criminal_investigations": ("Number of investigations", "Criminal investigations", "Investigations",
                                "Investigations initiated"),
    "prosecutions": ("Number of prosecutions initiated", "Prosecutions initiated", "Prosecutions"),
    "convictions": ("Number of convictions", "Convictions"),
}


def indicator_fields() -> tuple[Field, ...]:
    """Each indicator as a column of the wide layout: its label as header, the usual variants as aliases."""
    made = []
    for indicator in INDICATORS:
        names = (indicator.label, indicator.label.removesuffix(" (USD)"), indicator.key,
                 *INDICATOR_ALIASES.get(indicator.key, ()))
        variants = [f"{prefix}{name}" for name in names for prefix in ("", "No. of ", "Number of ")]
        if indicator.unit == "money":
            variants += [f"{name} ({unit})" for name in names for unit in ("USD", "US$", "$", "in USD")]
        made.append(Field(indicator.key, indicator.label, indicator.label, tuple(dict.fromkeys(variants))))
    return tuple(made)


def as_year(value: object) -> int:
    """A calendar year from a numeric cell or text such as '2023' or 'FY2023', and not after next year
    (the record itself refuses years before its first)."""
    text = as_text(value).strip().upper().removeprefix("FY").strip()
    if isinstance(value, bool) or not text.isdigit():
        raise CellProblem(f"'{as_text(value)}' is not a year; write it as 2023")
    year, last = int(text), date.today().year + 1
    if year > last:
        raise CellProblem(f"{year} is not a plausible year for a figure (it is after {last})")
    return year


class FigureImporter:
    """Enforcement figures of any partner; the same partner, year and indicator is one figure, updated in place."""

    what = "enforcement figures"
    table = "enforcement"  # the store's table attribute
    sheet_name = "Enforcement"

    def __init__(self, store: Store):
        self.store = store
        self.partners = PartnerMatcher(store)
        self.columns = indicator_fields()
        self._indicators = {i.key: i for i in INDICATORS}
        self._by_name = {name: spec.name for spec in self.columns for name in exact_names(spec)}
        self._names = {p.code: p.name for p in store.partners.find()}
        self._rows: dict[tuple[str, int], int] = {}  # wide layout: (partner, year) -> its first row
        self.wide: tuple[Indicator, ...] = ()

    def sheet(self, path: Path) -> Sheet:
        """Read the header and tell the layout; in the wide layout every column must be known."""
        fields = tuple(f for f in importable("enforcement_figure") if f.name != "uid")  # the key names a figure
        sheet = read_sheet(path, self.sheet_name, fields + self.columns, ("partner_code", "year"))
        self.wide = tuple(i for i in INDICATORS if i.key in sheet.headers)
        long = "indicator" in sheet.headers
        where = f"{path} row {sheet.header_row}"
        if long and self.wide:
            raise ImportRejected([f"{where}: the file has an {sheet.headers['indicator']} column and a column per "
                                  f"indicator ({', '.join(sheet.headers[i.key] for i in self.wide)}); use one layout"])
        if long and "value" not in sheet.headers:
            raise ImportRejected([f"{where}: the file has an {sheet.headers['indicator']} column but no Value column"])
        if not long and not self.wide:
            raise UnreadableFileError(f"{path}: no figures found: the file needs either Indicator and Value columns "
                                      "(one figure a row) or a column per indicator, such as "
                                      f"{', '.join(i.label for i in INDICATORS[:3])}")
        misplaced = [sheet.headers[name] for name in ("value", "status") if name in sheet.headers]
        if self.wide and misplaced:
            raise ImportRejected([f"{where}, column {name}: belongs to the layout with one figure a row (Indicator "
                                  "and Value columns); with a column per indicator, write each figure in its column"
                                  for name in misplaced])
        if self.wide and sheet.ignored:
            known = "; ".join(i.label for i in INDICATORS)
            raise ImportRejected([f"{where}, column {name}: not a known indicator; name it as one of: {known}"
                                  for name in sheet.ignored])
        return sheet

    def existing(self) -> list[EnforcementFigure]:
        return self.store.enforcement.find()

    def key(self, record: EnforcementFigure) -> Hashable:
        return record.partner_code, record.year, record.indicator

    def new_record(self) -> EnforcementFigure:
        return EnforcementFigure(partner_code="", year=0, indicator="")

    def indicator(self, value: object) -> Indicator:
        text = as_text(value).strip()
        key = self._by_name.get(words(text))
        if key is None:
            raise CellProblem(f"indicator '{text}' is unknown; use one of: {'; '.join(i.label for i in INDICATORS)}")
        return self._indicators[key]

    def entries(self, reader: RowReader) -> list[Entry[EnforcementFigure]]:
        status = reader.get("status", partial(as_choice, choices=FigureStatus)) if reader.filled("status") else None
        for name in ("partner_code", "year") + (() if self.wide else ("indicator", "value")):
            if not reader.filled(name) and not (name == "value" and status is FigureStatus.UNAVAILABLE):
                reader.refuse(name, "must not be empty (this row has other cells filled)"
                              + ("; write the figure, or Unavailable" if name == "value" else ""))
        partner = reader.get("partner_code", self.partners.code) if reader.filled("partner_code") else MISSING
        year = reader.get("year", as_year) if reader.filled("year") else MISSING
        shared = self._shared(reader)
        if self.wide:
            wanted = [(i, i.key) for i in self.wide if reader.filled(i.key)]
            if partner is not MISSING and year is not MISSING:
                first = self._rows.setdefault((partner, year), reader.row.number)
                if first != reader.row.number:
                    reader.refuse("year", f"{self._names.get(partner, partner)} {year} is also in row {first}; "
                                          "each partner and year may appear once")
        else:
            found = reader.get("indicator", self.indicator) if reader.filled("indicator") else MISSING
            wanted = [] if found is MISSING else [(found, "value")]
        entries = []
        for indicator, column in wanted:
            figure = self._figure(reader, indicator, column, status)
            if MISSING in (partner, year, figure):
                continue
            label = f"{self._names.get(partner, partner)} {year}, {indicator.label}"
            entries.append(Entry((partner, year, indicator.key), label, column,
                                 partial(_fill, partner=partner, year=year, indicator=indicator.key,
                                         figure=figure, shared=shared)))
        return entries

    def _by_indicator(self, text: str) -> str | dict[str, str]:
        """{indicator key: its text} when every line of `text` starts with an indicator's name and a colon."""
        found: dict[str, str] = {}
        for line in text.splitlines():
            name, colon, rest = line.partition(":")
            key = self._by_name.get(words(name.strip())) if colon else None
            if key is None:
                return text
            found[key] = rest.strip()
        return found or text

    def _figure(self, reader: RowReader, indicator: Indicator, column: str, status: object) -> object:
        """(value, status) from the cell, read in the indicator's unit; MISSING when refused. `status` is
        what a Status column says (long layout), if anything."""
        if status is FigureStatus.UNAVAILABLE:
            if reader.filled(column) and not reader.get(column, amounts.unavailable):
                return reader.refuse(column, "holds a figure, but the Status column says unavailable; keep one")
            return None, FigureStatus.UNAVAILABLE
        if not reader.filled(column):
            return MISSING  # refused above as empty
        said = reader.get(column, amounts.unavailable)
        if said is MISSING:
            return MISSING
        if said:
            return None, FigureStatus.UNAVAILABLE
        parse = {"count": amounts.count, "money": amounts.money, "yes_no": amounts.yes_no}[indicator.unit]
        value = reader.get(column, parse)
        return MISSING if value is MISSING else (value, FigureStatus.REPORTED)

    def _shared(self, reader: RowReader) -> dict[str, object]:
        """Source, scope, note and the demo mark as the row gives them; a column the file lacks keeps what is stored.

        In the wide layout a text given indicator by indicator, a line each ("Violations found: federal
        only"), goes to those figures alone, as the workbook writes it.
        """
        shared: dict[str, object] = {}
        for name in _TEXTS:
            value = reader.get(name)
            if value is not MISSING:
                shared[name] = self._by_indicator(value) if self.wide else value
        demo = reader.get("demo", as_bool)
        shared["demo"] = bool(demo) if demo is not MISSING else False  # a figure imported is a real one
        return shared


def _fill(record: EnforcementFigure, *, partner: str, year: int, indicator: str, figure: tuple[float | None, object],
          shared: dict[str, object]) -> None:
    record.partner_code, record.year, record.indicator = partner, year, indicator
    record.value, record.status = figure
    for name, value in shared.items():
        setattr(record, name, value.get(indicator, "") if isinstance(value, dict) else value)


def plan_figure_import(store: Store, path: Path) -> ImportPlan[EnforcementFigure]:
    """Read and check `path` against the store; nothing is written (see apply_import)."""
    return plan_keyed_import(store, path, partial(FigureImporter, store))
