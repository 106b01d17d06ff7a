"""The Word briefing book, written from a real store and read back with python-docx and as raw XML."""

import itertools
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import docx
import pytest
from docx.shared import RGBColor

from council_prep.book import Profile, Section, assemble_book
from council_prep.domain import (
    AgendaItem,
    AskerType,
    Channel,
    InstrumentType,
    LawChange,
    LawChangeStatus,
    Meeting,
    Question,
    QuestionStatus,
    Submission,
    SubmissionStatus,
)
from council_prep.exporters.docx import PARTS, export_docx
from council_prep.exporters.output import ExportCancelled, ExportError
from council_prep.store import Store

MARKING = "SENSITIVE BUT UNCLASSIFIED"
SECRET_NAME = "Zelda Quintessa-Moor"
SECRET_ORG = "Union of Undisclosed Tanners"
ASSESSMENT = "Falls short of ILO Convention 87 on registration timelines"
TALKING_POINT = "Welcome the reduction of registration delays"
ARABIC = "ما هي الخطوات المتخذة لحماية العمال المهاجرين؟"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def build_sample(store: Store) -> int:
    """A US–Peru meeting with everything the book prints, including duplicates and a confidential asker."""
    meeting = store.meetings.add(Meeting(
        agreement_key="us-peru-tpa", partner_codes=["PE"], title="Sub-Committee on Labor Affairs, 2026",
        session_date=date(2026, 5, 12), start_time=time(9, 30), length_minutes=100,
        public_session_date=date(2026, 5, 13), location="Lima, Ministry of Labor", handling_marking=MARKING,
    ))
    union = store.law_changes.add(LawChange(
        partner_code="PE", title="Supreme Decree 014-2022-TR on union registration",
        instrument_type=InstrumentType.DECREE, status=LawChangeStatus.IN_FORCE, introduced_on=date(2022, 5, 2),
        adopted_on=date(2022, 7, 23), effective_on=date(2022, 8, 1), topic_keys=["freedom_of_association"],
        summary="Sets a 30-day limit for registering unions.", source_citation="El Peruano, 23 July 2022",
        source_url="https://example.org/ds-014-2022-tr", assessment=ASSESSMENT, follow_up="Request statistics.",
    ))
    store.law_changes.add(LawChange(
        partner_code="PE", title="Bill 1234 on child labor inspections", status=LawChangeStatus.PROPOSED,
        topic_keys=["child_labor"], summary="Would double inspections in agriculture.",
    ))
    submission = store.submissions.add(Submission(
        identifier="U.S. Submission 2015-01 (Peru)", partner_code="PE", agreement_key="us-peru-tpa",
        date_filed="2015-07", submitters=["Peruvian unions"], topic_keys=["freedom_of_association"],
        status=SubmissionStatus.REPORT_ISSUED, summary="Short-term contracts in export sectors.",
    ))
    store.submissions.add(Submission(
        identifier="U.S. Submission 2010-03 (Peru)", partner_code="PE", status=SubmissionStatus.CLOSED,
        summary="A closed matter.",
    ))
    items = [("Opening remarks", 10, [], "Director Lee"), ("Union registration", 45, [TALKING_POINT], "Ms. Ortiz"),
             ("Child labor", 30, ["Ask about inspections"], ""), ("Closing", 25, [], "Director Lee")]
    for title, minutes, points, lead in items:
        store.agenda.add(AgendaItem(
            meeting_id=meeting.id, title=title, minutes=minutes, lead=lead, objective=f"Objective: {title}.",
            talking_points=points, background=f"Background of {title}.\nSecond line.",
            law_change_ids=[union.id] if title == "Union registration" else [],  # type: ignore[list-item]
            submission_ids=[submission.id] if title == "Union registration" else [],  # type: ignore[list-item]
            topic_key="freedom_of_association" if title == "Union registration" else None,
        ))
    original = store.questions.add(Question(
        meeting_id=meeting.id, text="How long does union registration take now?", asker_name="Ana Pérez",
        organization="CGTP", asker_type=AskerType.WORKER_ORG, topic_key="freedom_of_association",
        received_at=datetime(2026, 4, 1, 10), status=QuestionStatus.ANSWERED,
        suggested_answer="Thirty days under the 2022 decree.",
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="What is the registration delay today?", asker_name=SECRET_NAME,
        organization=SECRET_ORG, confidential=True, topic_key="freedom_of_association",
        received_at=datetime(2026, 4, 2, 10), duplicate_of=original.id,
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="Is the registration backlog cleared?", asker_name="Tom Baker",
        organization="Labor Rights Forum", asker_type=AskerType.NGO, topic_key="freedom_of_association",
        received_at=datetime(2026, 4, 3, 10), duplicate_of=original.id, channel=Channel.WEB_FORM,
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text=ARABIC, asker_name="سارة أحمد", topic_key="migrant_workers",
        received_at=datetime(2026, 4, 4, 10),
    ))
    store.questions.add(Question(
        meeting_id=meeting.id, text="A withdrawn question", asker_name="Will Drawn", topic_key="child_labor",
        status=QuestionStatus.WITHDRAWN, received_at=datetime(2026, 4, 5, 10),
    ))
    return meeting.id  # type: ignore[return-value]


@pytest.fixture
def sample(store: Store) -> tuple[Store, int]:
    return store, build_sample(store)


def export(store: Store, meeting_id: int, path: Path, profile: Profile = Profile.INTERNAL, **options) -> Path:
    book = assemble_book(store, meeting_id, profile=profile, prepared_on=date(2026, 5, 1),
                         sections=options.pop("sections", None))
    return export_docx(book, path, **options)


def body_texts(path: Path) -> list[str]:
    """Paragraph texts after the contents list (whose entries repeat the headings)."""
    return [p.text for p in docx.Document(str(path)).paragraphs if not p.style.name.startswith("TOC")]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def all_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()}


def plain(xml: str) -> str:
    """The text of a part's runs, joined, so a name split across runs is still found."""
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


# Structure
def test_contents_lists_the_headings_as_links_with_page_reference_fields(sample, tmp_path):
    path = export(*sample, tmp_path / "book.docx")
    document = part(path, "word/document.xml")
    assert '<w:updateFields w:val="true"/>' in part(path, "word/settings.xml")
    read = docx.Document(str(path))
    entries = [p for p in read.paragraphs if p.style.name.startswith("TOC ") and p.style.name != "TOC Heading"]
    listed = [(p.style.name, p.text.split("\t")[0]) for p in entries]
    assert ("TOC 1", "Agenda") in listed
    assert ("TOC 2", "2. Union registration") in listed
    assert ("TOC 1", "Annex: askers and organizations") in listed
    for entry in entries:  # a link to the heading's bookmark, then a tab and the PAGEREF of that bookmark
        xml = entry._p.xml
        anchor = re.search(r'w:anchor="(_Toc\d+)"', xml).group(1)
        assert f"PAGEREF {anchor} \\h" in xml
        assert f'w:name="{anchor}"' in document
        assert '<w:tab w:val="right" w:leader="dot"' in xml


def test_every_section_has_its_heading_and_the_cover_names_the_meeting(sample, tmp_path):
    read = docx.Document(str(export(*sample, tmp_path / "book.docx")))
    level1 = [p.text for p in read.paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["At a glance", "Meeting logistics", "Participants", "Agenda", "Open commitments",
                      "Agenda items", "Partner law changes", "Partner labor law enforcement",
                      "Technical cooperation projects", "Open submissions", "Public-session questions",
                      "Annex: askers and organizations", "Annex: biographies of counterpart officials"]
    cover = [p.text for p in read.paragraphs[:20]]
    assert "Sub-Committee on Labor Affairs, 2026" in cover
    assert any("Lima, Ministry of Labor" in t for t in cover)
    assert any("May 12, 2026" in t for t in cover)
    assert any("May 13, 2026" in t for t in cover)
    assert any("Prepared" in t and "May 1, 2026" in t for t in cover)
    assert [t for t in cover if MARKING in t] == [MARKING]  # the marking once
    assert read.paragraphs[0].text == MARKING
    assert read.core_properties.title == "Sub-Committee on Labor Affairs, 2026"
    assert read.core_properties.author == "council-prep"
    assert "Peru" in read.core_properties.subject


def test_header_and_footer_carry_the_marking_and_page_x_of_y(sample, tmp_path):
    path = export(*sample, tmp_path / "book.docx")
    read = docx.Document(str(path))
    for section in read.sections:
        assert MARKING in section.header.paragraphs[0].text
        assert MARKING in section.footer.paragraphs[0].text
        footer_xml = section.footer._element.xml
        assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
        assert "Page 1 of 1" in "".join(p.text for p in section.footer.paragraphs)


def test_law_changes_table_sits_in_a_landscape_section(sample, tmp_path):
    read = docx.Document(str(export(*sample, tmp_path / "book.docx")))
    orientations = [s.page_width > s.page_height for s in read.sections]
    assert orientations == [False, True, False]
    wide = read.sections[1]
    assert wide.page_width > wide.page_height
    table = next(t for t in read.tables if t.rows[0].cells[0].text == "Title")
    assert table.rows[1].cells[0].text == "Peru — Child labor and its worst forms"
    texts = [r.cells[0].text for r in table.rows]
    assert "Peru — Freedom of association" in texts
    assert "Supreme Decree 014-2022-TR on union registration" in texts
    assert 'w:tblHeader w:val="true"' in table._tbl.xml


def test_agenda_table_has_rows_with_running_clock_and_flags_over_budget(sample, tmp_path):
    read = docx.Document(str(export(*sample, tmp_path / "book.docx")))
    table = next(t for t in read.tables if [c.text for c in t.rows[0].cells] == ["#", "Time", "Item", "Lead", "Min."])
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows == [
        ["1", "09:30–09:40", "Opening remarks", "Director Lee", "10"],
        ["2", "09:40–10:25", "Union registration", "Ms. Ortiz", "45"],
        ["3", "10:25–10:55", "Child labor", "", "30"],
        ["4", "10:55–11:20", "Closing", "Director Lee", "25"],
        ["", "", "Total", "", "110"],
    ]
    texts = body_texts(Path(tmp_path / "book.docx"))
    assert "Over budget: The items take 110 minutes, 10 more than the 100-minute session." in texts


def test_agenda_items_have_objective_bullets_background_and_links(sample, tmp_path):
    read = docx.Document(str(export(*sample, tmp_path / "book.docx")))
    paragraphs = [p for p in read.paragraphs if not p.style.name.startswith("TOC")]
    start = next(i for i, p in enumerate(paragraphs) if p.text == "2. Union registration")
    block = paragraphs[start:next(i for i, p in enumerate(paragraphs) if p.text == "3. Child labor")]
    texts = [p.text for p in block]
    assert texts[1] == "FULL BRIEF: THE POINT WILL BE RAISED  ·  CLOSED PRESS"  # the internal edition's brief
    assert texts[2] == "09:40–10:25 · 45 min · Lead: Ms. Ortiz · Freedom of association · Draft"
    assert "Objective: Union registration." in texts
    bullet = next(p for p in block if p.text == TALKING_POINT)
    assert bullet.style.name == "List Bullet"
    assert "Background of Union registration." in texts and "Second line." in texts
    assert "Supreme Decree 014-2022-TR on union registration (Peru; in force)" in texts
    assert "U.S. Submission 2015-01 (Peru) (report issued)" in texts


def test_questions_are_grouped_by_topic_with_duplicates_folded(sample, tmp_path):
    texts = body_texts(export(*sample, tmp_path / "book.docx"))
    start = texts.index("Public-session questions")
    section = texts[start:texts.index("Annex: askers and organizations")]
    topic = section.index("Freedom of association")
    assert section[topic + 1] == "Q1. How long does union registration take now?"
    assert section[topic + 2].startswith("Asked by Ana Pérez (CGTP) · Email · April 1, 2026 · Answered")
    assert section[topic + 3] == (f"Q1.1. Also asked by {SECRET_NAME} ({SECRET_ORG}): What is the registration "
                                  "delay today? (🔒 confidential: do not name in public)")
    assert section[topic + 4] == ("Q1.2. Also asked by Tom Baker (Labor Rights Forum): "
                                  "Is the registration backlog cleared?")
    assert section[topic + 5] == "Suggested answer: Thirty days under the 2022 decree."
    assert "Migrant workers" in section
    assert not any("withdrawn" in t.lower() and t.startswith("Q") for t in section)
    assert not any("A withdrawn question" in t for t in texts)  # the index lists it, by its number only
    read = docx.Document(str(tmp_path / "book.docx"))
    duplicate = next(p for p in read.paragraphs if p.text.startswith("Q1.2. Also asked by Tom Baker"))
    assert duplicate.paragraph_format.left_indent > 0


def test_right_to_left_text_is_set_right_to_left(sample, tmp_path):
    path = export(*sample, tmp_path / "book.docx")
    read = docx.Document(str(path))
    arabic = next(p for p in read.paragraphs if ARABIC in p.text)
    assert arabic._p.pPr.find(f"{W}bidi") is not None
    rtl_runs = [r for r in arabic.runs if r._r.rPr is not None and r._r.rPr.find(f"{W}rtl") is not None]
    assert [r.text for r in rtl_runs] == [ARABIC]
    latin = next(p for p in read.paragraphs if p.text.startswith("Q1. "))
    assert latin._p.pPr.find(f"{W}bidi") is None


def test_law_change_summaries_carry_assessment_and_a_source_hyperlink(sample, tmp_path):
    path = export(*sample, tmp_path / "book.docx")
    texts = body_texts(path)
    assert f"Assessment: {ASSESSMENT}" in texts
    assert "Follow-up: Request statistics." in texts
    assert "Source: El Peruano, 23 July 2022 https://example.org/ds-014-2022-tr" in texts
    rels = part(path, "word/_rels/document.xml.rels")
    assert 'Target="https://example.org/ds-014-2022-tr" TargetMode="External"' in rels


def test_askers_annex_and_open_submissions(sample, tmp_path):
    read = docx.Document(str(export(*sample, tmp_path / "book.docx")))
    annex = next(t for t in read.tables if [c.text for c in t.rows[0].cells][:2] == ["Name", "Organization"])
    names = [r.cells[0].text for r in annex.rows[1:]]
    assert names == ["Ana Pérez", "Tom Baker", SECRET_NAME, "سارة أحمد"]
    submissions = next(t for t in read.tables if [c.text for c in t.rows[0].cells][:2] == ["Submission", "Filed"]
                       and t.rows[0].cells[-1].text == "Report due")  # the internal edition's report clock
    assert [r.cells[0].text for r in submissions.rows[1:]] == ["U.S. Submission 2015-01 (Peru)"]


# Profiles
def test_public_profile_leaves_no_trace_of_confidential_askers_assessments_or_talking_points(sample, tmp_path):
    path = export(*sample, tmp_path / "public.docx", Profile.PUBLIC)
    parts = all_parts(path)
    assert len(parts) > 5
    for name, xml in parts.items():
        for secret in (SECRET_NAME, SECRET_ORG, ASSESSMENT, TALKING_POINT, "Zelda", "Tanners"):
            assert secret not in xml, f"{secret!r} leaked into {name}"
            assert secret not in plain(xml), f"{secret!r} leaked into {name}"
    texts = body_texts(path)
    assert "Q1.1. Also asked by Name withheld: What is the registration delay today?" in texts
    assert not any(t.startswith("Assessment:") for t in texts)
    assert "Talking points" not in texts
    assert "Ask about inspections" not in texts
    assert "Briefing book · Public edition" in texts


# Sections and templates
def test_sections_left_out_are_not_written(sample, tmp_path):
    path = export(*sample, tmp_path / "book.docx", sections=[Section.AGENDA, Section.QUESTIONS])
    read = docx.Document(str(path))
    assert [p.text for p in read.paragraphs if p.style.name == "Heading 1"] == ["Agenda", "Public-session questions"]
    assert len(read.sections) == 1


def test_a_users_template_restyles_the_book(sample, tmp_path):
    template = docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.color.rgb = RGBColor(0xAA, 0x11, 0x22)
    template.add_paragraph("Template body text that must not survive")
    template.save(str(tmp_path / "brand.docx"))
    path = export(*sample, tmp_path / "book.docx", template=tmp_path / "brand.docx")
    read = docx.Document(str(path))
    styled = read.styles["Heading 1"]
    assert styled.font.name == "Courier New" and styled.font.color.rgb == RGBColor(0xAA, 0x11, 0x22)
    styles_xml = part(path, "word/styles.xml")
    heading_xml = styles_xml[styles_xml.index('w:styleId="Heading1"'):]
    heading_xml = heading_xml[:heading_xml.index("</w:style>")]
    assert 'w:ascii="Courier New"' in heading_xml and 'w:val="AA1122"' in heading_xml
    assert "Template body text" not in part(path, "word/document.xml")
    # The table header rows take the template's heading colour.
    assert 'w:fill="AA1122"' in part(path, "word/document.xml")


def test_a_word_dotx_template_is_accepted(sample, tmp_path):
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template.save(str(tmp_path / "brand.docx"))
    with zipfile.ZipFile(tmp_path / "brand.docx") as source, zipfile.ZipFile(tmp_path / "brand.dotx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    with pytest.raises(ValueError, match="not a Word file"):
        docx.Document(str(tmp_path / "brand.dotx"))  # what python-docx alone says
    path = export(*sample, tmp_path / "book.docx", template=tmp_path / "brand.dotx")
    assert docx.Document(str(path)).styles["Normal"].font.name == "Garamond"
    assert "wordprocessingml.document.main+xml" in part(path, "[Content_Types].xml")


def test_a_sparse_template_gets_the_missing_styles(sample, tmp_path):
    template = docx.Document()
    for name in ("List Bullet", "TOC Heading", "Table Grid", "Heading 4"):
        element = template.styles[name].element
        element.getparent().remove(element)
    template.save(str(tmp_path / "sparse.docx"))
    path = export(*sample, tmp_path / "book.docx", template=tmp_path / "sparse.docx")
    read = docx.Document(str(path))
    names = {s.name for s in read.styles}
    assert {"List Bullet", "TOC Heading", "Table Grid", "Heading 4", "TOC 1", "TOC 2"} <= names
    assert f"•\u00a0{TALKING_POINT}" in [p.text for p in read.paragraphs]


@pytest.mark.parametrize("content, reason", [
    (b"not a zip at all", "not a .docx file"),
    (None, "no such file"),
])
def test_a_template_that_is_not_a_docx_is_a_clear_error(sample, tmp_path, content, reason):
    template = tmp_path / "T.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(ExportError, match=re.escape(f"T.docx: not a Word template ({reason})")):
        export(*sample, tmp_path / "book.docx", template=template)
    assert not (tmp_path / "book.docx").exists()


def test_a_zip_that_is_not_word_is_refused(sample, tmp_path):
    template = tmp_path / "T.docx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ExportError, match=r"T\.docx: not a Word template \("):
        export(*sample, tmp_path / "book.docx", template=template)


# Progress, cancellation, output errors
def test_progress_is_reported_and_cancelling_leaves_no_file(sample, tmp_path):
    reports: list[tuple[int, int]] = []
    export(*sample, tmp_path / "book.docx", progress=lambda done, total: reports.append((done, total)))
    parts = len(PARTS)  # every part of the book, one report each
    assert reports[-1] == (parts, parts) and [d for d, _ in reports] == list(range(1, parts + 1))

    polls = 0

    def cancel_after_five() -> bool:
        nonlocal polls
        polls += 1
        return polls > 5

    target = tmp_path / "cancelled.docx"
    with pytest.raises(ExportCancelled):
        export(*sample, target, cancelled=cancel_after_five)
    assert polls == 6
    assert list(tmp_path.glob("*cancelled*")) == []


def test_cancelling_keeps_the_previous_file(sample, tmp_path):
    target = tmp_path / "book.docx"
    target.write_bytes(b"previous version")
    with pytest.raises(ExportCancelled):
        export(*sample, target, cancelled=lambda: True)
    assert target.read_bytes() == b"previous version"


def test_a_missing_folder_is_a_clear_error(sample, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export(*sample, tmp_path / "missing" / "book.docx")


def test_heading_levels_never_skip_and_the_chart_has_alt_text(demo_store, tmp_path):
    for meeting in demo_store.meetings.find():
        path = export_docx(assemble_book(demo_store, meeting.id), tmp_path / f"{meeting.id}.docx")
        read = docx.Document(str(path))
        levels = [int(p.style.name.split()[-1]) for p in read.paragraphs if p.style.name.startswith("Heading ")]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), f"{path.name}: {levels}"
        drawings = [d for d in read.element.body.findall(f".//{{{WP}}}docPr") if d.get("name").startswith("Chart")]
        assert drawings and all(d.get("descr", "").startswith("Bar chart of partner law changes") for d in drawings)
        assert "Guatemala" in drawings[0].get("descr") or meeting.agreement_key != "cafta-dr"
        assert any(name.startswith("word/charts/chart") for name in zipfile.ZipFile(path).namelist())
