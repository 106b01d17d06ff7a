"""The light queries the question desk reads: values to complete, counts per status, answered or not."""

from datetime import date
from pathlib import Path

from council_prep.domain import Meeting, Question, QuestionStatus
from council_prep.store import Store
from council_prep.store.views import answered_ids, counts_by, distinct_values


def test_desk_queries_read_what_the_window_shows(tmp_path: Path):
    with Store.open(tmp_path / "desk.db") as store:
        meetings = [store.meetings.add(Meeting(agreement_key="us-peru-tpa", partner_codes=["PE"], title=title,
                                               session_date=date(2027, 3, 4))) for title in ("First", "Second")]
        first, second = (m.id for m in meetings)
        rows = [(first, "CGTP", "Rosa", QuestionStatus.NEW, ""), (first, "SNI", "Luis", QuestionStatus.NEW, ""),
                (first, "CGTP", "Ana", QuestionStatus.ANSWERED, "We will ask."),
                (first, "", "Kim", QuestionStatus.ASSIGNED, "  "),
                (second, "Encuentros", "Rosa", QuestionStatus.NEW, "")]
        added = [store.questions.add(Question(meeting_id=meeting, text=f"Question {n}", organization=org,
                                              asker_name=asker, status=status, suggested_answer=answer,
                                              assignee="Maria" if status is QuestionStatus.ASSIGNED else ""))
                 for n, (meeting, org, asker, status, answer) in enumerate(rows)]
        table = store.questions
        # The most used first, no empty value, one meeting or the whole store.
        assert distinct_values(table, "organization") == ["CGTP", "Encuentros", "SNI"]
        assert distinct_values(table, "organization", meeting_id=first) == ["CGTP", "SNI"]
        assert distinct_values(table, "organization", limit=1, asker_name="Rosa") == ["CGTP"]
        assert counts_by(table, "status", meeting_id=first) == {"new": 2, "answered": 1, "assigned": 1}
        ids = [q.id for q in reversed(added)]
        assert answered_ids(table, ids, answered=True) == [added[2].id]  # blank space is no answer
        assert answered_ids(table, ids, answered=False) == [added[4].id, added[3].id, added[1].id, added[0].id]
        assert answered_ids(table, [], answered=True) == []
