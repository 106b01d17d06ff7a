"""`council-prep` with only the window's options opens the window without the command line's library;
everything else still reaches the command line, with its help and its errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from council_prep.first_run import STORE_ENV
from council_prep.launch import window_options

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_store_in_environment(monkeypatch):
    monkeypatch.delenv(STORE_ENV, raising=False)


def test_the_window_options_are_read_as_the_command_line_reads_them(tmp_path: Path, monkeypatch):
    assert window_options([]) == (None, False)
    assert window_options(["--store", "a.db"]) == (Path("a.db"), False)
    assert window_options(["--store=a.db", "--read-only"]) == (Path("a.db"), True)
    assert window_options(["--review", "--store", "b.db"]) == (Path("b.db"), True)
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "env.db"))
    assert window_options(["--review"]) == (tmp_path / "env.db", True)
    assert window_options(["--store", "a.db"]) == (Path("a.db"), False)  # named beats the environment


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["meetings", "--store", "a.db"], ["--store"],
                                  ["--store", "--review"], ["--store="], ["--stor", "a.db"], ["--", "a.db"]])
def test_anything_else_goes_to_the_command_line(args: list[str]):
    assert window_options(args) is None


def test_a_folder_named_as_store_goes_to_the_command_line(tmp_path: Path):
    assert window_options(["--store", str(tmp_path)]) is None


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                                                             STORE_ENV)}
    return subprocess.run([sys.executable, "-m", "council_prep", *args], capture_output=True, text=True,
                          timeout=120, env={**env, "PYTHONPATH": str(ROOT)})


@pytest.mark.slow
def test_without_a_display_the_window_refuses_in_one_line(tmp_path: Path):
    done = run("--store", str(tmp_path / "new.db"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: no display found (DISPLAY is not set): the window cannot open here; "
        "see `council-prep --help` for the headless commands"]
    assert not (tmp_path / "new.db").exists()  # refused before anything was made


@pytest.mark.slow
def test_help_and_a_misspelt_option_still_reach_the_command_line(tmp_path: Path):
    helped = run("--help")
    assert helped.returncode == 0 and "--store" in helped.stdout and "export" in helped.stdout
    wrong = run("--stor", str(tmp_path / "a.db"))
    assert wrong.returncode == 2 and "No such option '--stor'" in wrong.stderr
    folder = run("--store", str(tmp_path))
    assert folder.returncode == 2 and "is a directory" in folder.stderr
