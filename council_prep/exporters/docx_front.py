"""The front of the briefing book: cover, contents, at a glance, logistics and the agenda table."""

from collections.abc import Callable
from datetime import date, time

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

from council_prep.book import SECTION_TITLES, Book, Profile, Section
from council_prep.domain import LawChangeStatus, QuestionStatus, label
from council_prep.domain.schedule import over_budget, running_clock
from council_prep.exporters import docx_xml
from council_prep.exporters.docx_writer import GREY, Writer

Tick = Callable[[], None]
LONG_TITLE = 80  # characters; a longer meeting title is set smaller so the cover stays one page


def long_date(day: date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "to be confirmed"


def short_date(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def clock(moment: time) -> str:
    return f"{moment:%H:%M}"


def session_hours(book: Book) -> str:
    meeting = book.meeting
    end = running_clock(meeting.start_time, [meeting.length_minutes])[0].ends
    return f"{clock(meeting.start_time)}–{clock(end)} ({meeting.length_minutes} minutes)"


def partner_names(book: Book) -> str:
    return ", ".join(p.name for p in book.partners) or "none"


def cover(w: Writer, book: Book, tick: Tick) -> None:
    meeting = book.meeting
    if meeting.handling_marking:
        w.paragraph(meeting.handling_marking, bold=True, color=GREY).alignment = WD_ALIGN_PARAGRAPH.CENTER
    long_title = len(meeting.title) > LONG_TITLE
    w.paragraph().paragraph_format.space_before = Pt(24 if long_title else 84)
    w.paragraph(book.agreement.name, "Subtitle")
    title = w.paragraph(meeting.title, "Title", size=22 if long_title else None)
    docx_xml.bottom_rule(title, w.styles.accent)
    edition = "Public edition" if book.profile is Profile.PUBLIC else "Internal: for the delegation"
    w.paragraph(f"Briefing book · {edition}", "Subtitle")
    if book.profile is Profile.PUBLIC:
        w.paragraph("This edition leaves out the identities of askers who asked for confidentiality, "
                    "internal assessments and talking points.", italic=True, color=GREY, size=9.5)
    w.paragraph().paragraph_format.space_before = Pt(30)
    facts = [
        ("Partner" if len(book.partners) == 1 else "Partners", partner_names(book)),
        ("Government session", f"{long_date(meeting.session_date)}, {session_hours(book)}"),
        ("Public session", long_date(meeting.public_session_date)),
        ("Location", meeting.location or "to be confirmed"),
        ("Labor body", book.agreement.labor_body),
        ("Handling", meeting.handling_marking or "none"),
        ("Prepared", long_date(book.prepared_on)),
    ]
    for name, value in facts:
        if value:
            _fact(w, name, value)


def _fact(w: Writer, name: str, value: str) -> None:
    """A labelled line of the cover; long values wrap under the value, not the label."""
    paragraph = w.paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Inches(1.9), Inches(-1.9)
    fmt.tab_stops.add_tab_stop(Inches(1.9))
    fmt.space_after = Pt(6)
    w.run(paragraph, name, bold=True, color=GREY, size=10)
    w.run(paragraph, "\t" + value)


def contents(w: Writer, book: Book, tick: Tick) -> None:
    w.contents("Contents")


def at_a_glance(w: Writer, book: Book, tick: Tick) -> None:
    w.heading(SECTION_TITLES[Section.AT_A_GLANCE], 1)
    threads = [t for g in book.question_threads_by_topic() for t in g.items]
    live = sum(1 + len(t.duplicates) for t in threads)
    w.paragraph(
        f"{len(book.schedule)} agenda items taking {book.total_minutes} of {book.meeting.length_minutes} minutes; "
        f"{len(book.law_changes)} partner law changes; {len(book.open_submissions)} open submissions; "
        f"{live} public-session questions ({live - len(threads)} of them duplicates)."
    )
    w.heading("Schedule", 3)
    if book.schedule:
        w.table([("Time", 1.4), ("Item", 5), ("Lead", 2.2)],
                ([f"{clock(s.slot.starts)}–{clock(s.slot.ends)}", s.item.title, s.item.lead] for s in book.schedule))
    else:
        w.paragraph("No agenda items yet.", italic=True)
    w.heading("Law changes by status", 3)
    by_status = book.count_by(book.law_changes, lambda c: c.status)
    w.table([("Status", 3), ("Law changes", 1.2)],
            ([label(s), str(by_status.get(s, 0))] for s in LawChangeStatus),
            total=["Total", str(len(book.law_changes))])
    w.heading("Open submissions", 3)
    if book.open_submissions:
        w.table([("Submission", 5), ("Filed", 1.5), ("Status", 2)],
                ([s.identifier, s.date_filed or "", label(s.status)] for s in book.open_submissions))
    else:
        w.paragraph("None.", italic=True)
    w.heading("Questions by topic and status", 3)
    statuses = list(QuestionStatus)
    counts: dict[str, dict[QuestionStatus, int]] = {}
    for question in book.questions:
        row = counts.setdefault(book.topic_label(question.topic_key), dict.fromkeys(statuses, 0))
        row[question.status] += 1
    rows = [[topic, *(str(row[s]) for s in statuses), str(sum(row.values()))] for topic, row in sorted(counts.items())]
    w.table([("Topic", 3), *((label(s), 1.15) for s in statuses), ("Total", 0.8)], rows,
            total=["Total", *(str(sum(r[s] for r in counts.values())) for s in statuses), str(len(book.questions))])


def logistics(w: Writer, book: Book, tick: Tick) -> None:
    meeting = book.meeting
    w.heading(SECTION_TITLES[Section.LOGISTICS], 1)
    rows = [
        ["Agreement", book.agreement.name],
        ["Labor body", book.agreement.labor_body or "not recorded"],
        ["Partners", partner_names(book)],
        ["Government session", long_date(meeting.session_date)],
        ["Session hours", session_hours(book)],
        ["Public session", long_date(meeting.public_session_date)],
        ["Location", meeting.location or "to be confirmed"],
        ["Handling", meeting.handling_marking or "none"],
        ["Meeting status", label(meeting.status)],
        ["Agenda", f"{len(book.schedule)} items, {book.total_minutes} minutes"],
        ["Public-session questions", str(len(book.questions))],
    ]
    w.table([("Arrangement", 1.6), ("Details", 4.4)], rows)


def agenda(w: Writer, book: Book, tick: Tick) -> None:
    meeting = book.meeting
    w.heading(SECTION_TITLES[Section.AGENDA], 1)
    w.note(f"Government session, {long_date(meeting.session_date)}, from {clock(meeting.start_time)}; "
           f"{meeting.length_minutes} minutes available.")
    if not book.schedule:
        w.paragraph("No agenda items yet.", italic=True)
        return
    rows = ([str(n), f"{clock(s.slot.starts)}–{clock(s.slot.ends)}", s.item.title, s.item.lead, str(s.item.minutes)]
            for n, s in enumerate(book.schedule, start=1))
    w.table([("#", 0.5), ("Time", 1.4), ("Item", 4.6), ("Lead", 2), ("Min.", 0.7)], rows,
            total=["", "", "Total", "", str(book.total_minutes)])
    over = over_budget(meeting.length_minutes, [s.item.minutes for s in book.schedule])
    if over:
        w.paragraph(f"The items take {book.total_minutes} minutes, {over} more than the "
                    f"{meeting.length_minutes}-minute session.", label="Over budget: ")
    else:
        spare = meeting.length_minutes - book.total_minutes
        w.paragraph(f"The items take {book.total_minutes} of the session's {meeting.length_minutes} minutes; "
                    f"{spare} minutes to spare.", label="Within budget: ")
