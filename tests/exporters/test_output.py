"""All-or-nothing output files: the previous file survives a failure, permissions are ordinary."""

import errno
import os
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from council_prep.domain import Meeting, Question
from council_prep.exporters.output import ExportCancelled, ExportError, atomic_output, check_cancelled, save_package
from council_prep.exporters.scratch import STALE_AFTER_SECONDS, clean_leftovers
from council_prep.store import Store


def test_success_replaces_the_file_with_ordinary_permissions(tmp_path: Path):
    target = tmp_path / "book.docx"
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["book.docx"]


def test_replacing_keeps_the_previous_files_mode(tmp_path: Path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failure_or_cancel_keeps_the_previous_file_and_leaves_no_temp(tmp_path: Path):
    target = tmp_path / "book.docx"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")
    with pytest.raises(ExportCancelled, match="no file was written"), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        check_cancelled(lambda: True, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["book.docx"]


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ExportError, match="does not exist"), atomic_output(tmp_path / "nope" / "b.docx"):
        pass


def test_a_failed_write_names_the_output_and_a_template_failure_names_the_template(tmp_path: Path):
    target = tmp_path / "book.docx"
    with pytest.raises(ExportError, match=r"book\.docx: could not be written \(No space left on device\)"), \
            atomic_output(target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    template = tmp_path / "missing-template.docx"
    with pytest.raises(FileNotFoundError) as raised, atomic_output(target):
        template.read_bytes()
    assert raised.value.filename == str(template)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_a_package_written_to_a_full_device_fails_once_in_words(tmp_path: Path):
    """/dev/full takes the write and fails it with ENOSPC, as a full disk does."""
    with pytest.raises(OSError) as raised:
        save_package(lambda stream: stream.write(b"PK" * 100_000), Path("/dev/full"))
    assert raised.value.errno == errno.ENOSPC


# Leftovers of killed exports


def leftover(root: Path, pid: int, age_seconds: float, part: Path | None = None) -> Path:
    """A scratch folder as process `pid` left it `age_seconds` ago, noting `part` as open."""
    folder = root / f"{pid}-{os.urandom(4).hex()}"
    folder.mkdir(parents=True)
    (folder / "sheet.xml").write_text("<row>Confidential asker</row>")
    if part is not None:
        (folder / "part-0123").write_text(str(part))
    stamp = time.time() - age_seconds
    os.utime(folder, (stamp, stamp))
    return folder


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_old_leftovers_of_dead_processes_are_cleaned(tmp_path: Path):
    root = tmp_path / "council-prep-tmp"
    part = tmp_path / ".book.x1y2.xlsx.part"
    part.write_bytes(b"half a book")
    old_dead = leftover(root, dead_pid(), STALE_AFTER_SECONDS + 60, part)
    young_dead = leftover(root, dead_pid(), 10)
    old_alive = leftover(root, os.getppid(), STALE_AFTER_SECONDS + 60)
    not_ours = root / "notes"
    not_ours.mkdir()
    os.utime(not_ours, (0, 0))
    removed = clean_leftovers(root)
    assert set(removed) == {old_dead, part}
    assert sorted(p.name for p in root.iterdir()) == sorted([young_dead.name, old_alive.name, "notes"])
    assert not part.exists()


def test_a_note_cannot_make_cleaning_remove_an_ordinary_file(tmp_path: Path):
    root = tmp_path / "council-prep-tmp"
    precious = tmp_path / "book.xlsx"
    precious.write_bytes(b"the finished book")
    leftover(root, dead_pid(), STALE_AFTER_SECONDS + 60, precious)
    clean_leftovers(root)
    assert precious.read_bytes() == b"the finished book"


@pytest.mark.slow
def test_an_export_killed_midway_leaves_nothing_that_the_next_export_does_not_clean(tmp_path: Path):
    """A real export of a large workbook is killed (SIGKILL) midway; its sheets were streaming into
    our scratch folder, not the system temp folder, and the next export removes them and the
    hidden .part file."""
    store = tmp_path / "large.db"
    with Store.open(store) as opened:
        meeting = opened.meetings.add(Meeting(agreement_key="cafta-dr", title="Large meeting",
                                              session_date=date(2027, 3, 4), partner_codes=["GT"]))
        opened.questions.add_many(
            Question(meeting_id=meeting.id, text=f"Question {n} on wages and hours in sector {n}? " * 4,
                     asker_name=f"Confidential asker {n}", confidential=True) for n in range(40_000))
        small = opened.meetings.add(Meeting(agreement_key="cafta-dr", title="Small meeting",
                                            session_date=date(2027, 6, 1), partner_codes=["GT"]))
    cache, system_temp, out = tmp_path / "cache", tmp_path / "system-temp", tmp_path / "out"
    for folder in (system_temp, out):
        folder.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TMPDIR": str(system_temp)}
    command = [sys.executable, "-m", "council_prep", "export", "xlsx", "--store", str(store), "--meeting"]
    scratch = cache / "council-prep" / "council-prep-tmp"
    export = subprocess.Popen([*command, str(meeting.id), "-o", str(out / "book.xlsx")], env=env,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while sum(f.stat().st_size for f in scratch.rglob("*.xml")) < 1_000_000:
        assert export.poll() is None, "the export ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    export.kill()
    export.wait()
    [killed] = [p for p in scratch.iterdir() if p.name.startswith(f"{export.pid}-")]
    [part] = out.iterdir()
    assert part.name.startswith(".book.") and part.name.endswith(".xlsx.part")
    assert b"Confidential asker" in b"".join(f.read_bytes() for f in killed.glob("*.xml"))
    assert list(system_temp.iterdir()) == []  # nothing of the sheets went to the system temp folder

    next_export = subprocess.run([*command, str(small.id), "-o", str(tmp_path / "other.xlsx")], env=env,
                                 capture_output=True, timeout=120)
    assert next_export.returncode == 0
    assert killed.exists() and part.exists()  # too young to be sure its process is gone for good
    stamp = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(killed, (stamp, stamp))
    assert subprocess.run([*command, str(small.id), "-o", str(tmp_path / "again.xlsx")], env=env,
                          timeout=120).returncode == 0
    assert not killed.exists() and list(out.iterdir()) == []
    assert list(scratch.iterdir()) == [] and list(system_temp.iterdir()) == []
