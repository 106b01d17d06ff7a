"""Validation results in words a user understands, tied to the field they concern."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from council_prep.errors import CouncilPrepError

MAX_TITLE = 1_000
MAX_TEXT = 1_000_000
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# An e-mail address as people write one: a local part, @, and a domain with a dot; no spaces.
EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field; `message` is a whole sentence for the user."""

    field: str
    message: str


class ValidationError(CouncilPrepError):
    """A record was refused because some of its fields are not acceptable."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))


def require_text(field: str, value: str, what: str, limit: int = MAX_TITLE) -> list[Problem]:
    if not value.strip():
        return [Problem(field, f"{what} must not be empty")]
    return check_length(field, value, what, limit)


def check_length(field: str, value: str, what: str, limit: int = MAX_TEXT) -> list[Problem]:
    if len(value) > limit:
        return [Problem(field, f"{what} is too long ({len(value):,} characters; at most {limit:,})")]
    return []


def check_choice(field: str, value: object, choices: type[StrEnum], what: str) -> list[Problem]:
    if isinstance(value, choices):
        return []
    allowed = ", ".join(c.value for c in choices)
    return [Problem(field, f"{what} '{value}' is not one of: {allowed}")]


def check_range(field: str, value: int | None, low: int, high: int, what: str) -> list[Problem]:
    if value is None or isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [Problem(field, f"{what} must be between {low} and {high}")]
    return []


def check_order(field: str, earlier: date | None, later: date | None, message: str) -> list[Problem]:
    if earlier is not None and later is not None and later < earlier:
        return [Problem(field, message)]
    return []


def check_partial_date(field: str, value: str | None, what: str) -> list[Problem]:
    if value is None or PARTIAL_DATE.match(value):
        return []
    return [Problem(field, f"{what} '{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")]


def check_addresses(field: str, values: list[str], what: str) -> list[Problem]:
    """Each value must look like an e-mail address, and none may be listed twice."""
    found = [Problem(field, f"{what} '{value}' is not an e-mail address (name@example.gov)")
             for value in values if not EMAIL.match(value)]
    folded = [value.casefold() for value in values]
    found += [Problem(field, f"{what} '{value}' is listed twice")
              for n, value in enumerate(values) if folded.index(folded[n]) != n]
    return found
