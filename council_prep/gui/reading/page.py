"""One agenda item as a page to read: HTML for a text browser, in the order a delegation head reads a brief."""

import html
from dataclasses import dataclass

from council_prep.domain import AgendaItem, LawChange, Meeting, Question, Submission, label
from council_prep.domain.schedule import Slot
from council_prep.gui.lookups import Lookups
from council_prep.notes import Note

LINK = "record:{kind}/{id}"  # a link to another record; a URL scheme may not hold "_"


@dataclass(frozen=True)
class ItemPage:
    """What the page of one agenda item shows, read from the store."""

    meeting: Meeting
    item: AgendaItem
    slot: Slot
    position: int  # 1-based
    count: int
    law_changes: list[LawChange]
    submissions: list[Submission]
    questions: list[Question]  # expected on this item: same topic, not a duplicate


def _text(value: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in value.splitlines() if line.strip())


def _link(kind: str, record_id: int | None, text: str) -> str:
    return f'<a href="{LINK.format(kind=kind, id=record_id)}">{html.escape(text)}</a>'


def _section(title: str, body: str) -> str:
    return f"<h3>{title}</h3>{body}" if body else ""


def item_html(page: ItemPage, look: Lookups) -> str:
    item, meeting = page.item, page.meeting
    marking = (f'<p style="text-align:center; font-weight:bold">{html.escape(meeting.handling_marking)}</p>'
               if meeting.handling_marking else "")
    clock = f"{page.slot.starts:%H:%M}–{page.slot.ends:%H:%M} · {item.minutes} min"
    facts = " · ".join(x for x in (clock, look.topic(item.topic_key), f"Lead: {html.escape(item.lead)}"
                                   if item.lead else "", label(item.status)) if x)
    points = "".join(f"<li>{html.escape(p)}</li>" for p in item.talking_points)
    changes = "".join(f"<li>{_link('law_change', c.id, c.title)} — {look.partner(c.partner_code)}, "
                      f"{label(c.status)}</li>" for c in page.law_changes)
    submissions = "".join(f"<li>{_link('submission', s.id, s.identifier)} — {label(s.status)}</li>"
                          for s in page.submissions)
    questions = "".join(
        f"<li>{_link('question', q.id, q.text)}"
        f"{' — ' + html.escape(q.organization) if q.organization and not q.confidential else ''}</li>"
        for q in page.questions)
    return (
        f"{marking}<p>Item {page.position} of {page.count} · {html.escape(meeting.title)}</p>"
        f"<h1>{html.escape(item.title)}</h1><p><b>{facts}</b></p>"
        + _section("Objective", _text(item.objective))
        + _section("Talking points", f"<ul>{points}</ul>" if points else "")
        + _section("Background", _text(item.background))
        + _section("Law changes", f"<ul>{changes}</ul>" if changes else "")
        + _section("Submissions", f"<ul>{submissions}</ul>" if submissions else "")
        + _section("Questions expected", f"<ul>{questions}</ul>" if questions else "")
    )


def orphans_html(notes: list[Note]) -> str:
    """The notes whose record is not in this store, each under the title its record had."""
    body = "".join(f"<h3>{html.escape(n.title)}</h3>{_text(n.text)}" for n in notes)
    return ("<h1>Notes on records no longer here</h1><p>These records are not in this copy of the store "
            "(deleted, or left out). Your notes on them are kept.</p>" + body)
