"""The body of the briefing book: agenda items, law changes, submissions, questions and the askers annex."""

from council_prep.book import SECTION_TITLES, Book, Profile, Section
from council_prep.domain import LawChange, Question, QuestionStatus, Submission, label
from council_prep.exporters.docx_front import Tick, clock, partner_names, short_date
from council_prep.exporters.docx_writer import Writer

INDENT = 22  # points: duplicates and answers sit under their question


def agenda_items(w: Writer, book: Book, tick: Tick) -> None:
    w.heading(SECTION_TITLES[Section.AGENDA_ITEMS], 1)
    if not book.schedule:
        w.paragraph("No agenda items yet.", italic=True)
    for n, scheduled in enumerate(book.schedule, start=1):
        tick()
        item = scheduled.item
        w.heading(f"{n}. {item.title}", 2)
        facts = [f"{clock(scheduled.slot.starts)}–{clock(scheduled.slot.ends)}", f"{item.minutes} min",
                 f"Lead: {item.lead}" if item.lead else "", book.topic_label(item.topic_key) if item.topic_key else "",
                 label(item.status)]
        w.note(" · ".join(f for f in facts if f))
        written = False
        for title, text in (("Objective", item.objective), ("Background", item.background)):
            if text.strip():
                w.heading(title, 3)
                w.text(text)
                written = True
            if title == "Objective" and item.talking_points:
                w.heading("Talking points", 3)
                w.bullets(item.talking_points)
                written = True
        if scheduled.law_changes:
            w.heading("Linked law changes", 3)
            w.bullets(_change_line(book, c) for c in scheduled.law_changes)
        if scheduled.submissions:
            w.heading("Linked submissions", 3)
            w.bullets(f"{s.identifier} ({label(s.status).lower()})" for s in scheduled.submissions)
        if not (written or scheduled.law_changes or scheduled.submissions):
            w.paragraph("Nothing has been written for this item yet.", italic=True)


def _change_line(book: Book, change: LawChange) -> str:
    return f"{change.title} ({book.partner_name(change.partner_code)}; {label(change.status).lower()})"


def law_changes(w: Writer, book: Book, tick: Tick) -> None:
    if not book.law_changes:
        w.heading(SECTION_TITLES[Section.LAW_CHANGES], 1)
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
                rows.extend([c.title, label(c.instrument_type), label(c.status), short_date(c.introduced_on),
                             short_date(c.adopted_on), short_date(c.effective_on), c.source_citation]
                            for c in topic.items)
        w.table([("Title", 3.1), ("Type", 1.1), ("Status", 0.95), ("Introduced", 1.1), ("Adopted", 1.1),
                 ("Effective", 1.1), ("Source", 1.8)], rows)
    for partner in groups:
        tick()
        w.heading(partner.heading, 2)
        for topic in partner.items:
            w.heading(topic.heading, 3)
            for change in topic.items:
                _law_change(w, book, change)


def _law_change(w: Writer, book: Book, change: LawChange) -> None:
    w.heading(change.title, 4)
    dates = [f"{what} {short_date(day)}" for what, day in
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
    w.heading(SECTION_TITLES[Section.SUBMISSIONS], 1)
    open_ones = book.open_submissions
    if not open_ones:
        w.paragraph(f"No open submissions concern {partner_names(book)}.", italic=True)
        return
    w.table([("Submission", 2.6), ("Filed", 1.1), ("Submitters", 3), ("Status", 1.3)],
            ([s.identifier, s.date_filed or "", "; ".join(s.submitters), label(s.status)] for s in open_ones))
    for submission in open_ones:
        tick()
        _submission(w, book, submission)


def _submission(w: Writer, book: Book, submission: Submission) -> None:
    w.heading(submission.identifier, 4)
    topics = ", ".join(book.topic_label(k) for k in submission.topic_keys)
    facts = [f"Filed {submission.date_filed}" if submission.date_filed else "", label(submission.status), topics]
    w.note(" · ".join(f for f in facts if f))
    w.text(submission.summary)
    w.text(submission.status_note, label="Status: ")


def questions(w: Writer, book: Book, tick: Tick) -> None:
    w.heading(SECTION_TITLES[Section.QUESTIONS], 1)
    groups = book.question_threads_by_topic()
    threads = [t for g in groups for t in g.items]
    if not threads:
        w.paragraph("No questions have been received for the public session.", italic=True)
        return
    folded = sum(len(t.duplicates) for t in threads)
    w.paragraph(f"{len(threads)} questions by topic; {folded} duplicates are folded under the question they "
                "repeat. Withdrawn questions are left out.")
    number = 0
    for group in groups:
        tick()
        w.heading(group.heading, 2)
        for thread in group.items:
            number += 1
            _question(w, thread.question, number)
            for duplicate in thread.duplicates:
                w.paragraph(duplicate.text, label=f"Also asked by {_asker(duplicate)}: ", italic=True, indent=INDENT)
            w.text(thread.question.suggested_answer or "no answer drafted yet", label="Suggested answer: ",
                   indent=INDENT)


def _question(w: Writer, question: Question, number: int) -> None:
    w.paragraph(question.text, label=f"Q{number}. ", keep_next=True)
    facts = [f"Asked by {_asker(question)}", label(question.channel),
             f"{question.received_at:%d %b %Y}" if question.received_at else "", _handling(question)]
    w.note(" · ".join(f for f in facts if f))


def _handling(question: Question) -> str:
    """'Assigned to X', 'Answered by X', or the bare status when nobody has it."""
    if not question.assignee:
        return label(question.status)
    wording = {QuestionStatus.ASSIGNED: "Assigned to", QuestionStatus.ANSWERED: "Answered by"}
    return f"{wording.get(question.status, label(question.status) + ', assigned to')} {question.assignee}"


def _asker(question: Question) -> str:
    name = question.asker_name or "anonymous"
    return f"{name} ({question.organization})" if question.organization else name


def askers(w: Writer, book: Book, tick: Tick) -> None:
    w.heading(SECTION_TITLES[Section.ASKERS], 1)
    people = book.askers()
    if people:
        w.table([("Name", 2.6), ("Organization", 3), ("Type", 1.6), ("Questions", 1.1)],
                ([a.name, a.organization, label(a.asker_type), str(a.questions)] for a in people))
    else:
        w.paragraph("No askers to list.", italic=True)
    if any(q.confidential for q in book.questions):
        w.paragraph("Askers who asked for confidentiality are not listed in the public edition."
                    if book.profile is Profile.PUBLIC else
                    "Some askers asked for confidentiality: their names stay out of the public edition.",
                    italic=True)
