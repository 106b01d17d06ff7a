"""Plan a question import in a fresh process and print its outcome, time and peak memory as JSON.

Usage: python -m tests.importers.measure_plan STORE MEETING_ID FILE
"""

import json
import resource
import sys
import time
from pathlib import Path

from council_prep.errors import CouncilPrepError
from council_prep.importers import plan_question_import
from council_prep.store import Store


def own_peak_mb() -> float:
    """This program's own peak memory. `ru_maxrss` would start from the memory of the process that
    started it (a test worker grown large by the tests before); the kernel's VmHWM is this program's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    store_path, meeting_id, file = sys.argv[1:4]
    started = time.perf_counter()
    with Store.open(Path(store_path), read_only=True) as store:
        try:
            plan = plan_question_import(store, int(meeting_id), Path(file))
            outcome = {"counts": plan.counts, "problems": plan.problems[:5], "notes": plan.notes}
        except CouncilPrepError as exc:
            outcome = {"error": str(exc)}
    outcome["seconds"] = time.perf_counter() - started
    outcome["peak_mb"] = own_peak_mb()
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
