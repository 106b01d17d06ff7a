"""How long reading records back from the store takes: 100,000 questions through `find` and `get_many`.

Records read from the store are trusted (they were validated on the way in), so reading them is
row conversion only. The store is built once in a temporary folder; each figure is the median of
several runs in this process.

    .venv/bin/python benchmarks/store_reads.py [--questions N] [--runs N]
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from council_prep.domain import AskerType, Channel, Meeting, Question, QuestionStatus
from council_prep.store import Store


def build(path: Path, questions: int) -> int:
    with Store.open(path) as store:
        meeting = store.meetings.add(Meeting(agreement_key="cafta-dr", title="Benchmark meeting",
                                             session_date=datetime(2027, 3, 4).date(), partner_codes=["GT"]))
        start = datetime(2027, 2, 1, 9, 0)
        store.questions.add_many(
            Question(meeting_id=meeting.id, text=f"Question {n}: what is being done about case {n % 977}? " * 3,
                     asker_name=f"Asker {n % 5000}", organization=f"Organization {n % 300}",
                     asker_type=list(AskerType)[n % 6], channel=list(Channel)[n % 4],
                     received_at=start + timedelta(minutes=n), status=list(QuestionStatus)[n % 4],
                     assignee="J. Smith" if n % 4 == 1 else "")
            for n in range(1, questions + 1)
        )
        return meeting.id  # type: ignore[return-value]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reads.db"
        meeting_id = build(path, args.questions)
        with Store.open(path, read_only=True) as store:
            ids = store.questions.ids()
            find = [timed(lambda: store.questions.find(meeting_id=meeting_id)) for _ in range(args.runs)]
            many = [timed(lambda: store.questions.get_many(ids)) for _ in range(args.runs)]
    result = {"questions": args.questions, "find_s": round(statistics.median(find), 3),
              "get_many_s": round(statistics.median(many), 3)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
