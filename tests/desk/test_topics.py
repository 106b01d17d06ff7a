"""A topic suggested from a question's words, with the words that suggested it."""

import pytest

from council_prep.desk.topics import Suggestion, suggest_topic
from council_prep.domain import Topic
from council_prep.store import Store


@pytest.mark.parametrize(("text", "expected"), [
    ("What is the ministry doing to protect Union Leaders from threats?",
     Suggestion("freedom_of_association", ("union leader",))),
    ("Are children below the minimum age still working in the brick kilns?",
     Suggestion("child_labor", ("minimum age",))),
    ("¿Qué hace el gobierno sobre la NEGOCIACIÓN colectiva en las maquilas?",
     Suggestion("collective_bargaining", ("negociación colectiva",))),
    ("Why are labor inspectors unable to impose fines on employers that refuse overtime pay?",
     Suggestion("labor_law_enforcement", ("labor inspector", "fines"))),
])
def test_the_taxonomy_keywords_suggest_a_topic(store: Store, text: str, expected: Suggestion):
    assert suggest_topic(text, store.topics.find()) == expected


def test_no_keyword_no_suggestion_and_words_are_whole(store: Store):
    topics = store.topics.find()
    assert suggest_topic("When does the council meet next year?", topics) is None
    assert suggest_topic("", topics) is None
    assert suggest_topic("Were the results strikingly different?", topics) is None  # not "strike"


def test_the_topic_with_more_keyword_words_wins_and_ties_go_to_the_first():
    topics = [Topic(key="a", label="A", keywords=["wages"]), Topic(key="b", label="B", keywords=["unpaid wages"]),
              Topic(key="c", label="C", keywords=["overtime"])]
    assert suggest_topic("Unpaid wages", topics) == Suggestion("b", ("unpaid wages",))
    assert suggest_topic("overtime and wages", topics) == Suggestion("a", ("wages",))
