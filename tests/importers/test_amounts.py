"""Figures and sums as statistical tables write them: read exactly, or refused with the reason."""

import pytest

from council_prep.importers.amounts import count, money, sum_of_money, unavailable
from council_prep.importers.values import CellProblem


@pytest.mark.parametrize(("cell", "expected"), [
    ("$2.5 million", (2_500_000, "USD")), ("2,500,000 USD", (2_500_000, "USD")), ("US$ 1,234.50", (1_234.5, "USD")),
    ("EUR 300,000", (300_000, "EUR")), ("1.5m", (1_500_000, None)), ("1 250 000", (1_250_000, None)),
    ("USD 3 bn", (3_000_000_000, "USD")), (2_500_000, (2_500_000, None)), (0.5, (0.5, None)),
])
def test_sums_are_read_with_their_currency(cell: object, expected: tuple) -> None:
    assert sum_of_money(cell) == expected


@pytest.mark.parametrize(("cell", "reason"), [
    ("12a", "is not a sum of money"), ("-5", "is negative"), ("(5)", "is negative"), ("1,5", "is not a number"),
    ("$5 EUR", "names two currencies"), (True, "is not a sum of money"),
])
def test_sums_refused(cell: object, reason: str) -> None:
    with pytest.raises(CellProblem, match=reason.replace("(", r"\(")):
        sum_of_money(cell)


def test_money_in_another_currency_is_refused() -> None:
    assert money("$1,000") == 1_000
    with pytest.raises(CellProblem, match="'€1,000' is in EUR, not USD; convert it to USD"):
        money("€1,000")


@pytest.mark.parametrize(("cell", "expected"), [("1,250", 1_250), (1250, 1_250), (12.0, 12), ("0", 0)])
def test_counts(cell: object, expected: float) -> None:
    assert count(cell) == expected


@pytest.mark.parametrize(("cell", "reason"), [
    ("52O", "is not a number"), ("1.234", "is not a whole number"), (12.5, "is not a whole number"),
    ("-3", "is negative"), (False, "is not a number"), ("1e400", "is not a number"),
])
def test_counts_refused(cell: object, reason: str) -> None:
    with pytest.raises(CellProblem, match=reason):
        count(cell)


def test_words_for_unavailable_but_never_zero_or_empty() -> None:
    assert all(unavailable(w) for w in ("Unavailable", "N/A", "not  available", "—", "-", "..", "n.a."))
    assert not any(unavailable(w) for w in ("0", "", None, 0, "none", "No"))
