"""The body of the briefing book: agenda items, law changes and submissions."""

from council_prep.book import SECTION_TITLES, Book, Section
from council_prep.domain import LawChange, Submission, label
from council_prep.exporters import docx_brief
from council_prep.exporters.docx_front import Tick, clock, partner_names
from council_prep.exporters.docx_writer import Writer


def law_change_anchor(change: LawChange) -> str:
    return f"_Law{change.id}"


def question_anchor(number: str) -> str:
    return "_" + number.replace(".", "_")


def agenda_items(w: Writer, book: Book, tick: Tick) -> None:
    w.heading(SECTION_TITLES[Section.AGENDA_ITEMS], 1)
    if not book.schedule:
        w.paragraph("No agenda items yet.", italic=True)
    linked_summaries = book.includes(Section.LAW_CHANGES)
    expected = _expected_questions(book)
    for n, scheduled in enumerate(book.schedule, start=1):
        tick()
        item = scheduled.item
        brief = book.brief.item(item.id) if book.brief else None
        w.heading(f"{n}. {item.title}", 2)
        if brief is not None:
            docx_brief.marks(w, item)
        lead = docx_brief.lead(brief, item)
        facts = [f"{clock(scheduled.slot.starts)}–{clock(scheduled.slot.ends)}", f"{item.minutes} min",
                 f"Lead: {lead}" if lead else "", book.topic_label(item.topic_key) if item.topic_key else "",
                 "" if book.public else label(item.status)]
        w.note(" · ".join(f for f in facts if f))
        if brief is not None:
            docx_brief.context(w, book, brief)
        if book.public:
            written = _block(w, "Public summary", item.public_summary)
        else:
            written = any([_block(w, "Objective", item.objective), _block(w, "Points to make", item.points_to_make),
                           _block(w, "Talking points", item.talking_points), docx_brief.defensive_lines(w, item),
                           _block(w, "Background", item.background),
                           _block(w, "Public summary", item.public_summary)])
        if brief is not None:
            docx_brief.follow_ups(w, book, brief)
        if scheduled.law_changes:
            w.heading("Linked law changes", 3)
            for change in scheduled.law_changes:
                bullet = w.bullet("")
                if linked_summaries and change in book.law_changes:
                    w.link_within(bullet, change.title, law_change_anchor(change))
                else:
                    w.run(bullet, change.title)
                w.run(bullet, f" ({book.partner_name(change.partner_code)}; {label(change.status).lower()})")
        if scheduled.submissions:
            w.heading("Linked submissions", 3)
            w.bullets(f"{s.identifier} ({label(s.status).lower()})" for s in scheduled.submissions)
        if expected.get(n):
            w.heading("Questions expected", 3)
            for number, text in expected[n]:
                bullet = w.bullet("")
                w.link_within(bullet, number, question_anchor(number))
                w.run(bullet, f": {text}")
        if brief is not None:
            written = written or bool(brief.continues or brief.commitments or brief.projects)
        if not (written or scheduled.law_changes or scheduled.submissions or expected.get(n) or book.public):
            w.paragraph("Nothing has been written for this item yet.", italic=True)


def _block(w: Writer, title: str, content: str | list[str]) -> bool:
    """A titled block of free text or bullets; whether there was anything to write."""
    if isinstance(content, list) and content:
        w.heading(title, 3)
        w.bullets(content)
        return True
    if isinstance(content, str) and content.strip():
        w.heading(title, 3)
        w.text(content)
        return True
    return False


def _expected_questions(book: Book) -> dict[int, list[tuple[str, str]]]:
    """(number, text) of the questions expected under each agenda item, when the book prints questions."""
    if not book.includes(Section.QUESTIONS):
        return {}
    numbers, items = book.question_numbers(), book.item_for_topic()
    expected: dict[int, list[tuple[str, str]]] = {}
    for group in book.question_threads_by_topic():
        for thread in group.items:
            item = items.get(thread.question.topic_key)
            if item is not None:
                expected.setdefault(item, []).append((numbers[thread.question.id], excerpt(thread.question.text)))
    return expected


def excerpt(text: str, limit: int = 110) -> str:
    """The text cut at a word before `limit` characters, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def law_changes(w: Writer, book: Book, tick: Tick) -> None:
    if not book.law_changes:
        w.heading(SECTION_TITLES[Section.LAW_CHANGES], 1, new_page=False, brief=True)
        w.paragraph(f"No law changes are recorded for {partner_names(book)}.", italic=True)
        return
    groups = book.law_changes_by_partner()
    with w.landscape():
        w.heading(SECTION_TITLES[Section.LAW_CHANGES], 1)
        w.paragraph(f"{len(book.law_changes)} changes in the partners' labor law, by partner and topic; "
                    "summaries follow the table.")
        rows: list = []
        for partner in groups:
            for topic in partner.items:
                rows.append(f"{partner.heading} — {topic.heading}")
                rows.extend([c.title, label(c.instrument_type), label(c.status), book.date(c.introduced_on),
                             book.date(c.adopted_on), book.date(c.effective_on), c.source_citation]
                            for c in topic.items)
        w.table([("Title", 3.1), ("Type", 1.1), ("Status", 0.95), ("Introduced", 1.25), ("Adopted", 1.25),
                 ("Effective", 1.25), ("Source", 1.8)], rows)
    for partner in groups:
        tick()
        w.heading(partner.heading, 2)
        for topic in partner.items:
            w.heading(topic.heading, 3)
            for change in topic.items:
                _law_change(w, book, change)


def _law_change(w: Writer, book: Book, change: LawChange) -> None:
    heading = w.heading(change.title, 4)
    w.bookmark(heading, law_change_anchor(change))
    dates = [f"{what} {book.date(day)}" for what, day in
             (("introduced", change.introduced_on), ("adopted", change.adopted_on),
              ("effective", change.effective_on)) if day]
    topics = ", ".join(book.topic_label(k) for k in change.topic_keys)
    w.note(" · ".join([label(change.instrument_type), label(change.status), *dates] + ([topics] if topics else [])))
    w.text(change.summary)
    w.text(change.assessment, label="Assessment: ")
    w.text(change.follow_up, label="Follow-up: ")
    if change.source_citation or change.source_url:
        source = w.paragraph(change.source_citation, label="Source: ")
        if change.source_url:
            if change.source_citation:
                source.add_run(" ")
            w.link(source, change.source_url)


def submissions(w: Writer, book: Book, tick: Tick) -> None:
    open_ones = book.open_submissions
    w.heading(SECTION_TITLES[Section.SUBMISSIONS], 1, new_page=bool(open_ones), brief=not open_ones)
    if not open_ones:
        w.paragraph(f"No open submissions concern {partner_names(book)}.", italic=True)
        return
    clock_shown = book.brief is not None  # the report clock is the internal edition's
    columns = [("Submission", 2.6), ("Filed", 1.3), ("Submitters", 3), ("Status", 1.3)]
    rows = [[s.identifier, book.date(s.date_filed), "; ".join(s.submitters), label(s.status)] for s in open_ones]
    if clock_shown:
        columns.append(("Report due", 1.5))
        for row, submission in zip(rows, open_ones, strict=True):
            row.append(report_due(book, submission))
    w.table(columns, rows)
    for submission in open_ones:
        tick()
        _submission(w, book, submission, clock_shown)


def report_due(book: Book, submission: Submission) -> str:
    """When the report on an accepted submission is due, flagged in words when it is overdue."""
    if submission.report_published_on is not None:
        return f"published {book.date(submission.report_published_on)}"
    due = submission.report_due()
    if due is None:
        return "not accepted yet" if submission.accepted_on is None else ""
    return f"{book.date(due)}{' OVERDUE' if submission.report_overdue(book.prepared_on) else ''}"


def _submission(w: Writer, book: Book, submission: Submission, clock_shown: bool) -> None:
    w.heading(submission.identifier, 2)
    topics = ", ".join(book.topic_label(k) for k in submission.topic_keys)
    facts = [f"Filed {book.date(submission.date_filed)}" if submission.date_filed else "", label(submission.status),
             topics]
    if clock_shown and submission.accepted_on is not None:
        due = report_due(book, submission)
        facts.append(f"accepted {book.date(submission.accepted_on)}; report "
                     + (due if submission.report_published_on else f"due {due}"))
    w.note(" · ".join(f for f in facts if f))
    w.text(submission.summary)
    w.text(submission.status_note, label="Status: ")
