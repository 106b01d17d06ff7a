"""Figures and sums of money as statistical tables write them, read exactly or refused with a reason.

"1,250" is a count; "US$ 2.5 million" and "$2,500,000" are the same sum in dollars; "Unavailable",
"N/A" or a dash say that the figure is not available, which is neither zero nor a number. A
separator that could be read two ways ("1.234" in a count, "1,5") is refused rather than guessed.
"""

import re
from decimal import Decimal, InvalidOperation

from council_prep.importers.values import CellProblem, as_bool, as_text

# Written for a figure that is not available: compared with the cell in lower case, spaces squeezed.
UNAVAILABLE_WORDS = frozenset({
    "unavailable", "not available", "n/a", "na", "n.a.", "n.a", "not reported", "no data", "data unavailable",
    "-", "–", "—", "..", "…", "no disponible", "nd", "n/d", "s/d", "sin datos",
})
# Currency symbols and ISO codes a sum may carry, before or after it.
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "€": "EUR",
              "eur": "EUR", "£": "GBP", "gbp": "GBP", "mx$": "MXN", "mxn": "MXN", "cop": "COP", "pen": "PEN",
              "clp": "CLP", "crc": "CRC", "₡": "CRC", "gtq": "GTQ", "hnl": "HNL",
              "dop": "DOP", "rd$": "DOP", "nio": "NIO", "c$": "NIO", "pab": "PAB", "b/": "PAB", "b/.": "PAB",
              "cad": "CAD", "can$": "CAD", "ca$": "CAD", "jod": "JOD", "mad": "MAD", "omr": "OMR", "bhd": "BHD",
              "krw": "KRW", "₩": "KRW", "sgd": "SGD", "s$": "SGD", "aud": "AUD", "a$": "AUD", "ils": "ILS",
              "₪": "ILS"}
_SCALES = {"thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6, "mio": 6, "billion": 9, "bn": 9}
_CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
_SUM = re.compile(rf"^(?P<before>{_CURRENCY})?\s*(?P<number>[\d.,\s\u00a0\u202f']+?)\s*"
                  rf"(?P<scale>{'|'.join(_SCALES)})?\.?\s*(?P<after>{_CURRENCY})?$", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")  # 1,234,567.89
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_HINT_COUNT = "a count is a whole number such as 1,250"


def unavailable(value: object) -> bool:
    """True for a cell that says the figure is not available."""
    return isinstance(value, str) and " ".join(value.split()).casefold() in UNAVAILABLE_WORDS


def count(value: object) -> float:
    """A whole number of things (inspectors, inspections, convictions)."""
    if isinstance(value, bool):
        raise CellProblem(f"'{value}' is not a number; {_HINT_COUNT}")
    number = Decimal(str(value)) if isinstance(value, (int, float)) else _number(as_text(value).strip(), _HINT_COUNT)
    if number != number.to_integral_value():
        raise CellProblem(f"'{as_text(value)}' is not a whole number; {_HINT_COUNT}")
    return _checked(number, value)


def money(value: object, currency: str = "USD") -> float:
    """A sum in `currency`: symbols, codes, thousands separators and 'million' read; another currency refused."""
    number, written = sum_of_money(value)
    if written not in (None, currency):
        raise CellProblem(f"'{as_text(value).strip()}' is in {written}, not {currency}; convert it to {currency}")
    return number


def sum_of_money(value: object) -> tuple[float, str | None]:
    """(amount, the currency the cell names or None) from '$2.5 million', 'EUR 300,000', 2500000..."""
    if isinstance(value, bool):
        raise CellProblem(f"'{value}' is not a sum of money")
    if isinstance(value, (int, float)):
        return _checked(Decimal(str(value)), value), None
    text = as_text(value).strip()
    if text.startswith(("-", "−", "(")):
        raise CellProblem(f"'{text}' is negative; a sum here cannot be")
    found = _SUM.match(text)
    if found is None or not found.group("number").strip():
        raise CellProblem(f"'{text}' is not a sum of money; write it as 2,500,000 or $2.5 million")
    written = {CURRENCIES[c.casefold()] for c in (found.group("before"), found.group("after")) if c}
    if len(written) > 1:
        raise CellProblem(f"'{text}' names two currencies ({' and '.join(sorted(written))})")
    number = _number(found.group("number").strip(), "write it as 2,500,000 or $2.5 million")
    scale = found.group("scale")
    amount = _checked(number.scaleb(_SCALES[scale.casefold()]) if scale else number, value)
    return amount, next(iter(written), None)


def yes_no(value: object) -> float:
    """Yes as 1 and no as 0, the way a figure stores them."""
    answer = as_bool(value)
    if answer is None:
        raise CellProblem("is empty; write yes, no or unavailable")
    return 1.0 if answer else 0.0


def _number(text: str, hint: str) -> Decimal:
    """A non-negative number with ',' only as a thousands separator (in groups of three) and '.' as the point."""
    squeezed = re.sub(r"[\s\u00a0\u202f']", "", text)
    if _GROUPED.match(squeezed):
        squeezed = squeezed.replace(",", "")
    if not _PLAIN.match(squeezed):
        if squeezed.startswith(("-", "−", "(")):
            raise CellProblem(f"'{text}' is negative; a figure cannot be")
        raise CellProblem(f"'{text}' is not a number; {hint}")
    try:
        return Decimal(squeezed)
    except InvalidOperation:
        raise CellProblem(f"'{text}' is not a number; {hint}") from None


def _checked(number: Decimal, value: object) -> float:
    if not number.is_finite():
        raise CellProblem(f"'{as_text(value)}' is not a number")
    if number < 0:
        raise CellProblem(f"'{as_text(value)}' is negative; a figure cannot be")
    if number >= Decimal(10) ** 15:
        raise CellProblem(f"'{as_text(value)}' is too large to be a figure")
    return float(number)
