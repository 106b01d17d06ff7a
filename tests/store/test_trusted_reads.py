"""Text is cleaned on its way into the store; rows read back are trusted and not cleaned again."""

import sqlite3
from datetime import date
from pathlib import Path

from council_prep.domain import Meeting, Question, QuestionStatus
from council_prep.store import Store
from tests.helpers.sqlite import execute_raw


def test_text_set_after_a_record_was_made_is_stored_clean(store: Store, store_path: Path):
    meeting = store.meetings.add(Meeting(agreement_key="korus", title="Council", session_date=date(2027, 5, 1),
                                         partner_codes=["KR"]))
    question = Question(meeting_id=meeting.id, text="typed")
    question.text = "Bell\x07 and\x0b line\r\nend"
    question.asker_name = "Jose\u0301"  # decomposed accent
    store.questions.add(question)
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("SELECT text, asker_name FROM questions").fetchone() == ("Bell and line\nend", "José")
    assert store.questions.get(question.id).text == "Bell and line\nend"  # type: ignore[arg-type]


def test_rows_are_read_as_stored_and_check_names_text_that_was_not_cleaned(store: Store, store_path: Path):
    meeting = store.meetings.add(Meeting(agreement_key="korus", title="Council", session_date=date(2027, 5, 1),
                                         partner_codes=["KR"]))
    question = store.questions.add(Question(meeting_id=meeting.id, text="clean", status=QuestionStatus.ANSWERED))
    execute_raw(store_path, "UPDATE questions SET text = 'raw' || char(7) WHERE id = 1")
    read = store.questions.get(question.id)  # type: ignore[arg-type]
    assert read.text == "raw\x07" and read.status is QuestionStatus.ANSWERED
    assert [p for p in store.check() if "column text" in p] == [
        f"questions row 1 (uid {question.uid}), column text: "
        "holds control characters or unnormalised text that exports cannot store"]
