"""The internal book's people: the participants page (both sides, head of delegation first) and the annex
of the counterpart officials' biographies, with pronunciation and photo."""

import struct

from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Inches

from council_prep.book import SECTION_TITLES, Book, Section
from council_prep.domain import label
from council_prep.exporters.docx_brief import person_line
from council_prep.exporters.docx_front import Tick
from council_prep.exporters.docx_writer import Writer

PHOTO_BOX = (Inches(1.2), Inches(1.5))  # a photo is scaled to fit, whatever its shape


def participants(w: Writer, book: Book, tick: Tick) -> None:
    delegations = book.brief.delegations if book.brief else []
    w.heading(SECTION_TITLES[Section.PARTICIPANTS], 1, new_page=bool(delegations), brief=not delegations)
    if not delegations:
        w.paragraph("No participants are recorded for this meeting yet.", italic=True)
        return
    count = sum(len(d.members) for d in delegations)
    w.paragraph(f"{count} participants. Pronunciation, where needed, follows the name in brackets.")
    rows: list = []
    for delegation in delegations:
        rows.append(delegation.heading)
        rows.extend([_name(a.person.name, a.person.pronunciation), label(a.role), a.person.title,
                     a.person.organization] for a in delegation.members)
    w.table([("Name", 2.4), ("Role", 1.3), ("Title", 2.1), ("Organization", 2.2)], rows)


def _name(name: str, pronunciation: str) -> str:
    return f"{name} [{pronunciation}]" if pronunciation else name


def biographies(w: Writer, book: Book, tick: Tick) -> None:
    people = book.brief.biographies if book.brief else []
    w.heading(SECTION_TITLES[Section.BIOGRAPHIES], 1, new_page=bool(people), brief=not people)
    if not people:
        w.paragraph("No counterpart officials are recorded for this meeting.", italic=True)
        return
    for entry in people:
        tick()
        person = entry.person
        w.heading(person.name, 2)
        facts = [f"[{person.pronunciation}]" if person.pronunciation else "", person.title, person.organization]
        w.note(" · ".join(f for f in facts if f))
        if entry.photo:
            holder = w.paragraph(keep_next=bool(person.biography.strip()))
            try:
                w.picture(holder, entry.photo, f"Photo of {person_line(person)}", box=PHOTO_BOX)
            except (UnrecognizedImageError, struct.error, ValueError, IndexError, ZeroDivisionError):
                w.run(holder, "The stored photo could not be read.", italic=True)
        if person.biography.strip():
            w.text(person.biography)
        else:
            w.paragraph("No biography has been written yet.", italic=True)
