"""Dates and times in cells: read right, or refused with a reason; never guessed into another day.

A value must name a whole day (year, month and day) between 1900 and 2100; a time of day and
a zone are optional. Text is never taken for an Excel serial number ("2027" is a year, not
1905-07-19); a number counts as a date only in a real numeric cell of a workbook.
"""

import re
import warnings
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil import parser as date_parser
from openpyxl.utils.datetime import from_excel

from council_prep.importers.values import CellProblem, as_text

YEARS = (1900, 2100)
# Serial numbers of numeric cells taken as dates: up to 2100-12-31, and above 2100 so that a
# year typed into a numeric cell is never read as a day of 1905.
_SERIALS = (YEARS[1] + 1, 73_415)
_HOUR = 3600
# Zone abbreviations read with their offset; ambiguous ones (IST, BST, AST...) are refused.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
    "EST": -5 * _HOUR, "EDT": -4 * _HOUR, "CST": -6 * _HOUR, "CDT": -5 * _HOUR, "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR, "PST": -8 * _HOUR, "PDT": -7 * _HOUR, "AKST": -9 * _HOUR, "AKDT": -8 * _HOUR,
    "HST": -10 * _HOUR, "WET": 0, "WEST": 1 * _HOUR, "CET": 1 * _HOUR, "CEST": 2 * _HOUR, "EET": 2 * _HOUR,
    "EEST": 3 * _HOUR, "WAT": 1 * _HOUR, "CAT": 2 * _HOUR, "EAT": 3 * _HOUR, "SAST": 2 * _HOUR,
    "JST": 9 * _HOUR, "KST": 9 * _HOUR, "COT": -5 * _HOUR, "PET": -5 * _HOUR, "ART": -3 * _HOUR,
    "BRT": -3 * _HOUR,
}
# "UTC+14" means fourteen hours ahead of UTC; dateutil reads it the POSIX way (behind), so it
# is rewritten as an ISO offset first.
_UTC_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\b", re.IGNORECASE)
# "8:14:03 a. m." as Spanish-language forms write the time of day.
_MERIDIEM = re.compile(r"(?<=\d)\s*([ap])\.\s?m\.", re.IGNORECASE)
_NUMBER = re.compile(r"[+\-−]?\d+([.,]\d+)?")
_HINT = "write it as 2027-03-05, 3/5/2027 or 5 March 2027"
# Two far-apart defaults: a part the text does not give comes out different in the two parses.
_DEFAULTS = (datetime(1901, 1, 1, 0, 0), datetime(1902, 2, 2, 0, 0))


def as_datetime(value: object) -> datetime | None:
    """A date-time from a date cell, a numeric date cell, or text such as '2027-03-05', '3/5/2027'
    (month first, as in the US), '5 March 2027 14:30', '2027-03-05 10:00 EST' or '... UTC+14', and as
    forms and mail programs write it: '2027/02/22 8:14:03 AM EST' (Google Forms), '2/22/27 8:20'
    (Microsoft Forms, Excel), 'Mon 2/22/2027 8:14 AM' (Outlook), '22/02/2027 8:14:03 p. m.'."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _plausible(value, value)
    if isinstance(value, date):
        return _plausible(datetime.combine(value, time()), value)
    if isinstance(value, (time, timedelta)):
        raise CellProblem(f"'{value}' is a time without a date; {_HINT}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _SERIALS[0] <= value <= _SERIALS[1]:
            raise CellProblem(f"the number {as_text(value)} is not a date; {_HINT}")
        return from_excel(value)
    text = as_text(value).strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        raise CellProblem(f"'{text}' is a number, not a date; {_HINT}")
    return _plausible(_parse_text(text), text)


def as_date(value: object) -> date | None:
    moment = as_datetime(value)
    return moment.date() if moment is not None else None


@lru_cache(maxsize=4096)  # a file often repeats a date; dateutil is the slow part of an import
def _parse_text(text: str) -> datetime:
    with suppress(ValueError):
        return datetime.fromisoformat(text)  # a whole ISO 8601 date, the usual case, read at once
    written = _MERIDIEM.sub(lambda m: f" {m.group(1).upper()}M", _UTC_OFFSET.sub(_iso_offset, text))
    parsed = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", date_parser.UnknownTimezoneWarning)
                parsed.append(date_parser.parse(written, dayfirst=False, yearfirst=False, default=default,
                                                tzinfos=ZONES))
        except date_parser.UnknownTimezoneWarning:
            raise CellProblem(f"'{text}': the time zone is not one council-prep knows for sure; write the offset, "
                              "as in 2027-03-05 10:00 -05:00") from None
        except (ValueError, OverflowError, TypeError):
            raise CellProblem(f"'{text}' is not a date ({_HINT})") from None
    first, second = parsed
    missing = [part for part in ("year", "month", "day") if getattr(first, part) != getattr(second, part)]
    if missing:
        raise CellProblem(f"'{text}' is not a whole date: the {' and '.join(missing)} "
                          f"{'is' if len(missing) == 1 else 'are'} missing; {_HINT}")
    return first


def _iso_offset(match: re.Match[str]) -> str:
    sign = "-" if match.group(1) in "-−" else "+"
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return match.group(0)  # left for the parser to refuse
    return f" {sign}{hours:02d}:{minutes:02d}"


def _plausible(moment: datetime, cell: object) -> datetime:
    """`moment`, or CellProblem quoting the cell it was read from (as text only then: most dates are fine)."""
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise CellProblem(f"'{as_text(cell)}' is not a plausible date (the year must be between {YEARS[0]} and "
                          f"{YEARS[1]})")
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > timedelta(hours=14):
        raise CellProblem(f"'{as_text(cell)}': the time zone offset is more than 14 hours")
    return moment
