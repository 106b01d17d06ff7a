"""The public edition of the workbook, driven by the field registry: no internal field's text and no
confidential asker's identity in any part of the file; headers spelled as the registry spells them."""

import html
import zipfile
from enum import Enum
from pathlib import Path

import openpyxl
import pytest

from council_prep.book import WITHHELD, Profile
from council_prep.book.stream import stream_book
from council_prep.domain.fields import Sensitivity, fields_of, names_with
from council_prep.exporters.xlsx import export_xlsx
from council_prep.store import Store


def _texts(value: object) -> list[str]:
    if isinstance(value, Enum) or not value:
        return []  # a status word ("Draft") is vocabulary, not text: its column is checked by header below
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return [value] if isinstance(value, str) else []


def withheld_texts(store: Store, meeting_id: int) -> set[str]:
    """What the public edition must not carry: every internal field's text of the meeting's records,
    and each confidential asker's identity that no other asker shares."""
    meeting = store.meetings.get(meeting_id)
    records = {
        "meeting": [meeting],
        "agenda_item": store.agenda.for_meeting(meeting_id),
        "law_change": [c for code in meeting.partner_codes for c in store.law_changes.find(partner_code=code)],
        "submission": [s for code in meeting.partner_codes for s in store.submissions.find(partner_code=code)],
        "question": store.questions.find(meeting_id=meeting_id),
    }
    found = {text for kind, items in records.items() for name in names_with(kind, Sensitivity.INTERNAL)
             for record in items for text in _texts(getattr(record, name))}
    identity = names_with("question", Sensitivity.IDENTITY)
    open_names = {getattr(q, n) for q in records["question"] if not q.confidential for n in identity}
    found |= {getattr(q, n) for q in records["question"] if q.confidential for n in identity} - open_names - {""}
    return found


def xml_text(path: Path) -> str:
    """Every part of the package, as the text it holds (entities resolved)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(html.unescape(archive.read(n).decode("utf-8")) for n in archive.namelist())


def export(store: Store, meeting_id: int, path: Path, profile: Profile) -> Path:
    return export_xlsx(stream_book(store, meeting_id, profile=profile), path)


@pytest.mark.parametrize("meeting_id", [1, 2, 3])
def test_public_workbook_carries_no_internal_text_and_no_confidential_asker(
        demo_store: Store, meeting_id: int, tmp_path: Path) -> None:
    withheld = withheld_texts(demo_store, meeting_id)
    assert len(withheld) > 10
    internal = xml_text(export(demo_store, meeting_id, tmp_path / "internal.xlsx", Profile.INTERNAL))
    assert [t for t in withheld if t not in internal] == []  # the search finds what is there
    public = xml_text(export(demo_store, meeting_id, tmp_path / "public.xlsx", Profile.PUBLIC))
    leaked = sorted(t for t in withheld if t in public)
    assert leaked == []


def test_public_columns_are_the_registry_public_fields(demo_store: Store, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(demo_store, 1, tmp_path / "public.xlsx", Profile.PUBLIC))
    internal_book = openpyxl.load_workbook(export(demo_store, 1, tmp_path / "internal.xlsx", Profile.INTERNAL))
    for sheet, kind in (("Agenda", "agenda_item"), ("Law changes", "law_change"), ("Questions", "question"),
                        ("Submissions", "submission")):
        headers = [c.value for c in book[sheet][1]]
        every = [c.value for c in internal_book[sheet][1]]
        described = {f.header: f for f in fields_of(kind) if f.header}
        assert [h for h in every if h not in described] == (["Starts", "Ends"] if kind == "agenda_item" else [])
        assert [h for h in every if h not in headers] == [f.header for f in fields_of(kind)
                                                          if f.internal and f.header in every]
    agenda = book["Agenda"]
    assert "Public summary" in [c.value for c in agenda[1]] and "Status" not in [c.value for c in agenda[1]]
    lists = [c.value for c in book["Lists"][1]]
    assert "agenda_statuses" not in lists  # no list for a column the edition leaves out


def test_confidential_askers_are_withheld_in_every_identity_field(demo_store: Store, tmp_path: Path) -> None:
    confidential = next(q for q in demo_store.questions.find(meeting_id=1) if q.confidential)
    confidential.asker_email = "hidden.person@example.org"
    demo_store.questions.update(confidential)
    public = export(demo_store, 1, tmp_path / "public.xlsx", Profile.PUBLIC)
    assert "hidden.person@example.org" not in xml_text(public)
    sheet = openpyxl.load_workbook(public)["Questions"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("uid")].value == confidential.uid)
    assert row[headers.index("Asker")].value == WITHHELD and row[headers.index("Organization")].value is None
