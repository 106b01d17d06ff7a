"""The workbook streamed from the store: questions read in batches (keyset cursor), duplicates' originals
found across batches, Summary counts taken on the way, and memory that does not grow with the meeting."""

import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from council_prep.book import Profile
from council_prep.book import stream as streaming
from council_prep.book.stream import stream_book
from council_prep.domain import Meeting, Question, QuestionStatus
from council_prep.exporters.xlsx import export_xlsx
from council_prep.store import Store


def add_meeting(store: Store, title: str) -> int:
    return store.meetings.add(Meeting(agreement_key="cafta-dr", partner_codes=["GT"], title=title,
                                      session_date=date(2027, 3, 4))).id  # type: ignore[return-value]


def add_questions(store: Store, meeting_id: int, count: int, text_length: int = 60) -> None:
    start = datetime(2027, 2, 1, 9, 0)
    store.questions.add_many(
        Question(meeting_id=meeting_id, text=f"Question {n} of meeting {meeting_id} ".ljust(text_length, "x"),
                 asker_name=f"Asker {n}", topic_key=["child_labor", "minimum_wages"][n % 2],
                 status=list(QuestionStatus)[n % 4], assignee="Desk officer" if n % 4 == 1 else "",
                 received_at=start + timedelta(minutes=n))
        for n in range(count))


def column(sheet, name: str) -> list:
    headers = [c.value for c in sheet[1]]
    return [row[headers.index(name)].value for row in sheet.iter_rows(min_row=2)]


def test_iterate_reads_one_meeting_in_id_order_a_batch_at_a_time(store: Store) -> None:
    first, second = add_meeting(store, "First"), add_meeting(store, "Second")
    for _ in range(3):  # interleaved ids
        add_questions(store, first, 4)
        add_questions(store, second, 3)
    batches = list(store.questions.iterate(meeting_id=first, batch_size=5))
    assert [len(b) for b in batches] == [5, 5, 2]
    ids = [q.id for b in batches for q in b]
    assert ids == sorted(ids) == [q.id for q in store.questions.find(meeting_id=first)]
    assert list(store.questions.iterate(meeting_id=999)) == []


def test_streamed_workbook_has_every_question_once_originals_and_counts(store: Store, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "BATCH", 4)
    meeting, other = add_meeting(store, "Streamed"), add_meeting(store, "Other")
    add_questions(store, meeting, 9)
    add_questions(store, other, 2)
    questions = store.questions.find(meeting_id=meeting)
    elsewhere = store.questions.find(meeting_id=other)[0]
    late = questions[-1]
    late.duplicate_of = questions[0].id  # its original is two batches back
    store.questions.update(late)
    stray = questions[1]
    stray.duplicate_of = elsewhere.id  # an original in another meeting is not this sheet's to name
    store.questions.update(stray)
    seen: list[tuple[int, int]] = []
    path = export_xlsx(stream_book(store, meeting, profile=Profile.PUBLIC), tmp_path / "book.xlsx",
                       progress=lambda done, total: seen.append((done, total)))
    book = openpyxl.load_workbook(path)
    sheet = book["Questions"]
    assert column(sheet, "uid") == [q.uid for q in questions]
    duplicates = dict(zip(column(sheet, "uid"), column(sheet, "Duplicate of"), strict=True))
    assert duplicates[late.uid] == questions[0].uid and duplicates[stray.uid] is None
    assert seen[-1] == (9, 9)
    cells = {(c.row, c.column): c.value for row in book["Summary"].iter_rows() for c in row if c.value is not None}
    assert cells[(next(r for (r, c), v in cells.items() if v == "Questions" and c == 1), 2)] == 9
    heading = next(r for (r, _), v in cells.items() if v == "Questions by topic")
    assert {cells[(r, 1)]: cells[(r, 2)] for r in (heading + 2, heading + 3)} == {
        "Child labor and its worst forms": 5, "Minimum wages": 4}
    assert {cells[(r, 4)]: cells[(r, 5)] for r in range(heading + 2, heading + 6)} == {
        "New": 3, "Assigned": 2, "Answered": 2, "Withdrawn": 2}


def _peak(store: Store, meeting_id: int, path: Path) -> int:
    tracemalloc.start()
    try:
        export_xlsx(stream_book(store, meeting_id), path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_memory_does_not_grow_with_the_number_of_questions(store: Store, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "BATCH", 100)
    small, large = add_meeting(store, "Small"), add_meeting(store, "Large")
    add_questions(store, small, 600, text_length=1_500)
    add_questions(store, large, 1_800, text_length=1_500)  # 2 MB more: a book held in memory doubles its peak
    _peak(store, small, tmp_path / "warm.xlsx")  # imports and caches out of the way
    small_peak, large_peak = _peak(store, small, tmp_path / "s.xlsx"), _peak(store, large, tmp_path / "l.xlsx")
    assert large_peak < small_peak * 1.25, (small_peak, large_peak)
