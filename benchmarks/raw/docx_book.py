"""The raw baseline of the Word book: python-docx and sqlite3 only, none of the app's code.

    python benchmarks/raw/docx_book.py PLAN.pickle STORE TEMPLATE OUTPUT

Reads the meeting's records from the store with sqlite3 (every column of every table the book
draws on), then writes the blocks of PLAN (the same paragraphs, styles, runs with bold, italic and
links, tables and section breaks as the app's book) into TEMPLATE with python-docx and saves.
It takes the fast paths any careful python-docx user would: paragraphs appended before the body's
final section properties with their style id set directly, table rows copied from one prepared
row, one relationship per distinct link.
"""

import pickle
import sqlite3
import sys
from copy import deepcopy

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Emu
from docx.text.paragraph import Paragraph
from docx.text.run import Run

TABLES = ("meetings", "agenda_items", "law_changes", "submissions", "questions", "partners", "agreements", "topics")


def read_store(path: str) -> dict[str, list]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {name: conn.execute(f"SELECT * FROM {name}").fetchall() for name in TABLES if name in names}


def main(plan_path: str, store: str, template: str, output: str) -> None:
    with open(plan_path, "rb") as file:
        blocks = pickle.load(file)
    read_store(store)
    document = Document(template)
    body = document.element.body
    end = body.sectPr
    for child in list(body):
        if child is not end:
            body.remove(child)
    part = document.part
    links: dict[str, str] = {}
    link_style = document.styles["Hyperlink"] if "Hyperlink" in document.styles else None  # noqa: SIM401

    def add_runs(p, runs) -> None:
        paragraph = Paragraph(p, document._body)
        for text, bold, italic, link in runs:
            if link is None:
                run = paragraph.add_run(text)
            else:
                rid = links.get(link) or links.setdefault(
                    link, part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
                hyperlink = OxmlElement("w:hyperlink")
                hyperlink.set(qn("r:id"), rid)
                p.append(hyperlink)
                r = OxmlElement("w:r")
                hyperlink.append(r)
                run = Run(r, paragraph)
                run.text = text
                if link_style is not None:
                    run.style = link_style
            if bold:
                run.bold = True
            if italic:
                run.italic = True

    width = Emu(document.sections[0].page_width - document.sections[0].left_margin * 2)
    for block in blocks:
        if block[0] == "p":
            _, style, runs, section = block
            p = OxmlElement("w:p")
            if style:
                p.style = style
            end.addprevious(p)
            add_runs(p, runs)
            if section:
                sect = deepcopy(end)
                p.get_or_add_pPr().append(sect)
                if section == "landscape":
                    size = sect.find(qn("w:pgSz"))
                    width_, height = size.get(qn("w:w")), size.get(qn("w:h"))
                    size.set(qn("w:orient"), "landscape")
                    size.set(qn("w:w"), height)
                    size.set(qn("w:h"), width_)
            continue
        _, style, rows = block
        columns = max(sum(span for span, _ in r) for r in rows)
        tbl = CT_Tbl.new_tbl(2, columns, width)
        if style:
            tbl.tblPr.style = style
        end.addprevious(tbl)
        template_row = tbl.tr_lst[1]
        tbl.remove(tbl.tr_lst[0])
        tbl.remove(template_row)
        for row in rows:
            tr = deepcopy(template_row)
            tbl.append(tr)
            cells = tr.tc_lst
            for tc in cells[len(row):]:
                tr.remove(tc)
            for tc, (span, paragraphs) in zip(cells, row, strict=False):
                if span > 1:
                    tc.grid_span = span
                first = tc.p_lst[0]
                for n, runs in enumerate(paragraphs):
                    p = first if n == 0 else tc.add_p()
                    add_runs(p, runs)
    document.save(output)


if __name__ == "__main__":
    main(*sys.argv[1:5])
