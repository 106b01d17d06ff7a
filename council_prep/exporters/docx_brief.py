"""The internal book's brief: an agenda item's marks, people, points to make and to avoid, likely asks,
press line, the item it continues, its open commitments and projects; and the open-commitments and
projects sections. The public edition has no brief (Book.brief is None) and prints none of this."""

from docx.shared import RGBColor

from council_prep.book import Book, Section
from council_prep.book.brief import ItemBrief
from council_prep.domain import AgendaItem, label
from council_prep.domain.brief import Commitment, Person, Project
from council_prep.domain.enums import BriefDepth, PressStatus, Side
from council_prep.exporters.docx_front import Tick, section_start
from council_prep.exporters.docx_writer import GREY, Writer

PAST_DUE = "PAST DUE"  # in words, not colour alone: the flag reads the same in grey print
DEPTHS = {
    BriefDepth.FULL: "Full brief: the point will be raised",
    BriefDepth.SHORT: "Short brief: the point may be raised",
    BriefDepth.DEFENSIVE: "Defensive brief: raise only if they do",
}
PRESS = {PressStatus.OPEN: "Open press", PressStatus.CLOSED: "Closed press"}


def marks(w: Writer, item: AgendaItem) -> None:
    """How deep the brief goes and whether the press is in the room, first under the item's heading."""
    line, accent = w.paragraph(keep_next=True), RGBColor.from_string(w.styles.accent)
    w.run(line, DEPTHS[item.depth].upper(), bold=True, size=9, color=accent)
    w.run(line, "  ·  ", size=9, color=GREY)
    w.run(line, PRESS[item.press].upper(), bold=True, size=9, color=accent)


def person_line(person: Person) -> str:
    """A person as the brief names them: name [pronunciation], title, organization."""
    name = f"{person.name} [{person.pronunciation}]" if person.pronunciation else person.name
    return ", ".join(part for part in (name, person.title, person.organization) if part)


def lead(brief: ItemBrief | None, item: AgendaItem) -> str:
    """The item's lead: from the directory with title where the brief names one, else as typed."""
    return person_line(brief.lead) if brief is not None and brief.lead is not None else item.lead


def context(w: Writer, book: Book, brief: ItemBrief) -> None:
    """The speakers from the directory and the earlier item this one continues, with what came of it."""
    if brief.speakers:
        w.paragraph("; ".join(person_line(p) for p in brief.speakers), label="Speakers: ")
    earlier = brief.continues
    if earlier is not None:
        held = f", {book.date(earlier.held_on)}" if earlier.held_on else ""
        w.paragraph(f"“{earlier.title}” ({earlier.meeting}{held})", label="Continues: ", keep_next=True)
        outcome = [_sentence(earlier.summary)] if earlier.summary.strip() else []
        if earlier.commitments:
            outcome.append("Commitments made: " + "; ".join(f"{c.text} ({_status(book, c)})"
                                                          for c in earlier.commitments) + ".")
        w.paragraph(" ".join(outcome) or "None recorded.", label="Outcome then: ", indent=18)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def defensive_lines(w: Writer, item: AgendaItem) -> bool:
    """Points to avoid (set apart as defensive lines), likely asks with our response, and the press line;
    whether anything was written."""
    written = False
    if item.points_to_avoid:
        w.heading("Points to avoid (defensive lines)", 3)
        for point in item.points_to_avoid:
            w.callout(w.paragraph(point, label="Avoid: "))
        written = True
    if item.asks:
        w.heading("Likely asks and our response", 3)
        w.table([("They may ask", 1), ("Our response", 1.25)],
                [[a.ask, a.response or "Response to be drafted"] for a in item.asks])
        written = True
    if item.press_line.strip():
        w.heading("Press line", 3)
        w.text(item.press_line)
        written = True
    elif item.press is PressStatus.OPEN:
        w.heading("Press line", 3)
        w.paragraph("The session is open to press and no press line is written yet.", italic=True)
        written = True
    return written


def follow_ups(w: Writer, book: Book, brief: ItemBrief) -> None:
    """The commitments still owed on the item and the cooperation projects serving it."""
    if brief.commitments:
        w.heading("Open commitments from earlier meetings", 3)
        for commitment in brief.commitments:
            bullet = w.bullet("")
            w.run(bullet, commitment.text)
            w.run(bullet, f" ({owner(book, commitment)}; {_status(book, commitment)}; "
                          f"source: {source(book, commitment)})", color=GREY)
            if commitment.past_due(book.prepared_on):
                w.run(bullet, f" {PAST_DUE}", bold=True)
    if brief.projects:
        w.heading("Cooperation projects serving this item", 3)
        w.bullets(project_line(book, p) for p in brief.projects)


def owner(book: Book, commitment: Commitment) -> str:
    """Whose commitment it is: the side (the partner by name where known) and the person."""
    person = book.brief.people.get(commitment.owner_person_id) if book.brief else None
    if commitment.side is Side.PARTNER:
        code = person.partner_code if person and person.partner_code else (
            book.partners[0].code if len(book.partners) == 1 else None)
        side = book.partner_name(code) if code else "Partner"
    else:
        side = label(commitment.side)
    return f"{side}: {person.name}" if person else side


def source(book: Book, commitment: Commitment) -> str:
    """The meeting a commitment was made at, and where its record says so."""
    meeting = book.brief.meetings.get(commitment.source_meeting_id) if book.brief else None
    return ", ".join(part for part in (meeting, commitment.source_note) if part) or "not recorded"


def _status(book: Book, commitment: Commitment) -> str:
    due = f", due {book.date(commitment.due_on)}" if commitment.due_on else ", no due date"
    return label(commitment.status).lower() + due


def commitments(w: Writer, book: Book, tick: Tick) -> None:
    owed = book.brief.commitments if book.brief else []
    if not section_start(w, Section.COMMITMENTS, bool(owed), "No commitments from earlier meetings are still open."):
        return
    late = sum(c.past_due(book.prepared_on) for c in owed)
    w.paragraph(f"{len(owed)} commitments made at earlier councils are still owed"
                + (f"; {late} past due, marked {PAST_DUE}." if late else "; none is past due."))
    numbers = {s.item.id: n for n, s in enumerate(book.schedule, start=1)}
    rows = []
    for c in owed:
        items = ", ".join(str(numbers[i]) for i in c.agenda_item_ids if i in numbers)
        flag = f"{PAST_DUE} · " if c.past_due(book.prepared_on) else ""
        rows.append([c.text, owner(book, c), book.date(c.due_on) or "not set", flag + label(c.status),
                     source(book, c), items])
    w.table([("Commitment", 2.8), ("Owner", 1.7), ("Due", 1.2), ("Status", 1.0), ("Source", 1.9),
             ("Item", 0.45)], rows)


def project_line(book: Book, project: Project) -> str:
    facts = [project.grantee, amount(project), period(book, project), label(project.status).lower()]
    return f"{project.title} ({'; '.join(f for f in facts if f)})"


def amount(project: Project) -> str:
    return f"{project.currency} {project.amount:,.0f}" if project.amount is not None else ""


def period(book: Book, project: Project) -> str:
    if not (project.start_on or project.end_on):
        return ""
    return f"{book.date(project.start_on) or 'start not set'} – {book.date(project.end_on) or 'open-ended'}"


def projects(w: Writer, book: Book, tick: Tick) -> None:
    listed = book.brief.projects if book.brief else []
    if not section_start(w, Section.PROJECTS, bool(listed),
                         "No technical cooperation projects are recorded for these partners."):
        return
    serves = book.brief.project_items if book.brief else {}
    rows: list = []
    for code in dict.fromkeys(p.partner_code for p in listed):
        rows.append(book.partner_name(code) if code else "Regional or other")
        rows.extend([p.title, p.grantee, amount(p), period(book, p), label(p.status),
                     ", ".join(map(str, serves.get(p.id, [])))] for p in listed if p.partner_code == code)
    w.table([("Project", 2.6), ("Grantee", 1.6), ("Amount", 1.2), ("Period", 1.7), ("Status", 0.8),
             ("Item", 0.5)], rows)
    described = [p for p in listed if p.summary.strip()]
    if described:
        w.heading("What the projects do", 2, listed=False)
    for project in described:
        tick()
        w.text(project.summary, label=f"{project.title}: ")
