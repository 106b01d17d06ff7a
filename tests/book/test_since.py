"""The page "Changes since the book of …": in a book made after edits, absent from the first book."""

from pathlib import Path

from docx import Document

from council_prep.book import Profile, assemble_book
from council_prep.demo import load_demo
from council_prep.domain import AgendaItem, LawChangeStatus, Question, QuestionStatus
from council_prep.exporters.docx import export_docx
from council_prep.store import Store


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_first_book_has_no_such_page_and_the_next_lists_what_changed(store_path: Path, tmp_path: Path):
    with Store.open(store_path) as store:
        load_demo(store)
        meeting = store.meetings.find()[0]
        first = tmp_path / "first.docx"
        export_docx(assemble_book(store, meeting.id), first)
        assert not any(t.startswith("Changes since the book of") for t in texts(first))
        store.record_export(meeting.uid, "docx", "internal", first.name)
        store.record_export(meeting.uid, "docx", "public", "first-public.docx")

        items = store.agenda.for_meeting(meeting.id)
        store.agenda.add(AgendaItem(meeting_id=meeting.id, title="Cooperation on inspections"))
        items[0].objective = "A new objective"
        items[0].talking_points = [*items[0].talking_points, "A new point"]
        store.agenda.update(items[0])
        store.agenda.move(items[1].id, 3)
        removed = items[-1]
        store.agenda.delete(removed.id)
        change = next(c for c in store.law_changes.find() if c.partner_code in meeting.partner_codes
                      and c.status is not LawChangeStatus.REPEALED)
        change.status = LawChangeStatus.REPEALED
        store.law_changes.update(change)
        store.questions.add(Question(meeting_id=meeting.id, text="Asked after the first book"))
        question = next(q for q in store.questions.find(meeting_id=meeting.id)
                        if q.status is not QuestionStatus.ANSWERED)
        question.status, question.suggested_answer = QuestionStatus.ANSWERED, "Our answer"
        store.questions.update(question)
        typo = store.questions.add(Question(meeting_id=meeting.id, text="Added and withdrawn at once"))
        store.questions.delete(typo.id)

        internal = assemble_book(store, meeting.id).changes_since
        assert internal.items_added == ["Cooperation on inspections"]
        assert internal.items_removed == [removed.title]
        assert (items[1].title, 2, 3) in internal.items_moved  # and the item it changed places with
        assert {title for title, _, _ in internal.items_moved} == {items[1].title, items[2].title}
        assert [(r.title, r.fields) for r in internal.items_reworded] == [
            (items[0].title, ["Objective", "Talking points"])]
        assert internal.law_changes_status == [(change.title, internal.law_changes_status[0][1], "Repealed")]
        assert internal.questions_new == ["Asked after the first book"]  # the one withdrawn at once is no change
        assert internal.questions_answered == [question.text]

        second = tmp_path / "second.docx"
        export_docx(assemble_book(store, meeting.id), second)
        lines = texts(second)
        heading = next(t for t in lines if t.startswith("Changes since the book of"))
        assert heading.strip().endswith(f"{internal.since.astimezone():%B %-d, %Y}")  # the book's US date style
        assert "Agenda items added (1)" in lines and "Cooperation on inspections" in lines
        assert f"{items[0].title}: objective, talking points" in lines

        public = assemble_book(store, meeting.id, profile=Profile.PUBLIC).changes_since
        assert public.items_reworded == []  # objectives and talking points are internal
        assert public.questions_answered == []
        assert public.items_added == ["Cooperation on inspections"]
