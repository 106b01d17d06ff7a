"""Awkward content still makes a valid Word book; the CLI turns every failure into one clear line."""

import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from council_prep.book import assemble_book
from council_prep.cli import main
from council_prep.domain import AgendaItem, LawChange, Meeting, Question
from council_prep.exporters.docx import export_docx
from council_prep.store import Store
from tests.exporters.test_docx import MARKING, SECRET_NAME, SECRET_ORG, all_parts, body_texts, build_sample

HUGE = "Long background paragraph with words. " * 2_700  # ~100 KB in one field
AWKWARD = [
    "Control\x00chars\x07 and \x1b[31mescape\x0b codes\x7f",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+cmd|' /C calc'!A0",
    "<b>bold?</b> &amp; <w:t>not xml</w:t> ]]> \"quotes\" 'apostrophes'",
    "العمال المهاجرون and English mixed 123 עברית",
    "한국어 노동법 개정 — 日本語 — Ελληνικά — emoji 👷‍♀️🏭✊🏽",
    "tab\tand\nnew line",
]


def build_awkward(store: Store) -> int:
    meeting = store.meetings.add(Meeting(
        agreement_key="us-jordan-fta", partner_codes=["JO"], title="اجتماع مجلس شؤون العمل — <Council> & 👷",
        session_date=date(2026, 2, 1), handling_marking="FOR OFFICIAL USE ONLY",
    ))
    change = store.law_changes.add(LawChange(partner_code="JO", title=AWKWARD[4], summary=HUGE,
                                             assessment=AWKWARD[3], source_url="https://example.org/?a=1&b=<2>",
                                             topic_keys=["migrant_workers"]))
    for n, text in enumerate(AWKWARD):
        store.agenda.add(AgendaItem(meeting_id=meeting.id, title=text, objective=text, talking_points=[text],
                                    background=HUGE if n == 0 else text, lead=text,
                                    law_change_ids=[change.id]))  # type: ignore[list-item]
        store.questions.add(Question(meeting_id=meeting.id, text=text, asker_name=text, organization=text,
                                     suggested_answer=HUGE if n == 1 else text, received_at=datetime(2026, 1, n + 1)))
    store.agenda.add(AgendaItem(meeting_id=meeting.id, title="An item with nothing in it"))
    return meeting.id  # type: ignore[return-value]


def assert_valid_docx(path: Path) -> None:
    """Every XML part parses, and python-docx opens the file."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
    docx.Document(str(path))


def test_awkward_text_is_written_faithfully(store, tmp_path):
    meeting_id = build_awkward(store)
    path = export_docx(assemble_book(store, meeting_id), tmp_path / "awkward.docx")
    assert_valid_docx(path)
    texts = body_texts(path)
    everything = "\n".join(texts)
    assert "Controlchars and [31mescape codes" in everything
    for kept in AWKWARD[1:6]:
        assert kept in everything
    assert "tab\tand" in everything
    assert any(len(t) >= 100_000 for t in texts)
    read = docx.Document(str(path))
    arabic_title = next(p for p in read.paragraphs if p.style.name == "Title")
    assert arabic_title._p.pPr.find(qn("w:bidi")) is not None
    assert "Nothing has been written for this item yet." in texts


def test_a_meeting_with_nothing_in_it(store, tmp_path):
    meeting = store.meetings.add(Meeting(agreement_key="korus", partner_codes=["KR"], title="Empty meeting",
                                         session_date=date(2026, 9, 9)))
    path = export_docx(assemble_book(store, meeting.id), tmp_path / "empty.docx")  # type: ignore[arg-type]
    assert_valid_docx(path)
    texts = body_texts(path)
    for expected in ("No agenda items yet.", "No law changes are recorded for Republic of Korea.",
                     "No open submissions concern Republic of Korea.",
                     "No questions have been received for the public session.", "No askers to list."):
        assert expected in texts


def test_no_sections_still_makes_a_book_with_a_cover(store, tmp_path):
    meeting_id = build_sample(store)
    path = export_docx(assemble_book(store, meeting_id, sections=[]), tmp_path / "cover.docx")
    assert_valid_docx(path)
    assert "The book has no sections." in [p.text for p in docx.Document(str(path)).paragraphs]


# The command line, end to end
@pytest.fixture
def sample_store(store_path: Path, store: Store) -> tuple[Path, int]:
    meeting_id = build_sample(store)
    store.close()
    return store_path, meeting_id


def run(*args: str):
    return CliRunner().invoke(main, ["export", "docx", *map(str, args)])


def test_cli_writes_internal_and_public_books(sample_store, tmp_path):
    store_path, meeting_id = sample_store
    internal = run("--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "internal.docx")
    assert internal.exit_code == 0, internal.output
    assert f"Briefing book written to {tmp_path / 'internal.docx'}" in internal.output
    public = run("--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "public.docx", "--profile", "public")
    assert public.exit_code == 0, public.output
    assert SECRET_NAME in "".join(all_parts(tmp_path / "internal.docx").values())
    for xml in all_parts(tmp_path / "public.docx").values():
        assert SECRET_NAME not in xml and SECRET_ORG not in xml
        assert MARKING not in xml  # the public edition never carries the internal marking
    assert docx.Document(str(tmp_path / "internal.docx")).sections[0].header.paragraphs[0].text == MARKING
    report = (tmp_path / "public.withheld.txt").read_text(encoding="utf-8")
    assert "Handling marking" in report and SECRET_NAME not in report
    assert not (tmp_path / "internal.withheld.txt").exists()
    marked = run("--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "marked.docx", "--profile",
                 "public", "--marking", "UNCLASSIFIED")
    assert marked.exit_code == 0, marked.output
    assert docx.Document(str(tmp_path / "marked.docx")).sections[0].header.paragraphs[0].text == "UNCLASSIFIED"


def test_cli_takes_a_users_template(sample_store, tmp_path):
    store_path, meeting_id = sample_store
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template.save(str(tmp_path / "brand.docx"))
    result = run("--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "b.docx",
                 "--template", tmp_path / "brand.docx")
    assert result.exit_code == 0, result.output
    assert docx.Document(str(tmp_path / "b.docx")).styles["Normal"].font.name == "Garamond"


@pytest.mark.parametrize("case, message", [
    ("missing folder", "does not exist"),
    ("bad template", "T.docx: not a Word template (not a .docx file)"),
    ("unknown meeting", "No meeting with id 999"),
])
def test_cli_failures_are_one_clear_line_and_exit_1(sample_store, tmp_path, case, message):
    store_path, meeting_id = sample_store
    (tmp_path / "T.docx").write_text("plain text, not Word")
    args = {
        "missing folder": ["--meeting", meeting_id, "-o", tmp_path / "nowhere" / "b.docx"],
        "bad template": ["--meeting", meeting_id, "-o", tmp_path / "b.docx", "--template", tmp_path / "T.docx"],
        "unknown meeting": ["--meeting", 999, "-o", tmp_path / "b.docx"],
    }[case]
    result = run("--store", store_path, *args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "b.docx").exists()


def test_a_templates_own_header_and_footer_are_kept_with_the_marking_and_page_numbers(store: Store, tmp_path):
    meeting_id = build_sample(store)
    template = docx.Document()
    section = template.sections[0]
    section.header.paragraphs[0].text = "Bureau of International Labor Affairs"
    section.footer.paragraphs[0].text = "Office of Trade and Labor Affairs"
    template.save(str(tmp_path / "agency.docx"))
    book = assemble_book(store, meeting_id)
    read = docx.Document(str(export_docx(book, tmp_path / "book.docx", template=tmp_path / "agency.docx")))
    header = [p.text for p in read.sections[0].header.paragraphs]
    footer = [p.text for p in read.sections[0].footer.paragraphs]
    assert header == [MARKING, "Bureau of International Labor Affairs"]
    assert footer == [MARKING, "Office of Trade and Labor Affairs", "Page 1 of 1"]
    assert read.sections[0].different_first_page_header_footer  # the cover has none of it
    assert not "".join(p.text for p in read.sections[0].first_page_header.paragraphs)


def test_cli_sets_date_style_and_document_control(sample_store, tmp_path):
    store_path, meeting_id = sample_store
    result = run("--store", store_path, "--meeting", meeting_id, "-o", tmp_path / "b.docx", "--date-style",
                 "international", "--prepared-by", "OTLA desk", "--book-version", "2.1")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs]
    cover = texts[:texts.index("Contents")]
    assert any("12 May 2026" in t for t in cover) and not any("May 12, 2026" in t for t in texts)
    assert "Version\t2.1" in cover and "Distribution\tDelegation only" in cover
    assert any(t.startswith("Prepared\t") and t.endswith("by OTLA desk") for t in cover)
