"""Two imports of the same file at once add its rows once: the plan is checked again under the write lock."""

import multiprocessing
import subprocess
import sys
from pathlib import Path

from council_prep.store import Store
from tests.exporters.xlsx_data import fill_meeting
from tests.importers.concurrent_import import plan_wait_apply
from tests.importers.files import write_csv

ROOT = Path(__file__).parents[2]


def make_file(tmp_path: Path, rows: int) -> Path:
    return write_csv(tmp_path / "q.csv", "Question,Asker\n" + "".join(f"Question {n}?,Asker {n}\n"
                                                                      for n in range(rows)))


def test_two_processes_that_planned_the_same_file_add_it_once(store_path: Path, store: Store,
                                                              tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)
    before = store.questions.count()
    store.close()
    path = make_file(tmp_path, 500)
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(2), context.Queue()
    workers = [context.Process(target=plan_wait_apply, args=(store_path, meeting_id, path, barrier, queue))
               for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    assert sorted(o.split(":")[0].split(" ")[0] for o in outcomes) == ["imported", "refused"], outcomes
    refusal = next(o for o in outcomes if o.startswith("refused"))
    assert "the store changed while the file was being checked" in refusal and "0 added" in refusal
    with Store.open(store_path) as reopened:
        assert reopened.questions.count() == before + 500


def test_two_command_lines_importing_at_once(store_path: Path, store: Store, tmp_path: Path) -> None:
    meeting_id = fill_meeting(store)
    before = store.questions.count()
    store.close()
    path = make_file(tmp_path, 3000)
    command = [sys.executable, "-c", "from council_prep.cli import main; main()", "import", "questions",
               "--store", str(store_path), "--meeting", str(meeting_id), str(path)]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert any(run.returncode == 0 for run in runs), outputs
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0 or ("the store changed" in err and "Traceback" not in err), err
    with Store.open(store_path) as reopened:
        assert reopened.questions.count() == before + 3000
