"""Gathering one meeting's book from the store; with assemble_brief.py, the only part of the book that
reads the store."""

from collections.abc import Iterable
from datetime import date

from council_prep.book.assemble_brief import assemble_brief
from council_prep.book.dates import DateStyle
from council_prep.book.edition import Redactor
from council_prep.book.model import BRIEF_SECTIONS, SECTION_TITLES, Book, Profile, ScheduledItem, Section, Withheld
from council_prep.book.since import changes_since_last_book
from council_prep.domain.schedule import running_clock
from council_prep.store import RecordNotFoundError, Store


def assemble_book(
    store: Store,
    meeting_id: int,
    *,
    profile: Profile = Profile.INTERNAL,
    sections: Iterable[Section] | None = None,
    prepared_on: date | None = None,
    marking: str | None = None,
    date_style: DateStyle = DateStyle.US,
    prepared_by: str = "",
    version: str = "1",
    with_questions: bool = True,
) -> Book:
    """Everything the book of `meeting_id` shows, with `profile`'s redactions already made.

    `marking` is the handling marking the edition carries: by default the meeting's own for the internal
    edition and none for the public one, which never carries the internal marking. Only the internal
    edition gets the brief (participants, commitments, enforcement figures, projects).
    """
    try:
        meeting = store.meetings.get(meeting_id)
    except RecordNotFoundError:
        raise RecordNotFoundError(f"No meeting with id {meeting_id} in {store.path}") from None
    agreement = store.agreements.one(key=meeting.agreement_key)
    if agreement is None:
        raise RecordNotFoundError(f"Meeting {meeting_id} refers to an unknown agreement '{meeting.agreement_key}'")
    partners = [p for p in (store.partners.one(code=c) for c in meeting.partner_codes) if p]
    topics = {t.key: t for t in store.topics.find()}
    public = profile is Profile.PUBLIC
    redactor = Redactor(date_style)

    def topic_label(key: str | None) -> str:
        return topics[key].label if key in topics else "Other"

    law_changes = [c for code in meeting.partner_codes for c in store.law_changes.find(partner_code=code)]
    partner_order = {code: n for n, code in enumerate(meeting.partner_codes)}
    law_changes.sort(key=lambda c: (partner_order[c.partner_code],
                                    topic_label(c.topic_keys[0] if c.topic_keys else None).casefold(),
                                    c.title.casefold()))
    if public:  # redacted once, here; agenda links reuse these records
        law_changes = [redactor.law_change(c) for c in law_changes]
    submissions = sorted(
        (s for code in meeting.partner_codes for s in store.submissions.find(partner_code=code)),
        key=lambda s: (s.date_filed or "", s.identifier),
    )
    by_id_law = {c.id: c for c in law_changes}
    by_id_submission = {s.id: s for s in submissions}
    items = store.agenda.for_meeting(meeting_id)
    slots = running_clock(meeting.start_time, [i.minutes for i in items])
    schedule = [
        ScheduledItem(
            item=redactor.agenda_item(item, number) if public else item,
            slot=slot,
            law_changes=[c if c.id in by_id_law or not public else redactor.law_change(c)
                         for c in _linked(item.law_change_ids, by_id_law, store.law_changes.get_many)],
            submissions=_linked(item.submission_ids, by_id_submission, store.submissions.get_many),
        )
        for number, (item, slot) in enumerate(zip(items, slots, strict=True), start=1)
    ]
    questions = store.questions.find(meeting_id=meeting_id) if with_questions else []  # else streamed (stream.py)
    questions.sort(key=lambda q: (q.received_at.isoformat() if q.received_at else "", q.id or 0))
    since = changes_since_last_book(store, meeting, profile)
    brief = None if public else assemble_brief(store, meeting, items, partners)
    chosen = frozenset(Section) if sections is None else frozenset(sections)
    if public:
        questions = [redactor.question(q) for q in questions]
        meeting = redactor.meeting(meeting)
    edition_marking = marking if marking is not None else ("" if public else meeting.handling_marking)
    return Book(
        profile=profile,
        prepared_on=prepared_on or date.today(),
        meeting=meeting,
        agreement=agreement,
        partners=partners,
        topics=topics,
        schedule=schedule,
        law_changes=law_changes,
        submissions=submissions,
        questions=questions,
        sections=chosen,
        marking=edition_marking.strip(),
        date_style=date_style,
        prepared_by=prepared_by,
        version=version,
        withheld=list(dict.fromkeys(redactor.withheld + _brief_withheld(public, chosen))),
        changes_since=since,
        brief=brief,
    )


def _brief_withheld(public: bool, chosen: frozenset[Section]) -> list[Withheld]:
    """The public edition's note that the brief's sections it leaves out are the internal edition's alone."""
    left_out = [SECTION_TITLES[s] for s in Section if s in BRIEF_SECTIONS & chosen]
    return [Withheld("The brief", "; ".join(left_out) + " (internal edition only)")] if public and left_out else []


def _linked(ids: list[int], known: dict, fetch) -> list:
    """Linked records, from the book's own lists where possible (a link may cross partners)."""
    missing = [i for i in ids if i not in known]
    extra = {r.id: r for r in fetch(missing)} if missing else {}
    return [known.get(i) or extra[i] for i in ids if i in known or i in extra]

