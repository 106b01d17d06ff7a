"""Compiled modules kept beside the package's sources, even where writing them is switched off.

With PYTHONDONTWRITEBYTECODE set (or `python -B`), Python compiles every module of ours again at
every start and keeps nothing: about eighty modules, a good part of the start. `ensure_compiled`
writes the missing or stale `.pyc` files into `__pycache__` once, as `compileall` would at install
time, so later starts load them. It costs one `stat` per module when all are fresh; it does nothing
in a frozen bundle (which carries its own bytecode) or where Python writes bytecode itself, and
quietly gives up where the package folder is read-only.
"""

import os
import sys
from importlib.util import cache_from_source
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_checked: set[Path] = set()  # roots checked in this process (the launcher and the command line both ask)


def stale_sources(root: Path = PACKAGE) -> list[str]:
    """The package's .py files whose compiled file is missing or older than the source."""
    stale = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            if not name.endswith(".py"):
                continue
            source = os.path.join(folder, name)
            try:
                fresh = os.stat(cache_from_source(source)).st_mtime >= os.stat(source).st_mtime
            except OSError:
                fresh = False
            if not fresh:
                stale.append(source)
    return stale


def ensure_compiled(root: Path = PACKAGE) -> int:
    """Compile what is stale under `root` when Python will not; returns how many files were written."""
    if not sys.dont_write_bytecode or getattr(sys, "frozen", False) or root in _checked:
        return 0
    _checked.add(root)
    stale = stale_sources(root)
    if not stale:
        return 0
    import py_compile

    written = 0
    for source in stale:
        try:
            py_compile.compile(source, doraise=True)
        except (OSError, py_compile.PyCompileError):
            continue  # a read-only install or a broken file: the import reports the latter as usual
        written += 1
    return written
