"""The brief in the Word book, written from a real store and read back with python-docx: each section
in the internal edition, none of it in the public one, and LibreOffice laying it out."""

import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from council_prep.book import Profile, assemble_book
from council_prep.exporters.docx import export_docx
from council_prep.exporters.withheld import withheld_report_path
from council_prep.store import Store
from tests.exporters.test_docx_public import package_text
from tests.helpers.brief_sample import (
    ASK,
    CLOSED_PROJECT,
    EARLIER_SUMMARY,
    EARLIER_TITLE,
    HEAD,
    INTERPRETER,
    LATE,
    MEMBER,
    OWED,
    POINT_TO_AVOID,
    POINT_TO_MAKE,
    PREPARED,
    PRESS_LINE,
    PROJECT,
    RESPONSE,
    SCOPE,
    SOURCE,
    US_HEAD,
    Sample,
    build_brief_sample,
)
from tests.helpers.office import convert, pdf_text
from tests.helpers.pages import words

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture
def sample(store: Store) -> Sample:
    return build_brief_sample(store)


def write(store: Store, sample: Sample, path: Path, profile: Profile = Profile.INTERNAL) -> Path:
    return export_docx(assemble_book(store, sample.meeting_id, profile=profile, prepared_on=PREPARED), path)


def paragraphs_after(document, heading: str, stop_style: str = "Heading 2") -> list:
    """The paragraphs from the heading with that text to the next heading of `stop_style`."""
    body = document.paragraphs
    start = next(n for n, p in enumerate(body) if p.text == heading)
    end = next((n for n in range(start + 1, len(body)) if body[n].style.name == stop_style), len(body))
    return body[start + 1:end]


def table_after(document, heading: str, style: str | None = None):
    """The first table after the paragraph with that text (not its contents entry), of that style id if given."""
    found = False
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:tbl") and found:
            return docx.table.Table(block, document._body)
        if block.tag == qn("w:p") and "".join(t.text or "" for t in block.iter(qn("w:t"))) == heading:
            named = block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = named.get(qn("w:val")) if named is not None else ""
            found = found or (not style_id.startswith("TOC") and style in (None, style_id))
    raise AssertionError(f"no table after {heading!r}")


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.fixture
def internal(store: Store, sample: Sample, tmp_path: Path):
    return docx.Document(str(write(store, sample, tmp_path / "internal.docx")))


def test_an_item_brief_marks_depth_and_press_and_sets_its_lines_apart(internal):
    item = paragraphs_after(internal, "2. Union registration")
    texts = [p.text for p in item]
    assert texts[0] == "FULL BRIEF: THE POINT WILL BE RAISED  ·  OPEN PRESS"
    assert "Lead: Dana Whitfield, Deputy Undersecretary for International Affairs" in texts[1]
    assert "Someone typed" not in " ".join(texts)  # the directory's lead wins over the one typed
    assert any(t.startswith("Speakers: Marcus Obi, International Relations Officer") for t in texts)
    continues = next(n for n, t in enumerate(texts) if t.startswith("Continues: "))
    assert texts[continues] == f"Continues: “{EARLIER_TITLE}” (Sub-Committee on Labor Affairs, 2025, April 8, 2025)"
    outcome = texts[continues + 1]
    assert outcome.startswith(f"Outcome then: {EARLIER_SUMMARY}. Commitments made: ")
    assert f"{LATE} (open, due October 1, 2025)" in outcome and "(done, due" in outcome
    assert POINT_TO_MAKE in texts[texts.index("Points to make") + 1]
    avoid = next(p for p in item if POINT_TO_AVOID in p.text)
    assert texts[texts.index(avoid.text) - 1] == "Points to avoid (defensive lines)"
    borders = avoid._p.pPr.find(qn("w:pBdr"))  # a ruled, shaded box: set apart in grey print too
    assert borders.find(qn("w:left")).get(qn("w:sz")) == "24" and avoid._p.pPr.find(qn("w:shd")) is not None
    assert PRESS_LINE in texts[texts.index("Press line") + 1]
    assert cells(table_after(internal, "Likely asks and our response")) == [
        ["They may ask", "Our response"], [ASK, RESPONSE]]
    owed = next(t for t in texts if t.startswith(LATE))
    assert "PAST DUE" in owed and "Peru: Rosa Quispe Huamán" in owed and "Joint statement, para 4" in owed


def test_defensive_and_short_briefs_say_so_and_an_open_session_without_a_press_line_is_flagged(internal):
    inspections = [p.text for p in paragraphs_after(internal, "3. Labor inspections")]
    assert inspections[0] == "DEFENSIVE BRIEF: RAISE ONLY IF THEY DO  ·  OPEN PRESS"
    assert "The session is open to press and no press line is written yet." in inspections
    assert any(t.startswith(OWED) and "PAST DUE" not in t for t in inspections)
    assert any(t.startswith(PROJECT) and "Example Foundation" in t and "USD 4,500,000" in t for t in inspections)
    opening = [p.text for p in paragraphs_after(internal, "1. Opening remarks")]
    assert opening[0].startswith("SHORT BRIEF") and opening[0].endswith("CLOSED PRESS")


def test_participants_page_lists_both_sides_heads_first_with_pronunciation(internal):
    rows = cells(table_after(internal, "Participants"))
    assert rows[0] == ["Name", "Role", "Title", "Organization"]
    names = [r[0] for r in rows[1:]]
    assert names == [
        "United States", US_HEAD.name, "Marcus Obi", "Peru",
        f"{HEAD.name}\n[{HEAD.pronunciation}]", f"{MEMBER.name}\n[{MEMBER.pronunciation}]", INTERPRETER.name]
    assert rows[5][1:] == ["Head of delegation", HEAD.title, HEAD.organization]


def test_biographies_annex_holds_the_counterparts_with_photo_and_pronunciation(internal):
    annex = paragraphs_after(internal, "Annex: biographies of counterpart officials", stop_style="Heading 1")
    headings = [p.text for p in annex if p.style.name == "Heading 2"]
    assert headings == [HEAD.name, MEMBER.name]  # not our side, not the interpreter
    texts = [p.text for p in annex]
    note = f"[{HEAD.pronunciation}] · {HEAD.title} · {HEAD.organization}"
    assert note in texts and "Career official in collective labor relations." in texts  # no photo: plain text
    photo, biography = table_after(internal, note).rows[0].cells  # the photo beside the biography
    assert [p.text for p in biography.paragraphs] == ["Labor lawyer; led the reform of the inspection system.",
                                                      "Former head of SUNAFIL."]
    (drawn,) = photo._tc.iter(f"{WP}docPr")
    assert drawn.get("descr").startswith(f"Photo of {HEAD.name}")
    assert not [d for p in annex for d in p._p.iter(f"{WP}docPr")]  # only the one with a photo has one
    assert any(r.reltype.endswith("/image") for r in internal.part.rels.values())


def test_open_commitments_table_flags_past_due_in_words(internal):
    rows = cells(table_after(internal, "Open commitments"))
    assert rows[0] == ["Commitment", "Owner", "Due", "Status", "Source", "Item"]
    assert [r[0] for r in rows[1:]] == [LATE, OWED]
    assert rows[1][2:4] == ["October 1, 2025", "PAST DUE · Open"] and rows[2][3] == "Open"
    assert rows[1][4] == "Sub-Committee on Labor Affairs, 2025, Joint statement, para 4" and rows[2][5] == "3"


def test_enforcement_table_shows_five_years_a_trend_per_figure_and_marks_demo_data(internal):
    assert any(p.text == "Peru (demo data)" and p.style.name == "Heading 2" for p in internal.paragraphs)
    table = table_after(internal, "Demo data: invented for demonstration, not real statistics.")
    rows = cells(table)
    assert rows[0] == ["Figure", "2021", "2022", "2023", "2024", "2025", "Trend"]
    assert rows[1][0] == "Labor inspectorate" and len(set(rows[1])) == 1  # a group row spanning the table
    by_label = {r[0]: r for r in rows}
    assert by_label["Labor inspections conducted"][3] == "Unavailable"
    assert by_label["Number of labor inspectors"][5] == "640 (a)"
    assert by_label["Inspectors meet the ILO's recommendation"][1:6] == ["No", "No", "Yes", "Yes", "Yes"]
    assert by_label["Labor inspectorate funding (USD)"][1] == "32,000,000"
    trends = [d.get("descr") for d in table._tbl.iter(f"{WP}docPr")]
    assert len(trends) == 4
    assert "Trend of labor inspections conducted: 2021: 21,800; 2022: 22,700; 2023: Unavailable" in trends[3]
    notes = [p.text for p in paragraphs_after(internal, "Peru (demo data)", stop_style="Heading 1")]
    assert f"(a) {SCOPE}." in notes and f"Sources: {SOURCE}." in notes


def test_projects_and_the_submission_report_clock_and_the_book_due_date(internal):
    rows = cells(table_after(internal, "Technical cooperation projects"))
    assert rows[1][0] == "Peru" and rows[2][:3] == [PROJECT, "Example Foundation", "USD 4,500,000"]
    assert rows[2][3:] == ["January 1, 2024 – December 31, 2027", "Active", "3"]
    assert CLOSED_PROJECT not in {r[0] for r in rows}
    submissions = cells(table_after(internal, "Open submissions", "Heading1"))
    assert submissions[0][-1] == "Report due" and submissions[1][-1] == "November 29, 2025 OVERDUE"
    assert any(p.text.startswith("Book due") and "May 5, 2026" in p.text for p in internal.paragraphs[:30])


def test_the_public_edition_carries_nothing_of_the_brief(store: Store, sample: Sample, tmp_path: Path):
    public = write(store, sample, tmp_path / "public.docx", Profile.PUBLIC)
    text = package_text(public)
    brief_texts = [POINT_TO_MAKE, POINT_TO_AVOID, ASK, RESPONSE, PRESS_LINE, EARLIER_TITLE, EARLIER_SUMMARY, LATE,
                   OWED, PROJECT, SOURCE, SCOPE, HEAD.name, HEAD.pronunciation, MEMBER.name, "Former head of SUNAFIL",
                   US_HEAD.name, "Marcus Obi", "Dana Whitfield", "PAST DUE", "OVERDUE", "Report due", "Book due",
                   "Participants", "biographies", "enforcement", "demo data", "Open press", "Closed press",
                   "Full brief", "Continues"]
    assert [t for t in brief_texts if t.casefold() in text.casefold()] == []
    report = withheld_report_path(public).read_text(encoding="utf-8")
    assert ("- The brief: Participants; Open commitments; Partner labor law enforcement; Technical cooperation "
            "projects; Annex: biographies of counterpart officials (internal edition only)") in report
    assert "Agenda item 2: Union registration: " in report and "Points to avoid" in report
    package = docx.Document(str(public)).part.package  # no photo or trend picture either
    assert not [p for p in package.iter_parts() if str(p.partname).startswith("/word/media/")]


@pytest.mark.slow
def test_libreoffice_lays_out_the_brief_with_its_pictures(store: Store, sample: Sample, tmp_path: Path):
    book = write(store, sample, tmp_path / "brief.docx")
    (pdf,) = convert([book], "pdf", tmp_path / "pdf")
    text = words(pdf_text(pdf))  # words, not lines: table cells wrap
    for expected in ("Points to avoid (defensive lines)", POINT_TO_AVOID, HEAD.pronunciation, "PAST DUE",
                     "Peru (demo data)", "Unavailable", PROJECT, "Annex: biographies of counterpart officials",
                     "November 29, 2025 OVERDUE", ASK, RESPONSE):
        assert words(expected) <= text, expected
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    drawn = [line.split() for line in listed.splitlines()[2:]]
    assert len(drawn) == 5  # four trends and one photo, each drawn where the book places it
    assert {row[5] for row in drawn} == {"gray"}


def test_a_photo_that_cannot_be_read_is_said_so_and_the_book_is_still_written(store: Store, sample: Sample,
                                                                                 tmp_path: Path):
    head = store.people.one(name=HEAD.name)
    store.people.set_photo(head.id, b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"broken")
    document = docx.Document(str(write(store, sample, tmp_path / "broken.docx")))
    note = f"[{HEAD.pronunciation}] · {HEAD.title} · {HEAD.organization}"
    photo, biography = table_after(document, note).rows[0].cells
    assert photo.text == "The stored photo could not be read." and "Former head of SUNAFIL." in biography.text
