"""A delegate's private notes: in a file of their own, never in the store they are about.

One notebook per store, named by the store's identity (a review copy uses the identity of the
store it was made from, so every copy shares it); each note is keyed by its record's uid, so
notes find their records again in a newer copy. A note whose record is gone is kept, with the
title it had, and listed as an orphan. The file is JSON, replaced whole on every save.
"""

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from council_prep.errors import CouncilPrepError
from council_prep.store import Store
from council_prep.store.review_copy import review_source_id

FORMAT = 1


class NotesError(CouncilPrepError):
    """The notes file cannot be written (or read) where it should be."""


@dataclass(frozen=True)
class Note:
    uid: str  # the record's
    kind: str  # agenda_item | law_change | question ...
    title: str  # the record's title when the note was last saved: an orphan still says what it was about
    text: str
    updated_at: str


def notes_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("council-prep", appauthor=False) / "notes"


def notebook_id(store: Store) -> str:
    """The identity notes are filed under: the store's own, or for a review copy its source's."""
    return review_source_id(store) or store.store_id


class Notebook:
    """The notes on one store. `set` saves at once; reading never writes."""

    def __init__(self, path: Path):
        self.path = path
        self.notice: str | None = None  # said to the user once: an unreadable file was set aside
        self._notes: dict[str, Note] = self._read()

    @classmethod
    def for_store(cls, store: Store, folder: Path | None = None) -> "Notebook":
        return cls((folder or notes_folder()) / f"{notebook_id(store)}.json")

    def _read(self) -> dict[str, Note]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {n["uid"]: Note(**n) for n in data["notes"]}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            aside = self.path.with_name(f"{self.path.stem}.unreadable-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json")
            with contextlib.suppress(OSError):
                self.path.rename(aside)
            self.notice = f"{self.path}: could not be read ({exc}); it was kept as {aside.name} and a new one begun"
            return {}

    def text(self, uid: str) -> str:
        note = self._notes.get(uid)
        return note.text if note else ""

    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def orphans(self, known_uids: set[str]) -> list[Note]:
        """Notes whose record is not among `known_uids` (deleted, or left out of this copy)."""
        return [n for n in self._notes.values() if n.uid not in known_uids]

    def set(self, uid: str, text: str, *, kind: str, title: str) -> None:
        """Save `text` as the note on record `uid` (an empty text removes the note)."""
        if text.strip():
            self._notes[uid] = Note(uid, kind, title, text, datetime.now(UTC).isoformat(timespec="seconds"))
        elif self._notes.pop(uid, None) is None:
            return
        self._write()

    def _write(self) -> None:
        """Replace the file whole: a crash leaves the previous version, never half of one."""
        data = {"format": FORMAT, "notes": [asdict(n) for n in self._notes.values()]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.stem}.", suffix=".part", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, indent=1)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            raise NotesError(f"{self.path}: notes not saved ({exc.strerror or exc})") from exc


def export_notes_docx(notes: list[tuple[str, str]], meeting_title: str, output: Path) -> Path:
    """A short Word document, "My notes for <meeting>", each note under its item's title.

    `notes` holds (title, text) pairs in reading order. The file is written beside `output` and
    renamed into place.
    """
    from docx import Document

    document = Document()
    document.add_heading(f"My notes for {meeting_title}", level=1)
    for title, text in notes:
        document.add_heading(title, level=2)
        for paragraph in text.strip().split("\n"):
            document.add_paragraph(paragraph)
    output = Path(output).expanduser()
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".docx.part", dir=output.parent)
        os.close(fd)
        try:
            document.save(temp)
            os.replace(temp, output)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
    except OSError as exc:
        raise NotesError(f"{output}: could not be written ({exc.strerror or exc})") from exc
    return output
