"""One way of writing dates in the whole book, chosen once per export (US style by default)."""

from datetime import date, datetime
from enum import StrEnum


class DateStyle(StrEnum):
    US = "us"  # May 18, 2027
    INTERNATIONAL = "international"  # 18 May 2027
    ISO = "iso"  # 2027-05-18


def format_date(day: date | datetime | None, style: DateStyle = DateStyle.US) -> str:
    """`day` in `style`; "" for no date."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    if style is DateStyle.ISO:
        return day.isoformat()
    if style is DateStyle.INTERNATIONAL:
        return f"{day.day} {day:%B %Y}"
    return f"{day:%B} {day.day}, {day.year}"


def format_partial_date(value: str | None, style: DateStyle = DateStyle.US) -> str:
    """A date that may lack its day or month ("2011-12-22", "2011-12", "2011"), in `style` as far as it goes."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return format_date(date.fromisoformat(value), style)
        if len(parts) == 2:
            month = date(int(parts[0]), int(parts[1]), 1)
            return value if style is DateStyle.ISO else f"{month:%B %Y}"
    except ValueError:
        pass
    return value
