"""One voice: one date style, names sorted as a reader expects."""

from datetime import date, datetime

from council_prep.book.collation import sort_key
from council_prep.book.dates import DateStyle, format_date, format_partial_date


def test_dates_in_one_style_us_by_default():
    assert format_date(date(2027, 5, 18)) == "May 18, 2027"
    assert format_date(datetime(2027, 5, 3, 14, 5)) == "May 3, 2027"
    assert format_date(date(2027, 5, 18), DateStyle.INTERNATIONAL) == "18 May 2027"
    assert format_date(date(2027, 5, 18), DateStyle.ISO) == "2027-05-18"
    assert format_date(None) == ""
    assert format_partial_date("2011-12-22") == "December 22, 2011"
    assert format_partial_date("2011-12") == "December 2011"
    assert format_partial_date("2011") == "2011"
    assert format_partial_date("2011-12", DateStyle.ISO) == "2011-12"


def test_names_sort_with_accents_and_case_ignored():
    names = ["Yesenia Ruiz", "Óscar Díaz", "ana López", "Álvaro Paz", "Zoë Hart", "oscar Mena", "Ana Lopez"]
    assert sorted(names, key=sort_key) == ["Álvaro Paz", "Ana Lopez", "ana López", "Óscar Díaz", "oscar Mena",
                                           "Yesenia Ruiz", "Zoë Hart"]
