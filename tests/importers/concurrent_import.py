"""One of two processes importing the same file at the same moment (see test_concurrent_import)."""

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from council_prep.importers import ImportRejected, apply_import, plan_question_import
from council_prep.store import Store


def plan_wait_apply(store_path: Path, meeting_id: int, path: Path, barrier: Barrier, outcomes: Queue) -> None:
    """Plan, wait until the other process has planned too, then apply; puts what happened on `outcomes`."""
    with Store.open(store_path) as store:
        plan = plan_question_import(store, meeting_id, path)
        barrier.wait(timeout=60)
        try:
            apply_import(store, plan)
        except ImportRejected as exc:
            outcomes.put(f"refused: {exc}")
            return
        outcomes.put(f"imported {plan.counts['added']}")
