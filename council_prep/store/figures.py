"""Enforcement figures: one per partner, year and indicator."""

from council_prep.domain import EnforcementFigure, Problem, ValidationError
from council_prep.domain.enforcement import INDICATORS, indicator, is_indicator
from council_prep.store.tables import RecordTable

_ORDER = {spec.key: n for n, spec in enumerate(INDICATORS)}


class FigureTable(RecordTable[EnforcementFigure]):
    """A second figure for the same partner, year and indicator is refused in words, not by the schema."""

    def _check_references(self, record: EnforcementFigure, known: dict[str, set[str]]) -> None:
        super()._check_references(record, known)
        key = f"{record.partner_code} {record.year} {record.indicator}"
        batch = known.setdefault("figures of this write", set())  # rows of one add_many, not yet stored
        found = key in batch or self._store.conn.execute(
            "SELECT 1 FROM enforcement_figures WHERE partner_code = ? AND year = ? AND indicator = ? AND id IS NOT ?",
            [record.partner_code, record.year, record.indicator, record.id]).fetchone() is not None
        batch.add(key)
        if found:
            what = indicator(record.indicator).label if is_indicator(record.indicator) else record.indicator
            raise ValidationError([Problem("indicator", f"{record.partner_code} already has a figure for "
                                                        f"'{what}' in {record.year}")])

    def for_partner(self, partner_code: str) -> list[EnforcementFigure]:
        """A partner's figures by year, then in the order of INDICATORS."""
        return sorted(self.find(partner_code=partner_code), key=lambda f: (f.year, _ORDER.get(f.indicator, 99)))
