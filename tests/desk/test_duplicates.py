"""Near-duplicate questions found from the full-text index and scored on normalised text."""

import random
from collections.abc import Callable
from datetime import date

from council_prep.desk.duplicates import DuplicateFinder, score
from council_prep.desk.words import normalised
from council_prep.domain import Meeting, Question
from council_prep.store import Store

GUATEMALA = "What is the Ministry of Labor doing to protect union leaders from violence in Guatemala?"
PARAPHRASE = "How will the Labor Ministry protect trade union leaders against the violence they face in Guatemala?"
UNRELATED = [
    "When will the partner publish its new minimum wage tables for garment factories?",
    "Has the inspectorate hired the two hundred inspectors it promised in the port of Callao?",
    "Are recruitment fees still charged to migrant workers on palm oil plantations?",
]


def test_the_same_text_scores_100_and_is_found_first(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    for text in UNRELATED:
        ask(text)
    original = ask(GUATEMALA)
    matches = DuplicateFinder(store, meeting.id).similar_to(GUATEMALA)
    assert [(m.question_id, m.score) for m in matches] == [(original.id, 100)]
    assert matches[0].shared == ("ministry", "labor", "protect", "union", "leaders", "violence", "guatemala")


def test_one_mail_received_by_two_mailboxes_scores_100(store: Store, meeting: Meeting, ask: Callable[..., Question]):
    body = ("Dear Council,\n\nWHAT is the Ministry of Labor doing to protect union leaders from violence in "
            "Guatemala?\n\nRegards,\nAna")
    first = ask(body, asker_name="Ana Pérez", channel="email")
    second = ask(body, asker_name="Ana Pérez", channel="email")
    finder = DuplicateFinder(store, meeting.id)
    assert [(m.question_id, m.score) for m in finder.similar_to(body, exclude_id=second.id)] == [(first.id, 100)]
    assert [g.question_ids for g in finder.groups()] == [(first.id, second.id)]


def test_a_reply_quoting_the_question_is_scored_on_its_own_words():
    asked = "Will the council discuss the backlog of labor court cases in Lima?"
    reply = (f"{asked.upper()}\n\n-----Original Message-----\nFrom: Public Affairs\nSent: Monday\n"
             "Subject: Questions for the public session\nPlease send your questions about forced labor.")
    quoted = "Will the council discuss the backlog of labor court cases in Lima?\n\n> Please send questions\n> now"
    outlook = f"{asked}\n________________________________\nFrom: DOL\nSent: Monday\nCall for questions"
    gmail = f"{asked}\n\nOn Mon, Feb 1, 2027 at 9:00 AM Labor Office <ilab@dol.gov> wrote:\n> send questions on wages"
    assert {normalised(other) for other in (reply, quoted, outlook, gmail)} == {normalised(asked)}
    assert {score(asked, other) for other in (reply, quoted, outlook, gmail)} == {100}
    signed = f"{asked}\n-- \nAna Pérez\nFederation of Garment Workers"
    assert normalised(signed) == normalised(asked)
    assert normalised("From: the ministry\nwhat changed?") == "from the ministry what changed"  # no reply below
    assert normalised("¡Organización  SINDICAL, ya!") == "organizacion sindical ya"
    assert normalised("Perú — 日本語, Ἀθῆναι!") == "peru 日本語 αθηναι"  # other scripts kept, without accents


def test_a_paraphrase_sharing_most_content_words_is_found(store: Store, meeting: Meeting,
                                                          ask: Callable[..., Question]):
    for text in UNRELATED:
        ask(text)
    original = ask(GUATEMALA)
    matches = DuplicateFinder(store, meeting.id).similar_to(PARAPHRASE)
    assert [m.question_id for m in matches] == [original.id]
    assert 80 <= matches[0].score <= 100
    assert set(matches[0].shared) >= {"labor", "ministry", "protect", "union", "leaders", "violence", "guatemala"}


def test_unrelated_questions_and_other_meetings_are_not_found(store: Store, meeting: Meeting,
                                                              ask: Callable[..., Question]):
    for text in UNRELATED:
        ask(text)
    other = store.meetings.add(Meeting(agreement_key="us-peru-tpa", title="Seventh meeting",
                                       session_date=date(2028, 3, 4), partner_codes=["PE"]))
    store.questions.add(Question(meeting_id=other.id, text=GUATEMALA))
    finder = DuplicateFinder(store, meeting.id)
    assert finder.similar_to(GUATEMALA) == []
    assert finder.similar_to("Coffee exports to the United States?") == []
    assert finder.similar_to("") == [] and finder.similar_to("?!") == []
    assert finder.groups() == []


def test_a_short_question_inside_a_long_one_is_not_the_same_question(store: Store, meeting: Meeting,
                                                                     ask: Callable[..., Question]):
    ask("Violence against union leaders in Guatemala has grown every year since 2020, and prosecutors have closed "
        "most cases without a trial: what will the council ask the ministry to do about impunity?")
    assert score("union leaders", "violence against union leaders in Guatemala has grown every year") < 70
    assert DuplicateFinder(store, meeting.id).similar_to("Union leaders?") == []


def test_words_the_search_syntax_would_read_are_plain_words(store: Store, meeting: Meeting,
                                                           ask: Callable[..., Question]):
    original = ask('Is "NEAR" OR AND NOT* a title: column (the strike) in Perú?')
    typed = 'is "near" or and not* a title: column (the strike) in peru'
    matches = DuplicateFinder(store, meeting.id).similar_to(typed)
    assert [(m.question_id, m.score) for m in matches] == [(original.id, 100)]


VOCABULARY = ("inspection", "garment", "factory", "wages", "overtime", "union", "strike", "dismissal", "contract",
              "subcontracting", "agriculture", "harvest", "sugar", "coffee", "mining", "fishing", "port", "textile",
              "maquila", "pregnancy", "discrimination", "migrant", "recruitment", "fees", "passport", "children",
              "school", "pesticide", "injury", "heat", "pension", "bargaining", "agreement", "court", "backlog",
              "reinstatement", "fines", "sanctions", "inspector", "budget", "ministry", "region", "indigenous",
              "women", "harassment", "domestic", "workers", "platform", "delivery", "drivers", "teachers", "nurses",
              "protest", "registration", "federation", "confederation", "employer", "blacklist", "violence",
              "threats", "prosecutor", "impunity", "decree", "reform", "regulation", "tripartite", "commission")


def test_groups_over_a_few_hundred_questions_find_exactly_the_planted_ones(store: Store, meeting: Meeting):
    chance = random.Random(11)

    def question() -> str:
        return f"What about {' '.join(chance.sample(VOCABULARY, 9))} in {chance.choice(['Lima', 'Cusco', 'Piura'])}?"

    texts = [question() for _ in range(300)]
    planted: list[tuple[int, ...]] = []
    records = [Question(meeting_id=meeting.id, text=text) for text in texts]
    for n in range(0, 60, 6):  # ten groups: the same mail twice, shouted, and a paraphrase
        text = texts[n]
        words = text[len("What about "):-1].split()
        records.append(Question(meeting_id=meeting.id, text=text))
        records.append(Question(meeting_id=meeting.id, text=text.upper() + "\n\n> quoted call for questions"))
        records.append(Question(meeting_id=meeting.id, text=f"Could the council tell us about {' and '.join(words)}?"))
    store.questions.add_many(records)
    for n in range(0, 60, 6):
        base = n + 1  # ids start at 1 in a fresh store
        first_copy = 301 + (n // 6) * 3
        planted.append((base, first_copy, first_copy + 1, first_copy + 2))
    found = DuplicateFinder(store, meeting.id).groups()
    assert sorted(g.question_ids for g in found) == sorted(planted)
    assert all(g.score >= 85 for g in found)


def test_folded_questions_form_a_group_with_their_original_first(store: Store, meeting: Meeting,
                                                                 ask: Callable[..., Question]):
    original = ask("Will the council raise the closing of the Callao union hall?")
    later = ask("A question about the pension reform and its effect on miners")
    store.questions.mark_duplicate(later.id, original.id)  # folded by hand though the words differ
    earlier = ask("Totally different: overtime in the garment sector")
    store.questions.mark_duplicate(earlier.id, later.id)  # folds onto the original
    groups = DuplicateFinder(store, meeting.id).groups()
    assert [(g.original_id, g.question_ids, g.score) for g in groups] == [
        (original.id, (original.id, later.id, earlier.id), 100)]
