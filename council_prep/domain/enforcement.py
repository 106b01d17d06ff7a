"""The fixed set of labor law enforcement figures tracked per partner and year.

The order is the order of the book's table and the workbook's columns; the keys are what the
store and the import format hold.
"""

from dataclasses import dataclass
from typing import Literal

Unit = Literal["count", "money", "yes_no"]
Group = Literal["inspectorate", "inspections", "outcomes", "criminal"]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: Unit
    group: Group

    def shown(self, value: float | None) -> str:
        """The value as a table shows it: "Yes"/"No", a whole count, or an amount in US dollars."""
        if value is None:
            return "Unavailable"
        if self.unit == "yes_no":
            return "Yes" if value else "No"
        if self.unit == "money":
            return f"USD {value:,.0f}"
        return f"{value:,.0f}"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("inspectorate_funding", "Labor inspectorate funding (USD)", "money", "inspectorate"),
    Indicator("inspectors", "Number of labor inspectors", "count", "inspectorate"),
    Indicator("inspectors_meet_ilo", "Inspectors meet the ILO's recommendation", "yes_no", "inspectorate"),
    Indicator("inspectors_assess_penalties", "Inspectors may assess penalties", "yes_no", "inspectorate"),
    Indicator("inspections", "Labor inspections conducted", "count", "inspections"),
    Indicator("worksite_inspections", "Worksite inspections", "count", "inspections"),
    Indicator("routine_inspections", "Routine inspections", "count", "inspections"),
    Indicator("targeted_inspections", "Targeted inspections", "count", "inspections"),
    Indicator("unannounced_inspections", "Unannounced inspections", "count", "inspections"),
    Indicator("violations_found", "Violations found", "count", "outcomes"),
    Indicator("penalties_imposed", "Penalties imposed (USD)", "money", "outcomes"),
    Indicator("penalties_collected", "Penalties collected (USD)", "money", "outcomes"),
    Indicator("criminal_investigations", "Criminal investigations", "count", "criminal"),
    Indicator("prosecutions", "Prosecutions", "count", "criminal"),
    Indicator("convictions", "Convictions", "count", "criminal"),
)
GROUP_LABELS: dict[str, str] = {
    "inspectorate": "Labor inspectorate",
    "inspections": "Inspections",
    "outcomes": "Violations and penalties",
    "criminal": "Criminal enforcement",
}
_BY_KEY = {i.key: i for i in INDICATORS}


def indicator(key: str) -> Indicator:
    """The indicator called `key`; KeyError names it when it is not one of INDICATORS."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no enforcement indicator {key!r}") from None


def is_indicator(key: str) -> bool:
    return key in _BY_KEY
