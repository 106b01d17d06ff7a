"""Cell values as people write them: dates, everyday words for choices, topics, yes/no."""

from datetime import date, datetime

import pytest

from council_prep.domain import AskerType, Channel, InstrumentType, LawChangeStatus, QuestionStatus
from council_prep.importers.dates import as_date, as_datetime
from council_prep.importers.values import CellProblem, TopicMatcher, as_bool, as_choice
from council_prep.store import Store


@pytest.mark.parametrize("value", ["2027-03-05", "3/5/2027", "03/05/2027", "5 March 2027", "March 5, 2027",
                                   date(2027, 3, 5), datetime(2027, 3, 5), 46451, 46451.0])
def test_dates_in_the_usual_forms(value: object) -> None:
    assert as_date(value) == date(2027, 3, 5)


def test_date_time_and_bad_dates() -> None:
    assert as_datetime("2027-03-05 14:30") == datetime(2027, 3, 5, 14, 30)
    assert as_datetime("") is None
    with pytest.raises(CellProblem, match="'next Tuesday-ish' is not a date"):
        as_datetime("next Tuesday-ish")
    with pytest.raises(CellProblem, match="not a date"):
        as_datetime(-5)


@pytest.mark.parametrize(("text", "member"), [
    ("Union", AskerType.WORKER_ORG), ("trade union", AskerType.WORKER_ORG),
    ("worker organization", AskerType.WORKER_ORG), ("Workers' organisation", AskerType.WORKER_ORG),
    ("worker_org", AskerType.WORKER_ORG), ("NGO", AskerType.NGO), ("Employer", AskerType.EMPLOYER),
    ("web form", Channel.WEB_FORM), ("Web-Form", Channel.WEB_FORM), ("in person", Channel.IN_PERSON),
    ("E-mail", Channel.EMAIL), ("answered", QuestionStatus.ANSWERED), ("In force", LawChangeStatus.IN_FORCE),
    ("enacted", LawChangeStatus.ADOPTED), ("Decree", InstrumentType.DECREE),
])
def test_choices_by_everyday_words(text: str, member: object) -> None:
    assert as_choice(text, type(member)) is member  # type: ignore[arg-type]


def test_unknown_choice_lists_the_allowed_ones() -> None:
    with pytest.raises(CellProblem) as caught:
        as_choice("Martian", AskerType)
    assert str(caught.value) == ("'Martian' is not one of: Workers' organization, NGO, Employer, Academic, "
                                 "Government, Public")
    assert as_choice("  ", AskerType) is None


def test_topics_by_key_label_or_keyword(store: Store) -> None:
    topics = TopicMatcher(store.topics.find())
    assert topics.one("child_labor") == "child_labor"
    assert topics.one("freedom of ASSOCIATION") == "freedom_of_association"
    assert topics.one("trade union") == "freedom_of_association"
    assert topics.one("") is None
    assert topics.many("Child labor and its worst forms; Minimum wages\nchild_labor") == ["child_labor",
                                                                                        "minimum_wages"]
    with pytest.raises(CellProblem, match="topic 'Astrology' is unknown; use one of: Freedom of association"):
        topics.one("Astrology")


def test_yes_and_no() -> None:
    assert [as_bool(v) for v in ("Yes", "n", True, 1, "x", "", None)] == [True, False, True, True, True, None, None]
    with pytest.raises(CellProblem, match="'maybe' is not yes or no"):
        as_bool("maybe")
