"""Where the bundled resources are: inside the package when installed or frozen, beside it in a checkout."""

import json
import sys
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    candidates = [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "council_prep" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("council-prep's resources folder is missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json(*parts: str) -> Any:
    """A bundled JSON file's content (reference and demo data)."""
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
