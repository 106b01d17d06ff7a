"""A description of the machine a run happened on: CPU, cores, memory, OS, Python and libraries."""

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

LIBRARIES = ("PySide6-Essentials", "python-docx", "openpyxl", "sqlite-utils", "click", "lxml")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def _os() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, object]:
    memory = _memory_gib()
    return {
        "cpu": _cpu(), "cores": os.cpu_count(), "memory_gib": round(memory, 1) if memory else None,
        "os": _os(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
        "libraries": {name: _version(name) for name in LIBRARIES},
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def text(machine: dict[str, object]) -> str:
    libraries = ", ".join(f"{k} {v}" for k, v in machine["libraries"].items())  # type: ignore[union-attr]
    return (f"{machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB, {machine['os']}, "
            f"Python {machine['python']}, SQLite {machine['sqlite']}; {libraries}")
