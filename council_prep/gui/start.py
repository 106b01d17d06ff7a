"""Opening the window from the command line's options: the display checked, the store prepared.

One function for both ways in: `council-prep` with only the window's options (council_prep.launch,
which does not load the command line's library) and the command line's group without a command.
Qt is imported only once the window is certain to open.
"""

import os
import sys
from pathlib import Path

from council_prep.errors import CouncilPrepError
from council_prep.first_run import default_store_path, prepare_store


class NoDisplayError(CouncilPrepError):
    """The window cannot open: no screen to open it on."""


def open_window(store_path: Path | None, *, read_only: bool) -> int:
    """Run the window on `store_path` (None: the default store, made on first use); the exit code."""
    if sys.platform.startswith("linux") and not _has_display():
        raise NoDisplayError("no display found (DISPLAY is not set): the window cannot open here; "
                             "see `council-prep --help` for the headless commands")
    default = default_store_path() if store_path is None else store_path  # looked up only when needed
    path, notice = prepare_store(store_path, default)
    if notice:
        print(notice, file=sys.stderr, flush=True)
    from council_prep.gui.app import run

    return run(path, read_only=read_only, notice=notice)


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")))
