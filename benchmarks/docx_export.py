"""How long the Word briefing book takes for a large meeting, against raw python-docx writing the same text.

Builds a store through the store API (40 agenda items, 2,000 law changes, 5,000 questions), exports the
book, then reads the book's blocks back (each paragraph's style and text, each table's rows) and times
python-docx writing exactly those blocks with no app around it, on the same fast paths the exporter uses:
paragraphs appended before the final section properties with their style id set directly (python-docx's
`Paragraph.style` setter looks up the default style on every call), table rows copied from one prepared row.

    .venv/bin/python benchmarks/docx_export.py [--keep DIR]
"""

import argparse
import platform
import sys
import tempfile
import time
from copy import deepcopy
from datetime import date, datetime, timedelta
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.shared import Emu
from docx.table import Table
from docx.text.paragraph import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from council_prep.book import assemble_book
from council_prep.domain import (
    AgendaItem,
    AskerType,
    LawChange,
    LawChangeStatus,
    Meeting,
    Question,
    QuestionStatus,
)
from council_prep.exporters.docx import default_template, export_docx
from council_prep.store import Store

AGENDA_ITEMS, LAW_CHANGES, QUESTIONS = 40, 2_000, 5_000
TOPICS = ["freedom_of_association", "collective_bargaining", "forced_labor", "child_labor", "discrimination",
          "minimum_wages", "hours_of_work", "occupational_safety_health", "labor_law_enforcement", "migrant_workers"]
SENTENCE = "The ministry reports progress on inspections, registration and dispute resolution in the sector. "


def build_store(path: Path) -> int:
    with Store.open(path) as store, store.transaction():
        meeting = store.meetings.add(Meeting(
            agreement_key="cafta-dr", partner_codes=["GT", "HN", "SV"], title="CAFTA-DR Labor Affairs Council",
            session_date=date(2026, 6, 2), public_session_date=date(2026, 6, 3), length_minutes=480,
            location="San Salvador", handling_marking="SENSITIVE BUT UNCLASSIFIED",
        ))
        change_ids = []
        for n in range(LAW_CHANGES):
            change = store.law_changes.add(LawChange(
                partner_code=("GT", "HN", "SV")[n % 3], title=f"Decree {n}-2025 on labor matters, article {n % 97}",
                status=list(LawChangeStatus)[n % 5], topic_keys=[TOPICS[n % len(TOPICS)]],
                introduced_on=date(2024, 1, 1) + timedelta(days=n % 300), summary=SENTENCE * 3,
                source_citation=f"Diario Oficial No. {n}", source_url=f"https://example.org/decree/{n}",
                assessment=SENTENCE * 2, follow_up="Ask for implementation data.",
            ))
            change_ids.append(change.id)
        for n in range(AGENDA_ITEMS):
            store.agenda.add(AgendaItem(
                meeting_id=meeting.id, title=f"Agenda item {n + 1}: enforcement cooperation", minutes=12,
                lead="Deputy Director", objective=SENTENCE, background=SENTENCE * 4,
                talking_points=[f"Point {k}: {SENTENCE}" for k in range(4)],
                topic_key=TOPICS[n % len(TOPICS)], law_change_ids=change_ids[n * 5:n * 5 + 5],
            ))
        first_ids: list[int] = []
        for n in range(QUESTIONS):
            duplicate_of = first_ids[-1] if n % 10 == 9 and first_ids else None
            question = store.questions.add(Question(
                meeting_id=meeting.id, text=f"Question {n}: {SENTENCE}", asker_name=f"Asker {n % 700}",
                organization=f"Organization {n % 120}", asker_type=list(AskerType)[n % 6],
                topic_key=TOPICS[n % len(TOPICS)], received_at=datetime(2026, 5, 1) + timedelta(minutes=n),
                status=QuestionStatus.ANSWERED if n % 3 else QuestionStatus.NEW, confidential=n % 17 == 0,
                suggested_answer=SENTENCE * 2 if n % 3 else "", duplicate_of=duplicate_of,
            ))
            if duplicate_of is None:
                first_ids.append(question.id)  # type: ignore[arg-type]
        return meeting.id  # type: ignore[return-value]


def read_blocks(path: Path) -> list:
    """The book's body as ("p", style, text) and ("t", rows) blocks, in order."""
    document = docx.Document(str(path))
    blocks: list = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = Paragraph(child, document._body)
            blocks.append(("p", paragraph.style.name, paragraph.text))
        elif child.tag.endswith("}tbl"):
            blocks.append(("t", [[tc.xpath("string(.)") for tc in tr.tc_lst] for tr in child.tr_lst]))
    return blocks


def raw_python_docx(blocks: list, output: Path) -> None:
    """The same blocks with python-docx alone: template, styles by name, paragraphs, tables, save."""
    document = docx.Document(str(default_template()))
    body = document.element.body
    end = body.sectPr
    for child in list(body):
        if child is not end:
            body.remove(child)
    style_ids = {name: document.styles[name].style_id for name in {b[1] for b in blocks if b[0] == "p"}}
    width = Emu(document.sections[0].page_width - document.sections[0].left_margin * 2)
    for block in blocks:
        if block[0] == "p":
            p = OxmlElement("w:p")
            p.style = style_ids[block[1]]
            end.addprevious(p)
            paragraph = Paragraph(p, document._body)
            if block[2]:
                paragraph.add_run(block[2])
            continue
        rows = block[1]
        columns = max(len(r) for r in rows)
        tbl = CT_Tbl.new_tbl(2, columns, width)
        end.addprevious(tbl)
        Table(tbl, document._body).style = document.styles["Table Grid"]
        header, template = tbl.tr_lst
        tbl.remove(template)
        for tc, text in zip(header.tc_lst, rows[0], strict=False):
            tc.p_lst[0].add_r().text = text
        for row in rows[1:]:
            tr = deepcopy(template)
            for tc, text in zip(tr.tc_lst, row, strict=False):
                if text:
                    tc.p_lst[0].add_r().text = text
            tbl.append(tr)
    document.save(str(output))


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the store and the books here instead of a temp folder")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each writer (best is reported)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="docx-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    store_path = folder / "large.db"
    store_path.unlink(missing_ok=True)

    start = time.perf_counter()
    meeting_id = build_store(store_path)
    print(f"store built: {AGENDA_ITEMS} agenda items, {LAW_CHANGES} law changes, {QUESTIONS} questions "
          f"in {time.perf_counter() - start:.1f} s")
    with Store.open(store_path, read_only=True) as store:
        start = time.perf_counter()
        book = assemble_book(store, meeting_id)
        assembled = time.perf_counter() - start
    book_path = folder / "large-book.docx"
    app = best_of(args.runs, lambda: export_docx(book, book_path))
    blocks = read_blocks(book_path)
    paragraphs = sum(1 for b in blocks if b[0] == "p")
    rows = sum(len(b[1]) for b in blocks if b[0] == "t")
    raw = best_of(args.runs, lambda: raw_python_docx(blocks, folder / "raw.docx"))
    print(f"book: {paragraphs} paragraphs, {rows} table rows, {book_path.stat().st_size / 1e6:.1f} MB")
    print(f"assemble_book:            {assembled:6.2f} s")
    print(f"export_docx (the app):    {app:6.2f} s")
    print(f"raw python-docx baseline: {raw:6.2f} s")
    print(f"ratio app / raw:          {app / raw:6.2f}  (goal <= 1.5)")
    print(f"python {platform.python_version()}, python-docx {docx.__version__ if hasattr(docx, '__version__') else ''}")


if __name__ == "__main__":
    main()
