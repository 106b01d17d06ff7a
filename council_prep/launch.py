"""The `council-prep` command: the window at once when only the window's options are given.

Opening the window is what the command does most, and the command line's library (click, with
its types and help formatting) is a tenth of a bare window's start. Arguments that are only
`--store FILE`, `--read-only` and `--review` open the window here without it; anything else
(a command, --help, --version, an option misspelt) goes to the command line in council_prep.cli,
which also declares these options with their help.
"""

import os
import sys
from pathlib import Path

from council_prep.bytecode import ensure_compiled
from council_prep.errors import CouncilPrepError

WINDOW_FLAGS = ("--read-only", "--review")


def window_options(args: list[str]) -> tuple[Path | None, bool] | None:
    """(store, read-only) when `args` hold only the window's options, else None (the command line reads them)."""
    from council_prep.first_run import STORE_ENV

    store, read_only = os.environ.get(STORE_ENV) or None, False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in WINDOW_FLAGS:
            read_only = True
        elif arg == "--store" and rest and not rest[0].startswith("-"):
            store = rest.pop(0)
        elif arg.startswith("--store=") and arg != "--store=":
            store = arg.removeprefix("--store=")
        else:
            return None
    if store is not None and Path(store).is_dir():
        return None  # the command line says why that cannot be a store
    return (Path(store) if store is not None else None), read_only


def main() -> None:
    ensure_compiled()  # before our other modules are imported, so that they load compiled
    options = window_options(sys.argv[1:])
    if options is None:
        from council_prep.cli import main as command_line

        command_line()
        return
    from council_prep.gui.start import open_window

    try:
        code = open_window(options[0], read_only=options[1])
    except CouncilPrepError as exc:  # as the command line reports it: one line, no traceback
        sys.exit(f"Error: {exc}")
    sys.exit(code)
