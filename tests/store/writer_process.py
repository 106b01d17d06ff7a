"""A separate writer process for the concurrency tests: adds questions and prints each committed uid."""

import sys
from datetime import date

from council_prep.domain import Meeting, Question
from council_prep.store import Store


def main(path: str, label: str, count: int) -> None:
    with Store.open(path) as store:
        with store.transaction():
            meeting = store.meetings.one(title="Concurrency") or store.meetings.add(Meeting(
                agreement_key="cafta-dr", title="Concurrency", session_date=date(2027, 1, 1), partner_codes=["GT"]))
        for n in range(count):
            added = store.questions.add(Question(meeting_id=meeting.id, text=f"{label} question {n}"))
            print(added.uid, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
