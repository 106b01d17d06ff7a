"""Preferences that outlive a session: recent stores, window geometry, splitters, the last meeting."""

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "council-prep"
APPLICATION = "council-prep"
MAX_RECENT = 8


class Settings:
    """A typed face over QSettings; tests pass their own QSettings so the user's are never touched."""

    def __init__(self, backend: QSettings | None = None):
        self._qs = backend if backend is not None else QSettings(ORGANIZATION, APPLICATION)

    # Recent stores
    def recent_stores(self) -> list[Path]:
        value = self._qs.value("stores/recent", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in value or []]

    def remember_store(self, path: Path) -> None:
        """Put `path` first in the recent list, once."""
        resolved = str(path.resolve())
        paths = [resolved] + [str(p) for p in self.recent_stores() if str(p) != resolved]
        self._qs.setValue("stores/recent", paths[:MAX_RECENT])

    def forget_store(self, path: Path) -> None:
        resolved = str(path.resolve())
        self._qs.setValue("stores/recent", [str(p) for p in self.recent_stores() if str(p) != resolved])

    # Window state
    def bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{key}", value)

    # Per-store choices
    def last_meeting(self, store: Path) -> str | None:
        """The uid of the meeting last shown for `store` (uids survive copying the store)."""
        value = self._qs.value(f"meetings/{_key(store)}")
        return str(value) if value else None

    def set_last_meeting(self, store: Path, uid: str | None) -> None:
        self._qs.setValue(f"meetings/{_key(store)}", uid or "")

    def export_folder(self) -> Path | None:
        value = self._qs.value("book/folder")
        return Path(value) if value else None

    def set_export_folder(self, folder: Path) -> None:
        self._qs.setValue("book/folder", str(folder))

    # Reading
    def exchange_folder(self) -> Path | None:
        """The shared folder laptops drop their exchange packages in."""
        value = self._qs.value("exchange/folder", "")
        return Path(str(value)) if value else None

    def set_exchange_folder(self, folder: Path) -> None:
        self._qs.setValue("exchange/folder", str(folder))

    def notes_folder(self) -> Path | None:
        """Where the delegate's notebooks are kept (None: the user data folder)."""
        value = self._qs.value("reading/notes_folder")
        return Path(value) if value else None

    def set_notes_folder(self, folder: Path) -> None:
        self._qs.setValue("reading/notes_folder", str(folder))

    def reading_zoom(self) -> int:
        """Steps of Ctrl+= (positive) or Ctrl+- (negative) from the reading view's usual size."""
        try:
            return int(self._qs.value("reading/zoom", 0))
        except (TypeError, ValueError):
            return 0

    def set_reading_zoom(self, steps: int) -> None:
        self._qs.setValue("reading/zoom", steps)

    # Imports
    def import_columns(self, signature: str) -> dict[str, list[int]] | None:
        """The columns chosen last time for a file with these headers (field -> columns), if any."""
        value = self._qs.value(f"imports/{signature}", "")
        try:
            chosen = json.loads(str(value)) if value else None
        except ValueError:
            return None
        if not isinstance(chosen, dict):
            return None
        return {str(k): [int(c) for c in v] for k, v in chosen.items() if isinstance(v, list)}

    def set_import_columns(self, signature: str, columns: dict[str, list[int]]) -> None:
        self._qs.setValue(f"imports/{signature}", json.dumps(columns, sort_keys=True))

    def sync(self) -> None:
        self._qs.sync()


def _key(path: Path) -> str:
    """A settings key for a file path (slashes would make nested groups)."""
    return str(path.resolve()).replace("/", "|").replace("\\", "|")
