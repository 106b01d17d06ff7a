"""WordprocessingML that python-docx has no API for: fields, the contents list, bookmarks and links,
right-to-left text, table shading and repeated header rows. Every raw-XML edit of the book lives here."""

import re
from copy import deepcopy

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Length
from docx.text.paragraph import Paragraph

# Children of w:settings that must come after w:updateFields, in ECMA-376 order.
SETTINGS_ORDER = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


# Document body and settings
def clear_body(body) -> object:
    """Remove everything from a template's body but its final section properties (page size, margins,
    header links); returns that w:sectPr, before which the book appends its blocks."""
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        sect_pr = body._add_sectPr()
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    return sect_pr


def document_language(styles, lang: str) -> None:
    """The document's default language (docDefaults), which screen readers and a PDF's /Lang take."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        successor = next((c for c in r_pr if c.tag in {qn("w:eastAsianLayout"), qn("w:specVanish"),
                                                       qn("w:oMath")}), None)
        if successor is None:
            r_pr.append(language)
        else:
            successor.addprevious(language)
    language.set(qn("w:val"), lang)


def request_field_update(settings) -> None:
    """Ask Word to refresh every field (contents, page numbers) when the file is opened."""
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = _element("w:updateFields", val="true")
    successor = next((child for child in settings if child.tag in {qn(f"w:{t}") for t in SETTINGS_ORDER}),
                     None)
    if successor is None:
        settings.append(flag)
    else:
        successor.addprevious(flag)


def has_content(part) -> bool:
    """Whether a header or footer shows anything: text, a picture or a field."""
    return any((t.text or "").strip() for t in part.iter(qn("w:t"))) or any(
        True for _ in part.iter(qn("w:drawing"), qn("w:pict"), qn("w:fldSimple"), qn("w:instrText")))


def has_field(part, name: str) -> bool:
    """Whether `part` holds a field of that name (PAGE), simple or complex."""
    pattern = f" {name} "
    return any(pattern in f" {(i.text or '').strip()} " for i in part.iter(qn("w:instrText"))) or any(
        f.get(qn("w:instr"), "").split()[:1] == [name] for f in part.iter(qn("w:fldSimple")))


# Fields
def _field_char(kind: str):
    run = OxmlElement("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def _instruction(text: str):
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {text} "
    run.append(instr)
    return run


def append_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES, PAGEREF...) at the end of `paragraph`, showing `shown` until
    updated (an empty result still gets its run, where finishing writes the page number)."""
    p = paragraph._p
    p.append(_field_char("begin"))
    p.append(_instruction(instruction))
    p.append(_field_char("separate"))
    set_text(paragraph.add_run()._r, shown)
    p.append(_field_char("end"))


def contents_tab(text_width: Length):
    """A w:tabs with one right-aligned, dot-led stop at the text's right edge, for contents page numbers."""
    tabs = OxmlElement("w:tabs")
    tabs.append(_element("w:tab", val="right", leader="dot", pos=str(int(text_width.twips))))
    return tabs


# Bookmarks and links
def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Bookmark the whole paragraph under `name`, the target of a contents entry."""
    p = paragraph._p
    start = _element("w:bookmarkStart", id=str(number), name=name)
    anchor = p.pPr
    if anchor is None:
        p.insert(0, start)
    else:
        anchor.addnext(start)
    p.append(_element("w:bookmarkEnd", id=str(number)))


def _link(paragraph: Paragraph, runs, **target: str) -> None:
    link = OxmlElement("w:hyperlink")
    for name, value in target.items():
        link.set(qn(name), value)
    for run in runs:
        link.append(run._r)
    paragraph._p.append(link)


def internal_link(paragraph: Paragraph, runs, anchor: str) -> None:
    """Make `runs` (already in `paragraph`) a link to the bookmark `anchor`."""
    _link(paragraph, runs, **{"w:anchor": anchor, "w:history": "1"})


def external_link(paragraph: Paragraph, runs, rel_id: str) -> None:
    """Make `runs` a link to the external target registered as `rel_id` (see LinkTargets)."""
    _link(paragraph, runs, **{"r:id": rel_id})


class LinkTargets:
    """One relationship per URL, found by a dict: python-docx's own lookup scans every relationship of
    the part for each link, which is quadratic for a book of thousands of sources."""

    def __init__(self, part):
        self._rels = part.rels
        self._ids: dict[str, str] = {}

    def id_for(self, url: str) -> str:
        if url not in self._ids:
            number = len(self._ids) + 1
            while f"rIdLink{number}" in self._rels:
                number += 1
            self._rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, f"rIdLink{number}", is_external=True)
            self._ids[url] = f"rIdLink{number}"
        return self._ids[url]


# Text
NO_BREAK_HYPHEN = re.compile(r"(?<=[A-Z])-(?=[A-Z]{2})")  # CAFTA-DR, US-MCA: never broken at the line end


def set_text(r, text: str) -> None:
    """The run's text as w:t elements, a hyphen inside an acronym compound as Word's non-breaking hyphen;
    python-docx's setter walks the text a character at a time looking for tabs and line breaks, so it is
    kept for text that has them."""
    if "\t" in text or "\n" in text:
        r.text = text
        return
    for n, piece in enumerate(NO_BREAK_HYPHEN.split(text) if "-" in text else [text]):
        if n:
            r.append(OxmlElement("w:noBreakHyphen"))
        if piece or n == 0:
            t = OxmlElement("w:t")
            t.text = piece
            if piece[:1].isspace() or piece[-1:].isspace():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)


# Right-to-left
def right_to_left_paragraph(p: CT_P) -> None:
    p.get_or_add_pPr().insert_element_before(
        _element("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def right_to_left_run(r) -> None:
    r.get_or_add_rPr().append(_element("w:rtl"))


def run_language(r, lang: str, *, east_asian: bool = False, bidi: bool = False) -> None:
    """The run's language (w:lang), in the attribute Word reads for its script."""
    attribute = "eastAsia" if east_asian else "bidi" if bidi else "val"
    r_pr = r.get_or_add_rPr()
    r_pr.append(_element("w:lang", **{attribute: lang}))


# Paragraph decoration
_AFTER_BORDERS = (  # children of w:pPr that come after w:pBdr, in schema order
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange")


def bottom_rule(paragraph: Paragraph, color: str, size_eighths: int = 12) -> None:
    """A rule under the paragraph (the cover's title)."""
    borders = OxmlElement("w:pBdr")
    borders.append(_element("w:bottom", val="single", sz=str(size_eighths), space="6", color=color))
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)


def callout(paragraph: Paragraph, rule: str, fill: str) -> None:
    """A thick rule down the paragraph's left side and a light fill behind it. Consecutive paragraphs
    so marked share one box, a block set apart from the text around it in colour and in grey print."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for edge, size in (("top", "4"), ("left", "24"), ("bottom", "4"), ("right", "4")):
        borders.append(_element(f"w:{edge}", val="single", sz=size, space="4", color=rule))
    p_pr.insert_element_before(borders, *_AFTER_BORDERS)
    p_pr.insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill), *_AFTER_BORDERS[1:])


# Tables
def shade_cell(tc, fill: str) -> None:
    tc_pr = tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shading = _element("w:shd", val="clear", color="auto", fill=fill)
    successor = next((c for c in tc_pr if c.tag in {qn("w:noWrap"), qn("w:tcMar"), qn("w:textDirection"),
                                                   qn("w:tcFitText"), qn("w:vAlign"), qn("w:hideMark")}), None)
    if successor is None:
        tc_pr.append(shading)
    else:
        successor.addprevious(shading)


def _row_properties(tr, *tags: str) -> None:
    """Add flags to a row's w:trPr once each (w:cantSplit before w:tblHeader, as the schema orders them)."""
    tr_pr = tr.get_or_add_trPr()
    for tag in tags:
        if tr_pr.find(qn(f"w:{tag}")) is None:
            tr_pr.append(_element(f"w:{tag}", val="true") if tag == "tblHeader" else OxmlElement(f"w:{tag}"))


def repeat_as_header(tr) -> None:
    """The row repeats at the top of every page the table runs onto, and is never split."""
    _row_properties(tr, "cantSplit", "tblHeader")


def keep_row_together(tr) -> None:
    """The row is never split across pages: a page break falls between rows."""
    _row_properties(tr, "cantSplit")


def keep_row_with_next(tr, keep: bool = True) -> None:
    """The row's paragraphs keep with the row after them (a header or group row is never left alone at
    a page foot), or no longer do."""
    for p in tr.iter(qn("w:p")):
        p_pr = p.get_or_add_pPr()
        for old in p_pr.findall(qn("w:keepNext")):
            p_pr.remove(old)
        if keep:
            p_pr.insert_element_before(OxmlElement("w:keepNext"), *_AFTER_KEEP_NEXT)


_AFTER_KEEP_NEXT = (
    "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers",
    "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)


def spanning_row(template_tr, width: Length):
    """A copy of `template_tr` whose first cell spans every column (a group heading row)."""
    tr = deepcopy(template_tr)
    cells = tr.findall(qn("w:tc"))
    for extra in cells[1:]:
        tr.remove(extra)
    tc_pr = cells[0].get_or_add_tcPr()
    tc_pr.width = width
    tc_pr.grid_span = len(cells)
    return tr


def cell_margins(tbl, top_bottom_twips: int) -> None:
    """Breathing room above and below cell text, whatever the paragraph style's spacing."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "bottom"):
        margins.append(_element(f"w:{edge}", w=str(top_bottom_twips), type="dxa"))
    look = tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        tbl.tblPr.append(margins)
    else:
        look.addprevious(margins)


def add_grid_borders(table_style_element, color: str = "808080") -> None:
    """Give a table style single-line borders on every edge (for a template that lacks Table Grid)."""
    tbl_pr = table_style_element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        table_style_element.append(tbl_pr)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="single", sz="4", space="0", color=color))
    tbl_pr.append(borders)
