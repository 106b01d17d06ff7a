"""Duplicates fold under their root, whatever shape their links take; no question is left out of the book."""

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import docx

from council_prep.book import assemble_book
from council_prep.domain import Meeting, Question, QuestionStatus
from council_prep.exporters.docx import export_docx
from council_prep.store import Store


def ask(store: Store, meeting_id: int, text: str, day: int, **fields) -> Question:
    return store.questions.add(Question(meeting_id=meeting_id, text=text, topic_key="freedom_of_association",
                                        received_at=datetime(2026, 4, day, 9), asker_name=f"Asker {text}",
                                        **fields))


def test_chains_fold_under_the_root_and_cycles_lose_no_question(store: Store, tmp_path: Path):
    meeting = store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title="Threads",
                                         session_date=date(2026, 5, 12)))
    a = ask(store, meeting.id, "Question A root", 1)
    b = ask(store, meeting.id, "Question B repeats A", 2, duplicate_of=a.id)
    c = ask(store, meeting.id, "Question C repeats B", 3, duplicate_of=b.id)
    x = ask(store, meeting.id, "Question X loops", 4)
    y = ask(store, meeting.id, "Question Y loops", 5, duplicate_of=x.id)
    store.questions.update(replace(x, duplicate_of=y.id))  # X and Y: duplicates of each other
    gone = ask(store, meeting.id, "Question W withdrawn", 6, status=QuestionStatus.WITHDRAWN)
    orphan = ask(store, meeting.id, "Question O repeats a withdrawn one", 7, duplicate_of=gone.id)

    book = assemble_book(store, meeting.id)
    threads = {t.question.id: [d.id for d in t.duplicates] for t in book.question_threads()}
    assert threads == {a.id: [b.id, c.id], x.id: [y.id], orphan.id: []}
    counts = book.question_counts()
    assert (counts.total, counts.live, counts.threads, counts.duplicates, counts.withdrawn) == (7, 6, 3, 3, 1)

    path = export_docx(book, tmp_path / "book.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    for question in (a, b, c, x, y, orphan):
        assert question.text in text, f"{question.text!r} is missing from the book"
    index = next(t for t in docx.Document(str(path)).tables if t.rows[0].cells[0].text == "#")
    assert len(index.rows) - 1 == counts.total  # the index lists every question, the withdrawn one too
    assert "7 questions received: 3 printed by topic, 3 duplicates" in text
