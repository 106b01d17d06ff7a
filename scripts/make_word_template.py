"""Build resources/templates/briefing-book.docx, the default look of the briefing book.

Run `.venv/bin/python scripts/make_word_template.py` after changing a style here; the result is
committed so the app needs nothing but the file. Styles use Word's built-in names only, so an agency's
own template (with its own Heading 1, Title, List Bullet...) can replace this one.
"""

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from council_prep.exporters.docx_package import read_template

OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "briefing-book.docx"
BODY_FONT = "Georgia"  # a screen- and print-friendly serif present on Windows and macOS
HEADING_FONT = "Calibri"
NAVY = RGBColor(0x1F, 0x38, 0x64)
INK = RGBColor(0x22, 0x22, 0x22)
GREY = RGBColor(0x59, 0x59, 0x59)
RULE = "1F3864"
GRID = "A6A6A6"


def _font(style, name: str, size: float, *, bold: bool | None = None, color: RGBColor | None = None,
          italic: bool | None = None) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color


def _spacing(style, before: float, after: float, *, line: float | None = None) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _rule_below(style) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", RULE)):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr = style.element.get_or_add_pPr()
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(borders)
    else:
        ppr.append(borders)


def _grid_colour(style, colour: str) -> None:
    for edge in style.element.iter(qn("w:top"), qn("w:left"), qn("w:bottom"), qn("w:right"),
                                   qn("w:insideH"), qn("w:insideV")):
        edge.set(qn("w:color"), colour)


def paragraph_style(document, name: str):
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        return style


def build(output: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    section.top_margin = section.bottom_margin = Inches(1)
    section.header_distance = section.footer_distance = Inches(0.45)

    styles = document.styles
    normal = styles["Normal"]
    _font(normal, BODY_FONT, 10.5, color=INK)
    _spacing(normal, 0, 6, line=1.12)

    _font(styles["Title"], HEADING_FONT, 30, color=NAVY)
    _spacing(styles["Title"], 0, 6)
    _font(styles["Subtitle"], HEADING_FONT, 14, color=GREY, italic=False)
    _spacing(styles["Subtitle"], 6, 6)
    for level, size, before, after in ((1, 18, 0, 10), (2, 13.5, 16, 4), (3, 11, 10, 2), (4, 10.5, 10, 2)):
        heading = styles[f"Heading {level}"]
        _font(heading, HEADING_FONT, size, bold=True, color=NAVY, italic=False)
        _spacing(heading, before, after)
        heading.paragraph_format.keep_with_next = True
    _rule_below(styles["Heading 1"])
    contents_heading = styles["TOC Heading"]
    _font(contents_heading, HEADING_FONT, 18, bold=True, color=NAVY)
    _spacing(contents_heading, 0, 12)
    toc1, toc2 = paragraph_style(document, "TOC 1"), paragraph_style(document, "TOC 2")
    _font(toc1, HEADING_FONT, 10.5, bold=True, color=NAVY)
    _spacing(toc1, 5, 1)
    _font(toc2, HEADING_FONT, 10, color=INK)
    _spacing(toc2, 0, 1)
    toc2.paragraph_format.left_indent = Inches(0.3)
    for toc in (toc1, toc2):  # where Word puts page numbers when it rebuilds the contents
        toc.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    bullets = styles["List Bullet"]
    _spacing(bullets, 0, 3)
    _font(styles["Caption"], HEADING_FONT, 9, italic=True, color=GREY)
    for name in ("Header", "Footer"):
        _font(styles[name], HEADING_FONT, 8.5, color=GREY)
    cells = styles["No Spacing"]
    _font(cells, HEADING_FONT, 9.5, color=INK)
    _spacing(cells, 0, 0, line=1.0)
    _grid_colour(styles["Table Grid"], GRID)

    properties = document.core_properties
    properties.title = "Briefing book"
    properties.author = properties.last_modified_by = "council-prep"
    properties.created = properties.modified = datetime(2025, 1, 1)
    properties.revision = 1
    output.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(output))
    # Through the same strainer as a user's template: no thumbnail, customXml or stylesWithEffects.
    output.write_bytes(read_template(output).getvalue())
    return output


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
