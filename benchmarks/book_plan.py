"""What a written book holds, as plain data a raw writer can copy: paragraphs with their style and
runs (text, bold, italic, link), tables with their cells, and section breaks. Python-docx and lxml only.
"""

from docx import Document
from docx.oxml.ns import qn

HYPERLINK, RUN, TABLE, PARAGRAPH = qn("w:hyperlink"), qn("w:r"), qn("w:tbl"), qn("w:p")
R_ID = qn("r:id")


def _on(properties, tag: str) -> bool:
    if properties is None:
        return False
    found = properties.find(qn(tag))
    return found is not None and found.get(qn("w:val")) not in ("0", "false")


def _runs(p, targets: dict[str, str]) -> list[tuple[str, bool, bool, str | None]]:
    """(text, bold, italic, link) for each run of a paragraph, links from their relationship."""
    runs = []
    for child in p:
        if child.tag == RUN:
            runs.append((_text(child), _on(child.rPr, "w:b"), _on(child.rPr, "w:i"), None))
        elif child.tag == HYPERLINK:
            target = targets.get(child.get(R_ID, ""))
            runs.extend((_text(r), _on(r.rPr, "w:b"), _on(r.rPr, "w:i"), target) for r in child.iter(RUN))
    return [r for r in runs if r[0]]


def _text(run) -> str:
    parts = []
    for child in run:
        tag = child.tag.rsplit("}", 1)[-1]
        parts.append(child.text or "" if tag == "t" else "\t" if tag == "tab" else "\n" if tag in ("br", "cr") else "")
    return "".join(parts)


def _paragraph(p, targets: dict[str, str]) -> tuple:
    style = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else None
    section = p.pPr is not None and p.pPr.find(qn("w:sectPr")) is not None
    landscape = section and p.pPr.find(qn("w:sectPr")).find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    return ("p", style, _runs(p, targets), "landscape" if landscape else "portrait" if section else None)


def plan(path) -> list[tuple]:
    """The body of the .docx at `path` in order: ("p", style id, runs, section break or None) and
    ("t", style id, rows of cells, each its column span and its paragraphs' runs)."""
    document = Document(str(path))
    targets = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.is_external}
    blocks: list[tuple] = []
    for child in document.element.body.iterchildren():
        if child.tag == PARAGRAPH:
            blocks.append(_paragraph(child, targets))
        elif child.tag == TABLE:
            style = child.tblPr.find(qn("w:tblStyle"))
            rows = [[(tc.grid_span, [_runs(p, targets) for p in tc.p_lst]) for tc in tr.tc_lst]
                    for tr in child.tr_lst]
            blocks.append(("t", style.get(qn("w:val")) if style is not None else None, rows))
    return blocks


def texts(path) -> list:
    """The plan without formatting: what two books must share to count as the same."""
    def cells(row: list) -> list:
        return [(span, ["".join(r[0] for r in runs) for runs in cell]) for span, cell in row]

    return [(b[0], b[1], [r[0] for r in b[2]]) if b[0] == "p" else (b[0], [cells(row) for row in b[2]])
            for b in plan(path)]
