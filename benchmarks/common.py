"""Running measured processes and summarising their timings: shared by every benchmark."""

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
APP = [PYTHON, "-m", "council_prep"]  # what the `council-prep` command runs
PROBE = [PYTHON, str(HERE / "probe.py")]  # the same, reporting when the window is shown
RAW = HERE / "raw"


def environment(folder: Path, **extra: str) -> dict[str, str]:
    """The tree's code first on the path, Qt offscreen, settings and logs kept inside `folder`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / "home" / name.lower())
    return env


@dataclass
class Run:
    """One finished process: wall time, CPU time, time to each JSON event it printed, peak memory."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    events: list[dict] = field(default_factory=list)

    def event(self, name: str) -> dict:
        return next(e for e in self.events if e.get("event") == name)


def run(command: list[str], env: dict[str, str], *, cwd: Path | None = None, memory: bool = False) -> Run:
    """Run `command` to its end; each JSON line it prints is kept with `at_ms`, its time since launch.

    With `memory`, the command is started through spawn.py, so that its peak memory is its own (see
    there) and its time is taken around it alone.
    """
    if memory:
        command = [PYTHON, str(HERE / "spawn.py"), *command]
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd or ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    events = []
    assert process.stdout is not None
    for line in process.stdout:
        at = (time.perf_counter() - began) * 1000
        if line.startswith("{"):
            events.append(dict(json.loads(line), at_ms=at))
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({process.returncode}): {error[-2000:]}")
    if memory:
        own = json.loads(error.strip().splitlines()[-1])["spawn"]
        return Run(seconds=own["seconds"], cpu_seconds=own["cpu_seconds"], peak_mb=own["peak_mb"], events=events)
    return Run(seconds=seconds, cpu_seconds=usage.ru_utime + usage.ru_stime, peak_mb=usage.ru_maxrss / 1024,
               events=events)


def interleaved(kinds: dict[str, Callable[[], Run]], rounds: int, *, warm: bool = True) -> dict[str, list[Run]]:
    """A B A B ...: each kind once per round, so a slow spell of a shared machine hits all alike.

    With `warm`, one untimed round first fills the OS file cache for every kind.
    """
    if warm:
        for measure in kinds.values():
            measure()
    runs: dict[str, list[Run]] = {name: [] for name in kinds}
    for _ in range(rounds):
        for name, measure in kinds.items():
            runs[name].append(measure())
    return runs


@dataclass(frozen=True)
class Spread:
    """The median of some measurements with their lowest and highest."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: list[float]) -> "Spread":
        return cls(statistics.median(values), min(values), max(values), len(values))

    def text(self, unit: str = "ms", digits: int = 0) -> str:
        return f"{self.median:,.{digits}f} {unit} ({self.low:,.{digits}f}–{self.high:,.{digits}f}, n={self.count})"


@dataclass
class Row:
    """One line of the printed table: what was measured, the app, the raw baseline, the result."""

    what: str
    app: str
    raw: str
    result: str


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
