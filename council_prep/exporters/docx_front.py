"""The front of the briefing book: cover, contents, at a glance, logistics and the agenda table."""

from collections.abc import Callable
from datetime import time

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

from council_prep.book import SECTION_TITLES, Book, Profile, Section
from council_prep.book.collation import sort_key
from council_prep.domain import LawChangeStatus, QuestionStatus, label
from council_prep.domain.schedule import over_budget, running_clock
from council_prep.exporters import docx_xml
from council_prep.exporters.docx_writer import GREY, Writer

Tick = Callable[[], None]
LONG_TITLE = 80  # characters; a longer meeting title is set smaller so the cover stays one page
DISTRIBUTION = {Profile.INTERNAL: "Delegation only", Profile.PUBLIC: "Public"}


def clock(moment: time) -> str:
    return f"{moment:%H:%M}"


def session_hours(book: Book) -> str:
    meeting = book.meeting
    end = running_clock(meeting.start_time, [meeting.length_minutes])[0].ends
    return f"{clock(meeting.start_time)}–{clock(end)} ({meeting.length_minutes} minutes)"


def partner_names(book: Book) -> str:
    return ", ".join(p.name for p in book.partners) or "none"


def section_start(w: Writer, section: Section, has_content: bool, empty: str) -> bool:
    """A section's heading, on a page of its own when it has content; else the heading and `empty` (one
    sentence saying there is nothing), sharing the page. Whether there is content to write."""
    w.heading(SECTION_TITLES[section], 1, new_page=has_content, brief=not has_content)
    if not has_content:
        w.paragraph(empty, italic=True)
    return has_content


def cover(w: Writer, book: Book, tick: Tick) -> None:
    """The cover: the edition's marking once, title and facts, and the document-control block; the
    cover page carries no running header or page number."""
    meeting = book.meeting
    if book.marking:
        w.paragraph(book.marking, bold=True, color=GREY).alignment = WD_ALIGN_PARAGRAPH.CENTER
    long_title = len(meeting.title) > LONG_TITLE
    w.paragraph().paragraph_format.space_before = Pt(24 if long_title else 72)
    w.paragraph(book.agreement.name, "Subtitle")
    title = w.paragraph(meeting.title, "Title", size=22 if long_title else None)
    docx_xml.bottom_rule(title, w.styles.accent)
    edition = "Public edition" if book.public else "Internal: for the delegation"
    w.paragraph(f"Briefing book · {edition}", "Subtitle")
    if book.public:
        w.paragraph("This edition leaves out internal fields (objectives, talking points, backgrounds, "
                    "assessments, follow-ups, draft answers, assignees) and the identities of askers who "
                    "asked for confidentiality.", italic=True, color=GREY, size=9.5)
    w.paragraph().paragraph_format.space_before = Pt(24)
    facts = [
        ("Partner" if len(book.partners) == 1 else "Partners", partner_names(book)),
        ("Government session", f"{book.date(meeting.session_date) or 'to be confirmed'}, {session_hours(book)}"),
        ("Public session", book.date(meeting.public_session_date) or "to be confirmed"),
        ("Location", meeting.location or "to be confirmed"),
        ("Labor body", book.agreement.labor_body),
    ]
    if book.brief is not None and meeting.book_due_on is not None:
        facts.append(("Book due", f"{book.date(meeting.book_due_on)}, to the delegation"))
    for name, value in facts:
        if value:
            _fact(w, name, value)
    w.paragraph("Document control", bold=True, color=GREY).paragraph_format.space_before = Pt(18)
    control = [
        ("Version", book.version),
        ("Prepared", book.date(book.prepared_on) + (f" by {book.prepared_by}" if book.prepared_by else "")),
        ("Distribution", DISTRIBUTION[book.profile]),
    ]
    for name, value in control:
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
    counts = book.question_counts()
    w.paragraph(
        f"{len(book.schedule)} agenda items taking {book.total_minutes} of {book.meeting.length_minutes} minutes; "
        f"{len(book.law_changes)} partner law changes; {len(book.open_submissions)} open submissions; "
        f"{counts.total} public-session questions ({counts.duplicates} duplicates, {counts.withdrawn} withdrawn)."
    )
    if book.brief is not None:
        owed = book.brief.commitments
        late = sum(c.past_due(book.prepared_on) for c in owed)
        due = book.meeting.book_due_on
        w.paragraph(f"{len(owed)} commitments from earlier meetings still open ({late} past due); "
                    f"{sum(len(d.members) for d in book.brief.delegations)} participants"
                    + (f"; the book is due to the delegation on {book.date(due)}." if due else "."))
    w.heading("Schedule", 2, listed=False)
    if book.schedule:
        w.table([("Time", 1.4), ("Item", 5), ("Lead", 2.2)],
                ([f"{clock(s.slot.starts)}–{clock(s.slot.ends)}", s.item.title, book.lead(s.item)]
                 for s in book.schedule))
    else:
        w.paragraph("No agenda items yet.", italic=True)
    w.heading("Law changes by status", 2, listed=False)
    by_status = book.count_by(book.law_changes, lambda c: c.status)
    w.table([("Status", 3), ("Law changes", 1.2)],
            ([label(s), str(by_status.get(s, 0))] for s in LawChangeStatus),
            total=["Total", str(len(book.law_changes))])
    _law_change_chart(w, book)
    w.heading("Open submissions", 2, listed=False)
    if book.open_submissions:
        w.table([("Submission", 5), ("Filed", 1.7), ("Status", 2)],
                ([s.identifier, book.date(s.date_filed), label(s.status)] for s in book.open_submissions))
    else:
        w.paragraph("None.", italic=True)
    w.heading("Questions by topic and status", 2, listed=False)
    statuses = list(QuestionStatus)
    counted: dict[str, dict[QuestionStatus, int]] = {}
    for question in book.questions:
        row = counted.setdefault(book.topic_label(question.topic_key), dict.fromkeys(statuses, 0))
        row[question.status] += 1
    rows = [[topic, *(str(row[s]) for s in statuses), str(sum(row.values()))]
            for topic, row in sorted(counted.items(), key=lambda kv: sort_key(kv[0]))]
    w.table([("Topic", 3), *((label(s), 1.15) for s in statuses), ("Total", 0.8)], rows,
            total=["Total", *(str(sum(r[s] for r in counted.values())) for s in statuses), str(counts.total)])


def _law_change_chart(w: Writer, book: Book) -> None:
    """Law changes by partner and status, as a stacked bar chart whose alt text gives every figure."""
    if not book.law_changes:
        return
    partners = book.law_changes_by_partner()
    statuses = [s for s in LawChangeStatus if any(c.status is s for c in book.law_changes)]
    counts = {p.heading: book.count_by((c for t in p.items for c in t.items), lambda c: c.status) for p in partners}
    series = [(label(s), [counts[p.heading].get(s, 0) for p in partners]) for s in statuses]
    described = "; ".join(
        f"{p.heading}: " + ", ".join(f"{n} {label(s).lower()}" for s, n in counts[p.heading].items())
        for p in partners)
    w.chart("Law changes by partner and status", [p.heading for p in partners], series,
            f"Bar chart of partner law changes by partner and status. {described}.")


def logistics(w: Writer, book: Book, tick: Tick) -> None:
    meeting = book.meeting
    w.heading(SECTION_TITLES[Section.LOGISTICS], 1, new_page=False)  # a short table: it shares a page
    rows = [
        ["Agreement", book.agreement.name],
        ["Labor body", book.agreement.labor_body or "not recorded"],
        ["Partners", partner_names(book)],
        ["Government session", book.date(meeting.session_date) or "to be confirmed"],
        ["Session hours", session_hours(book)],
        ["Public session", book.date(meeting.public_session_date) or "to be confirmed"],
        ["Location", meeting.location or "to be confirmed"],
        ["Meeting status", label(meeting.status)],
        ["Agenda", f"{len(book.schedule)} items, {book.total_minutes} minutes"],
        *([["Handling", book.marking]] if book.marking else []),
        ["Public-session questions", str(book.question_counts().total)],
    ]
    w.table([("Arrangement", 1.6), ("Details", 4.4)], rows)


def agenda(w: Writer, book: Book, tick: Tick) -> None:
    meeting = book.meeting
    w.heading(SECTION_TITLES[Section.AGENDA], 1)
    when = book.date(meeting.session_date) or "date to be confirmed"
    w.note(f"Government session, {when}, from {clock(meeting.start_time)}; "
           f"{meeting.length_minutes} minutes available.")
    if not book.schedule:
        w.paragraph("No agenda items yet.", italic=True)
        return
    # The budget first: after the table it could be left alone on a page.
    over = over_budget(meeting.length_minutes, [s.item.minutes for s in book.schedule])
    if over:
        w.paragraph(f"The items take {book.total_minutes} minutes, {over} more than the "
                    f"{meeting.length_minutes}-minute session.", label="Over budget: ", keep_next=True)
    else:
        spare = meeting.length_minutes - book.total_minutes
        w.paragraph(f"The items take {book.total_minutes} of the session's {meeting.length_minutes} minutes; "
                    f"{spare} minutes to spare.", label="Within budget: ", keep_next=True)
    rows = ([str(n), f"{clock(s.slot.starts)}–{clock(s.slot.ends)}", s.item.title, book.lead(s.item),
             str(s.item.minutes)] for n, s in enumerate(book.schedule, start=1))
    w.table([("#", 0.5), ("Time", 1.4), ("Item", 4.6), ("Lead", 2), ("Min.", 0.7)], rows,
            total=["", "", "Total", "", str(book.total_minutes)])
