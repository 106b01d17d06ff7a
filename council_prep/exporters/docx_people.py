"""The internal book's people: the participants page (both sides, head of delegation first) and the annex
of the counterpart officials' biographies, with pronunciation and photo."""

import struct

from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.shared import Inches

from council_prep.book import Book, Section
from council_prep.domain import label
from council_prep.exporters.docx_brief import person_line
from council_prep.exporters.docx_front import Tick, section_start
from council_prep.exporters.docx_writer import Writer

PHOTO_BOX = (Inches(1.2), Inches(1.5))  # a photo is scaled to fit, whatever its shape
PHOTO_COLUMN = Inches(1.45)
# What reading a stored photo's header may raise: the store checks only its signature and size.
UNREADABLE = (UnrecognizedImageError, InvalidImageStreamError, UnexpectedEndOfFileError, struct.error, ValueError,
              IndexError, ZeroDivisionError)


def participants(w: Writer, book: Book, tick: Tick) -> None:
    delegations = book.brief.delegations if book.brief else []
    if not section_start(w, Section.PARTICIPANTS, bool(delegations),
                         "No participants are recorded for this meeting yet."):
        return
    count = sum(len(d.members) for d in delegations)
    w.paragraph(f"{count} participants. Pronunciation, where needed, follows the name in brackets.")
    rows: list = []
    for delegation in delegations:
        rows.append(delegation.heading)
        rows.extend([_name(a.person.name, a.person.pronunciation), label(a.role), a.person.title,
                     a.person.organization] for a in delegation.members)
    w.table([("Name", 3.0), ("Role", 1.1), ("Title", 2.0), ("Organization", 2.1)], rows)


def _name(name: str, pronunciation: str) -> str:
    return f"{name}\n[{pronunciation}]" if pronunciation else name


def biographies(w: Writer, book: Book, tick: Tick) -> None:
    people = book.brief.biographies if book.brief else []
    if not section_start(w, Section.BIOGRAPHIES, bool(people),
                         "No counterpart officials are recorded for this meeting."):
        return
    for entry in people:
        tick()
        person = entry.person
        w.heading(person.name, 2)
        facts = [f"[{person.pronunciation}]" if person.pronunciation else "", person.title, person.organization]
        w.note(" · ".join(f for f in facts if f))
        if entry.photo:
            with w.beside(PHOTO_COLUMN) as holder:
                try:
                    w.picture(holder, entry.photo, f"Photo of {person_line(person)}", box=PHOTO_BOX)
                except UNREADABLE:
                    w.run(holder, "The stored photo could not be read.", italic=True, size=9)
                _biography(w, person.biography)
        else:
            _biography(w, person.biography)


def _biography(w: Writer, text: str) -> None:
    if text.strip():
        w.text(text)
    else:
        w.paragraph("No biography has been written yet.", italic=True)
