"""Two writers at once wait for each other; a writer killed mid-way loses nothing it committed."""

import signal
import subprocess
import sys
import time
from pathlib import Path

from council_prep.store import Store

WRITER = Path(__file__).with_name("writer_process.py")


def start_writer(path: Path, label: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), str(path), label, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def prepared(path: Path) -> Path:
    Store.open(path).close()
    return path


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path):
    path = prepared(tmp_path / "shared.db")
    writers = [start_writer(path, label, 300) for label in ("first", "second")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    uids = [line for out, _ in outputs for line in out.split()]
    with Store.open(path) as store:
        assert store.questions.count() == 600
        assert {q.uid for q in store.questions.find()} == set(uids)
        assert store.meetings.count() == 1  # the meeting creation was one transaction in each writer
        assert store.check() == []


def test_writer_killed_mid_way_leaves_a_sound_store_with_every_committed_row(tmp_path: Path):
    path = prepared(tmp_path / "killed.db")
    writer = start_writer(path, "doomed", 100_000)
    committed: list[str] = []
    deadline = time.monotonic() + 60
    while len(committed) < 400 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    writer.send_signal(signal.SIGKILL)
    rest, _ = writer.communicate(timeout=30)
    committed += rest.split()
    assert writer.returncode == -signal.SIGKILL
    assert len(committed) >= 400
    with Store.open(path) as store:
        assert store.check() == []
        stored = {q.uid for q in store.questions.find()}
    assert set(committed) <= stored
    assert len(stored) - len(committed) <= 1  # at most the row committed as the kill arrived
