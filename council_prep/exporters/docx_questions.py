"""Public-session questions (threads by topic, then an index of every question) and the askers annex."""

from council_prep.book import SECTION_TITLES, WITHHELD, Book, Section
from council_prep.domain import Question, QuestionStatus, label
from council_prep.exporters.docx_front import Tick
from council_prep.exporters.docx_records import question_anchor
from council_prep.exporters.docx_writer import GREY, Writer

INDENT = 22  # points: duplicates and answers sit under their question
CONFIDENTIAL = "🔒 confidential: do not name in public"


def questions(w: Writer, book: Book, tick: Tick) -> None:
    counts = book.question_counts()
    w.heading(SECTION_TITLES[Section.QUESTIONS], 1, new_page=counts.total > 0, brief=not counts.total)
    groups = book.question_threads_by_topic()
    if not counts.total:
        w.paragraph("No questions have been received for the public session.", italic=True)
        return
    w.paragraph(f"{counts.total} questions received: {counts.threads} printed by topic, {counts.duplicates} "
                f"duplicates folded under the question they repeat, {counts.withdrawn} withdrawn (listed only in "
                "the index at the end).")
    numbers = book.question_numbers()
    for group in groups:
        tick()
        w.heading(group.heading, 2, listed=False)  # the contents stays on one page; bookmarks list them
        for thread in group.items:
            _question(w, book, thread.question, numbers[thread.question.id])
            for duplicate in thread.duplicates:
                number = numbers[duplicate.id]
                also = w.paragraph(duplicate.text, label=f"{number}. Also asked by {_asker(duplicate)}: ",
                                   italic=True, indent=INDENT)
                w.bookmark(also, question_anchor(number))
                if duplicate.confidential and not book.public:
                    w.run(also, f" ({CONFIDENTIAL})", size=9, color=GREY)
            _answer(w, book, thread.question)
    _index(w, book, numbers)


def _question(w: Writer, book: Book, question: Question, number: str) -> None:
    paragraph = w.paragraph(question.text, label=f"{number}. ", keep_next=True)
    w.bookmark(paragraph, question_anchor(number))
    facts = [f"Asked by {_asker(question)}", label(question.channel), book.date(question.received_at),
             _handling(question)]
    note = w.note(" · ".join(f for f in facts if f))
    if question.confidential and not book.public:
        w.run(note, f" · {CONFIDENTIAL}", bold=True, size=9.5, color=GREY)


def _answer(w: Writer, book: Book, question: Question) -> None:
    """The answer: in the public edition only a final one (question answered); internally any draft."""
    if book.public:
        if question.status is QuestionStatus.ANSWERED and question.suggested_answer.strip():
            w.text(question.suggested_answer, label="Answer: ", indent=INDENT)
        return
    w.text(question.suggested_answer or "no answer drafted yet", label="Suggested answer: ", indent=INDENT)


def _handling(question: Question) -> str:
    """'Assigned to X', 'Answered by X', or the bare status when nobody has it (or it is not shown)."""
    if not question.assignee:
        return label(question.status)
    wording = {QuestionStatus.ASSIGNED: "Assigned to", QuestionStatus.ANSWERED: "Answered by"}
    return f"{wording.get(question.status, label(question.status) + ', assigned to')} {question.assignee}"


def _asker(question: Question) -> str:
    name = question.asker_name or "anonymous"
    return f"{name} ({question.organization})" if question.organization else name


def _index(w: Writer, book: Book, numbers: dict[int | None, str]) -> None:
    """Every question of the meeting in one table, withdrawn ones included, so none is left out."""
    w.heading("Index of questions", 2)
    items = book.item_for_topic()
    rows = []
    ordered = sorted(book.questions, key=lambda q: (q.id not in numbers, _number_key(numbers.get(q.id))))
    for q in ordered:
        asker = q.asker_name or "anonymous"
        if q.confidential and not book.public and q.asker_name != WITHHELD:
            asker += " 🔒"
        item = items.get(q.topic_key)
        row = [numbers.get(q.id, "—"), book.topic_label(q.topic_key), asker, label(q.status)]
        if not book.public:
            row.append(q.assignee)
        row.append(str(item) if item else "none")
        rows.append(row)
    columns = [("#", 0.7), ("Topic", 1.8), ("Asker", 1.8), ("Status", 1.1)]
    if not book.public:
        columns.append(("Assignee", 1.4))
    columns.append(("Agenda item", 0.9))
    notes = ["Agenda item: the number of the item the question is expected under (the first item on its topic)."]
    if not book.public and any(q.confidential for q in book.questions):
        notes.append(f"🔒 marks askers who asked for confidentiality ({CONFIDENTIAL.removeprefix('🔒 ')}).")
    w.note(" ".join(notes))  # before the table, so that it never sits alone on a page after it
    w.table(columns, rows)


def _number_key(number: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in number[1:].split(".")) if number else (0,)


def askers(w: Writer, book: Book, tick: Tick) -> None:
    people = book.askers()
    w.heading(SECTION_TITLES[Section.ASKERS], 1, new_page=len(people) > 3, brief=not people)
    if any(q.confidential for q in book.questions):
        w.paragraph("Askers who asked for confidentiality are not listed in the public edition."
                    if book.public else
                    "Askers who asked for confidentiality are listed here for the delegation only: "
                    "do not name them in public.", italic=True)
    if people:
        w.table([("Name", 2.6), ("Organization", 3), ("Type", 1.6), ("Questions", 1.1)],
                ([a.name, a.organization, label(a.asker_type), str(a.questions)] for a in people))
    else:
        w.paragraph("No askers to list.", italic=True)
