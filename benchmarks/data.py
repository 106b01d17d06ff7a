"""The stores the benchmarks read, built through the store API (building is not measured)."""

import random
import subprocess
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from common import APP

WORDS = ["inspection", "wages", "overtime", "union", "freedom", "association", "bargaining", "contract",
         "harvest", "garment", "factory", "migrant", "recruitment", "fees", "child", "school",
         "agriculture", "mining", "safety", "injury", "dismissal", "strike"]
SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "va", "ze", "bo", "du", "fi", "ga", "hu", "je"]
VOCABULARY = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]  # 4,096 filler words
COMMON = "labor"  # in 49 of every 50 questions
RARE = "quarantine"  # in one question of every 10,000 (and at least one)
PREFIX = "mi"  # starts one filler syllable in 16: most questions have a word beginning with it
QUERIES = [RARE, COMMON, PREFIX]
MEETINGS = ["Large meeting", "Small meeting"]


def sentence(n: int, length: int) -> str:
    """Filler words with two subject words, so a query matches a realistic share of records."""
    chooser = random.Random(n)
    words = chooser.choices(VOCABULARY, k=length - 2) + chooser.sample(WORDS, 2)
    chooser.shuffle(words)
    return " ".join(words)


def question_text(n: int, small: int) -> str:
    """Question `n`; the first `small` go to the small meeting, so the rare word lands in the large one."""
    extra = (f" {COMMON}" if n % 50 else "") + (f" {RARE}" if (n - small) % 10_000 == 7 else "")
    return f"Question {n}: {sentence(n, 25)}{extra}?"


def demo_store(path: Path, env: dict[str, str]) -> Path:
    subprocess.run([*APP, "demo", "--store", str(path)], env=env, check=True, capture_output=True)
    return path


def large_store(path: Path, questions: int, law_changes: int) -> Path:
    """A first meeting with `questions` questions, a second with 1 % as many; `law_changes` law changes."""
    from council_prep.domain import LawChange, LawChangeStatus, Meeting, Question, QuestionStatus
    from council_prep.store import Store

    with Store.open(path) as store:
        meetings = [store.meetings.add(Meeting(
            agreement_key="us-peru-tpa", partner_codes=["PE"], title=title,
            session_date=day, start_time=clock_time(9, 0), length_minutes=360))
            for title, day in zip(MEETINGS, (date(2027, 3, 4), date(2027, 1, 4)), strict=True)]
        partners = ["PE", "CO", "GT", "MX", "HN"]
        store.law_changes.add_many(LawChange(
            partner_code=partners[n % 5], title=f"Law change {n}: {sentence(n, 6)}",
            status=list(LawChangeStatus)[n % 5], summary=sentence(n, 40)) for n in range(law_changes))
        start = datetime(2027, 1, 1, 8, 0)
        small = max(questions // 100, 1)
        store.questions.add_many(Question(
            meeting_id=meetings[0].id if n >= small else meetings[1].id, text=question_text(n, small),
            asker_name=f"Asker {n % 997}", organization=f"Organization {n % 211}",
            received_at=start + timedelta(minutes=n), status=list(QuestionStatus)[n % 4],
            assignee="Desk officer" if n % 4 == 1 else "") for n in range(questions + small))
    return path


BOOK_TOPICS = ["freedom_of_association", "collective_bargaining", "forced_labor", "child_labor", "discrimination",
               "minimum_wages", "hours_of_work", "occupational_safety_health", "labor_law_enforcement",
               "migrant_workers"]
SENTENCE = "The ministry reports progress on inspections, registration and dispute resolution in the sector. "


def book_store(path: Path, agenda_items: int, law_changes: int, questions: int) -> Path:
    """One meeting with a full book: agenda items with links, law changes with sources, questions
    (every tenth a duplicate, one in three answered, one in seventeen confidential)."""
    from council_prep.domain import AgendaItem, AskerType, LawChange, LawChangeStatus, Meeting, Question, QuestionStatus
    from council_prep.store import Store

    with Store.open(path) as store, store.transaction():
        meeting = store.meetings.add(Meeting(
            agreement_key="cafta-dr", partner_codes=["GT", "HN", "SV"], title="CAFTA-DR Labor Affairs Council",
            session_date=date(2026, 6, 2), public_session_date=date(2026, 6, 3), length_minutes=480,
            location="San Salvador", handling_marking="SENSITIVE BUT UNCLASSIFIED"))
        change_ids = []
        for n in range(law_changes):
            change_ids.append(store.law_changes.add(LawChange(
                partner_code=("GT", "HN", "SV")[n % 3], title=f"Decree {n}-2025 on labor matters, article {n % 97}",
                status=list(LawChangeStatus)[n % 5], topic_keys=[BOOK_TOPICS[n % len(BOOK_TOPICS)]],
                introduced_on=date(2024, 1, 1) + timedelta(days=n % 300), summary=SENTENCE * 3,
                source_citation=f"Diario Oficial No. {n}", source_url=f"https://example.org/decree/{n}",
                assessment=SENTENCE * 2, follow_up="Ask for implementation data.")).id)
        for n in range(agenda_items):
            store.agenda.add(AgendaItem(
                meeting_id=meeting.id, title=f"Agenda item {n + 1}: enforcement cooperation", minutes=12,
                lead="Deputy Director", objective=SENTENCE, background=SENTENCE * 4,
                talking_points=[f"Point {k}: {SENTENCE}" for k in range(4)],
                topic_key=BOOK_TOPICS[n % len(BOOK_TOPICS)], law_change_ids=change_ids[n * 5:n * 5 + 5]))
        originals: list[int] = []
        for n in range(questions):
            duplicate_of = originals[-1] if n % 10 == 9 and originals else None
            question = store.questions.add(Question(
                meeting_id=meeting.id, text=f"Question {n}: {SENTENCE}", asker_name=f"Asker {n % 700}",
                organization=f"Organization {n % 120}", asker_type=list(AskerType)[n % 6],
                topic_key=BOOK_TOPICS[n % len(BOOK_TOPICS)], received_at=datetime(2026, 5, 1) + timedelta(minutes=n),
                status=QuestionStatus.ANSWERED if n % 3 else QuestionStatus.NEW, confidential=n % 17 == 0,
                suggested_answer=SENTENCE * 2 if n % 3 else "", duplicate_of=duplicate_of))
            if duplicate_of is None:
                originals.append(question.id)
    return path


# Words questions to the desk are about; each question takes a few, and filler words for the rest.
DESK_WORDS = ["inspection", "wages", "overtime", "union", "leaders", "violence", "bargaining", "contract",
              "harvest", "garment", "factory", "migrant", "recruitment", "fees", "child", "school", "agriculture",
              "mining", "safety", "injury", "dismissal", "strike", "pension", "subcontracting", "fishing", "port",
              "maquila", "pregnancy", "discrimination", "passport", "pesticide", "heat", "court", "backlog",
              "reinstatement", "fines", "sanctions", "inspectors", "budget", "ministry", "indigenous", "women",
              "harassment", "domestic", "platform", "drivers", "teachers", "nurses", "registration", "federation"]


def desk_question(n: int) -> str:
    """Question `n` of the desk benchmarks: four subject words and eight filler words. One in 40 is the
    same mail as question n-20 (two mailboxes), one in 40 a paraphrase of question n-7."""
    if n % 40 == 39:
        return desk_question(n - 20)
    if n % 40 == 26:
        words = desk_question(n - 7)[len("What will the council do about "):-1].split()
        chooser = random.Random(-n)
        del words[chooser.randrange(len(words))]
        chooser.shuffle(words)
        return f"Could the council please tell us about {' '.join(words)} now?"
    chooser = random.Random(n)
    words = chooser.sample(DESK_WORDS, 4) + chooser.choices(VOCABULARY, k=8)
    chooser.shuffle(words)
    return f"What will the council do about {' '.join(words)}?"


def desk_store(path: Path, questions: int) -> Path:
    """One meeting with `questions` desk questions (desk_question), and a small second meeting."""
    from council_prep.domain import Meeting, Question
    from council_prep.store import Store

    with Store.open(path) as store:
        meetings = [store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title=title,
                                               session_date=date(2027, 3, 4))) for title in MEETINGS]
        store.questions.add_many(Question(meeting_id=meetings[0].id, text=desk_question(n)) for n in range(questions))
        store.questions.add_many(Question(meeting_id=meetings[1].id, text=desk_question(n))
                                 for n in range(questions, questions + questions // 100))
    return path


def typed_questions(count: int, questions: int) -> list[str]:
    """What staff type: half of them paraphrases of stored questions, half new questions."""
    typed = []
    for k in range(count):
        if k % 2:
            typed.append(desk_question(questions * 2 + k))  # never stored
        else:
            stored = desk_question((k * 7_919) % questions)
            typed.append(stored.replace("What will the council do about", "Is the council going to address"))
    return typed
