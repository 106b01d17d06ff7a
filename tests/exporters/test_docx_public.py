"""The public edition, checked against the field registry: no internal field's text and no confidential
asker's identity in any part of the public .docx, and the withheld report names every item left out."""

import html
import re
import zipfile
from pathlib import Path

import pytest

from council_prep.book import Profile, assemble_book
from council_prep.domain import Ask, QuestionStatus
from council_prep.domain.fields import Sensitivity, names_with
from council_prep.exporters.docx import export_docx
from council_prep.exporters.withheld import withheld_report_path
from council_prep.store import Store

MIN_LENGTH = 8  # shorter values ("Yes", a first name) could be in the book for other reasons


def package_text(path: Path) -> str:
    """Every part of the package as text, XML entities decoded, and the runs' text joined per part."""
    chunks = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            xml = archive.read(name).decode("utf-8", errors="replace")
            chunks.append(html.unescape(xml))
            chunks.append(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))))
    return "\n".join(chunks)


def internal_values(store: Store, meeting_id: int) -> dict[str, str]:
    """Text the public edition must not hold: every internal field's value (an answered question's answer
    is published), and the identity fields of confidential askers; value -> where it comes from."""
    meeting = store.meetings.get(meeting_id)
    records = [("meeting", meeting)] + [("agenda_item", i) for i in store.agenda.for_meeting(meeting_id)]
    records += [("law_change", c) for code in meeting.partner_codes for c in store.law_changes.find(partner_code=code)]
    questions = store.questions.find(meeting_id=meeting_id)
    records += [("question", q) for q in questions]
    items = {i.id for i in store.agenda.for_meeting(meeting_id)}
    people = {p.person_id for p in store.participants.for_meeting(meeting_id)}
    records += [("person", p) for p in store.people.get_many(sorted(people))]
    records += [("commitment", c) for c in store.commitments.find() if items & set(c.agenda_item_ids)]
    records += [("project", p) for p in store.projects.find() if items & set(p.agenda_item_ids)]
    records += [("enforcement_figure", f) for code in meeting.partner_codes
                for f in store.enforcement.find(partner_code=code)]
    public_values = _public_values(records)
    found: dict[str, str] = {}
    for kind, record in records:
        for name in names_with(kind, Sensitivity.INTERNAL):
            if kind == "question" and name == "suggested_answer" and record.status is QuestionStatus.ANSWERED:
                continue
            for value in _texts(getattr(record, name, "")):
                if value not in public_values:  # e.g. an assignee who also leads an agenda item
                    found[value] = f"{kind} {record.id} {name}"
    for q in questions:
        if q.confidential:
            for name in names_with("question", Sensitivity.IDENTITY):
                for value in _texts(getattr(q, name)):
                    found[value] = f"question {q.id} {name} (confidential)"
    return found


def _texts(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    values = [text for v in values for text in ([v.ask, v.response] if isinstance(v, Ask) else [v])]
    lines = [line.strip() for v in values if isinstance(v, str) for line in v.split("\n")]
    return [line for line in lines if len(line) >= MIN_LENGTH]


def _public_values(records) -> set[str]:
    public = set()
    for kind, record in records:
        for name in names_with(kind, Sensitivity.PUBLIC):
            public.update(_texts(getattr(record, name, "")))
        if kind == "question" and not record.confidential:
            for name in names_with(kind, Sensitivity.IDENTITY):
                public.update(_texts(getattr(record, name)))
    return public


@pytest.mark.parametrize("meeting_index", [0, 1, 2])
def test_public_edition_holds_no_internal_field_and_reports_what_it_left_out(demo_store: Store, tmp_path: Path,
                                                                             meeting_index: int):
    meeting = sorted(demo_store.meetings.find(), key=lambda m: m.id)[meeting_index]
    secrets = internal_values(demo_store, meeting.id)
    assert len(secrets) > 20  # the demo has internal text to leave out
    book = assemble_book(demo_store, meeting.id, profile=Profile.PUBLIC)
    path = export_docx(book, tmp_path / "public.docx")
    text = package_text(path)
    leaked = {value: where for value, where in secrets.items() if value in text}
    assert not leaked, f"internal text in the public edition: {leaked}"
    if meeting.handling_marking:
        assert meeting.handling_marking not in text

    report = withheld_report_path(path).read_text(encoding="utf-8")
    assert "public.withheld.txt" not in zipfile.ZipFile(path).namelist()
    internal = assemble_book(demo_store, meeting.id)
    for n, scheduled in enumerate(internal.schedule, start=1):
        item = scheduled.item
        if item.objective.strip() or item.background.strip() or item.talking_points:
            assert f"Agenda item {n}: {item.title}" in report
    for change in internal.law_changes:
        if change.assessment.strip() or change.follow_up.strip():
            assert f"Law change: {change.title}" in report
    confidential = [q for q in internal.questions if q.confidential]
    assert report.count("confidential asker's") == len(confidential)
    for q in confidential:
        assert q.asker_name not in report  # the report itself names nobody


def test_answers_are_public_only_once_final_and_the_public_marking_is_its_own(demo_store: Store, tmp_path: Path):
    meeting = next(m for m in demo_store.meetings.find() if m.handling_marking)
    internal = assemble_book(demo_store, meeting.id)
    answered = [q for q in internal.questions if q.status is QuestionStatus.ANSWERED and q.suggested_answer]
    drafts = [q for q in internal.questions if q.status is not QuestionStatus.ANSWERED and q.suggested_answer]
    assert answered and drafts
    book = assemble_book(demo_store, meeting.id, profile=Profile.PUBLIC, marking="UNCLASSIFIED")
    text = package_text(export_docx(book, tmp_path / "public.docx"))
    assert all(q.suggested_answer.split("\n")[0] in text for q in answered
               if not q.duplicate_of)  # a folded duplicate's own answer is not printed
    assert not any(q.suggested_answer.split("\n")[0] in text for q in drafts)
    assert "no answer drafted yet" not in text
    assert "UNCLASSIFIED" in text and meeting.handling_marking not in text
