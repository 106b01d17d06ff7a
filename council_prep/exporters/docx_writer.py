"""A thin layer over python-docx that writes the book's blocks quickly and in the template's styles.

Blocks are appended straight before the body's final section properties: python-docx's own
`add_paragraph` searches the whole body each time, which is quadratic for a book of 30,000 paragraphs.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Emu, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from council_prep.domain.text import clean, is_right_to_left
from council_prep.exporters import docx_xml

NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
LINK = RGBColor(0x1F, 0x4E, 0x99)
GROUP_FILL = "DCE3EE"
CONTENTS_FIELD = 'TOC \\o "1-2" \\h \\z \\u'

# Styles the book uses, with what to give each when a user's template lacks it: (points, bold, indent pt).
_FALLBACKS: dict[str, tuple[float | None, bool, float]] = {
    "Title": (26, True, 0), "Subtitle": (14, False, 0), "Heading 1": (16, True, 0), "Heading 2": (13, True, 0),
    "Heading 3": (11, True, 0), "Heading 4": (None, True, 0), "List Bullet": (None, False, 18),
    "TOC Heading": (16, True, 0), "TOC 1": (None, True, 0), "TOC 2": (None, False, 14), "Header": (None, False, 0),
    "Footer": (None, False, 0), "No Spacing": (None, False, 0),
}
TABLE_STYLE = "Table Grid"
CELL_STYLE = "No Spacing"
SHORT_TABLE = 15  # rows; a table this short is kept on one page


class Styles:
    """The template's styles by name (case-insensitively, as Word names built-ins 'heading 1', 'toc 1'),
    with any the book needs added when missing, so a sparse user template still works."""

    def __init__(self, document: Document):
        self._document = document
        by_name = {style.name.casefold(): style for style in document.styles if style.name}
        self._ids: dict[str, str] = {}
        self.bullet_prefix = ""
        for name, (size, bold, indent) in _FALLBACKS.items():
            style = by_name.get(name.casefold())
            if style is None or style.type != WD_STYLE_TYPE.PARAGRAPH:
                style = self._add_paragraph_style(name, size, bold, indent)
                if name == "List Bullet":
                    self.bullet_prefix = "•\u00a0"
            self._ids[name] = style.style_id
        self._ids["Normal"] = by_name["normal"].style_id if "normal" in by_name else self._ids["No Spacing"]
        table = by_name.get(TABLE_STYLE.casefold())
        if table is None or table.type != WD_STYLE_TYPE.TABLE:
            table = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
            docx_xml.add_grid_borders(table.element)
        self.table = table
        heading = by_name.get("heading 1")
        colour = heading.font.color.rgb if heading is not None and heading.font.color.type is not None else None
        self.accent = str(colour or NAVY)

    def _add_paragraph_style(self, name: str, size: float | None, bold: bool, indent: float):
        style = self._document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self._document.styles["Normal"]
        if size:
            style.font.size = Pt(size)
        style.font.bold = bold or None
        if indent:
            style.paragraph_format.left_indent = Pt(indent)
        if name.startswith(("Heading", "Title", "TOC Heading")):
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12)
        return style

    def id(self, name: str) -> str:
        return self._ids[name]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


class Writer:
    """Appends paragraphs, headings, bullets and tables to a document started from a template."""

    def __init__(self, document: Document):
        self.document = document
        self._end = docx_xml.clear_body(document.element.body)
        self._parent = document._body
        self.styles = Styles(document)
        self.headings: list[Heading] = []
        self._fresh_page = True
        self._contents_placeholder = None
        self._formats: dict[tuple, object] = {}
        self._layouts: dict[tuple, object] = {}
        self._links = docx_xml.LinkTargets(document.part)

    # Paragraphs
    def _paragraph(self, style: str, before=None, *, keep_next: bool = False, indent: float | None = None) -> Paragraph:
        p = OxmlElement("w:p")
        p.append(self._layout(style, keep_next, indent))
        (before if before is not None else self._end).addprevious(p)
        self._fresh_page = False
        return Paragraph(p, self._parent)

    def _layout(self, *key) -> object:
        """Paragraph properties for a style and layout, made once and copied (as `_format` for runs)."""
        if key not in self._layouts:
            style, keep_next, indent = key
            scratch = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
            scratch._p.style = self.styles.id(style)
            scratch.paragraph_format.keep_with_next = keep_next or None
            scratch.paragraph_format.left_indent = Pt(indent) if indent is not None else None
            self._layouts[key] = scratch._p.pPr
        return deepcopy(self._layouts[key])

    def run(self, paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
            size: float | None = None, color: RGBColor | None = None, underline: bool = False) -> Run:
        """A run of `paragraph`, marked right-to-left when its text is."""
        text = clean(text)
        run = paragraph.add_run()
        docx_xml.set_text(run._r, text)
        if bold or italic or size or color is not None or underline:
            run._r.insert(0, self._format(bold, italic, size, color, underline))
        if is_right_to_left(text):
            docx_xml.right_to_left_run(run._r)
        return run

    def _format(self, *key) -> object:
        """Run properties for a formatting, made once and copied: setting them one by one through
        python-docx costs a search of the property list for each."""
        if key not in self._formats:
            bold, italic, size, color, underline = key
            scratch = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
            scratch.bold, scratch.italic, scratch.underline = bold or None, italic or None, underline or None
            scratch.font.size = Pt(size) if size else None
            if color is not None:
                scratch.font.color.rgb = color
            self._formats[key] = scratch._r.rPr
        return deepcopy(self._formats[key])

    def link(self, paragraph: Paragraph, url: str) -> None:
        """The URL as a link the reader can click."""
        run = self.run(paragraph, url, underline=True, color=LINK)
        docx_xml.external_link(paragraph, run, self._links.id_for(url))

    def paragraph(self, text: str = "", style: str = "Normal", *, label: str = "", italic: bool = False,
                  indent: float | None = None, keep_next: bool = False, size: float | None = None,
                  color: RGBColor | None = None, bold: bool = False) -> Paragraph:
        """One paragraph, optionally led by a bold `label`; set right-to-left when its text is."""
        paragraph = self._paragraph(style, keep_next=keep_next, indent=indent)
        if is_right_to_left(text or label):
            docx_xml.right_to_left_paragraph(paragraph._p)
        if label:
            self.run(paragraph, label, bold=True, size=size, color=color)
        if text:
            self.run(paragraph, text, italic=italic, size=size, color=color, bold=bold)
        return paragraph

    def text(self, text: str, *, label: str = "", indent: float | None = None, italic: bool = False) -> None:
        """Free text as paragraphs, one per line typed; `label` leads the first."""
        lines = [line for line in clean(text).split("\n") if line.strip()]
        for n, line in enumerate(lines):
            self.paragraph(line, label=label if n == 0 else "", indent=indent, italic=italic)

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.paragraph(self.styles.bullet_prefix + item, "List Bullet")

    def note(self, text: str) -> Paragraph:
        """A quiet line of facts under a heading (time, lead, status...)."""
        return self.paragraph(text, italic=True, color=GREY, size=9.5, keep_next=True)

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading; a level-1 heading starts a new page, and levels 1-2 go into the contents."""
        fresh = self._fresh_page
        paragraph = self.paragraph(text, f"Heading {level}")
        if level == 1 and not fresh:
            paragraph.paragraph_format.page_break_before = True
        if level <= 2:
            anchor = f"_Toc{len(self.headings) + 1:08d}"
            docx_xml.bookmark(paragraph, anchor, len(self.headings) + 1)
            self.headings.append(Heading(level, clean(text), anchor))
        return paragraph

    # Page layout
    def text_width(self) -> Emu:
        section = Section(self._end, self.document.part)
        return Emu(section.page_width - section.left_margin - section.right_margin)

    @contextmanager
    def landscape(self) -> Iterator[None]:
        """Write the block on landscape pages (wide tables), then return to portrait."""
        self._new_section(WD_ORIENT.LANDSCAPE)
        yield
        self._new_section(WD_ORIENT.PORTRAIT)

    def _new_section(self, orientation: WD_ORIENT) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        if section.orientation != orientation:
            section.orientation = orientation
            section.page_width, section.page_height = section.page_height, section.page_width
        self._fresh_page = True

    def page_break_before(self, paragraph: Paragraph) -> None:
        paragraph.paragraph_format.page_break_before = True

    def running_heads(self, marking: str, title: str) -> None:
        """Header and footer on every page: the handling marking, the title and 'Page X of Y'."""
        section = Section(self._end, self.document.part)
        section.different_first_page_header_footer = False
        self.document.settings.odd_and_even_pages_header_footer = False
        header, footer = section.header, section.footer
        for part in (header, footer):
            part.is_linked_to_previous = False
            for child in list(part._element):
                part._element.remove(child)
        if marking:
            self._centered(header.add_paragraph(style=self.document.styles["Header"]), marking, bold=True)
            self._centered(footer.add_paragraph(style=self.document.styles["Footer"]), marking, bold=True)
        top = header.add_paragraph(style=self.document.styles["Header"])
        self._centered(top, title, color=GREY)
        bottom = footer.add_paragraph(style=self.document.styles["Footer"])
        self._centered(bottom, "Page ", color=GREY)
        docx_xml.append_field(bottom, "PAGE", "1")
        bottom.add_run(" of ")
        docx_xml.append_field(bottom, "NUMPAGES", "1")

    def _centered(self, paragraph: Paragraph, text: str, *, bold: bool = False, color: RGBColor | None = None):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(paragraph, text, bold=bold, color=color)

    # Contents
    def contents(self, title: str) -> None:
        """The contents list's place; filled by `finish` once every heading is known."""
        heading = self.paragraph(title, "TOC Heading")
        self.page_break_before(heading)
        self._contents_placeholder = self._paragraph("Normal")._p

    def finish(self) -> None:
        """Write the contents as a TOC field Word refreshes on open, its current result listing every
        heading (so readers that never update fields still show it), and ask Word to update fields."""
        placeholder = self._contents_placeholder
        if placeholder is not None:
            entries = []
            for heading in self.headings:
                entry = self._paragraph(f"TOC {heading.level}", before=placeholder)
                if is_right_to_left(heading.text):
                    docx_xml.right_to_left_paragraph(entry._p)
                docx_xml.internal_link(entry, self.run(entry, heading.text), heading.anchor)
                entries.append(entry)
            if not entries:
                entries.append(self._paragraph("Normal", before=placeholder))
                entries[0].add_run("The book has no sections.")
            docx_xml.wrap_in_field(entries[0], entries[-1], CONTENTS_FIELD)
            placeholder.getparent().remove(placeholder)
        docx_xml.request_field_update(self.document.settings.element)

    # Tables
    def table(self, columns: Sequence[tuple[str, float]], rows: Iterable[Sequence[str] | str],
              *, total: Sequence[str] | None = None) -> Table:
        """A table in the template's grid style whose header row is shaded and repeats on every page.

        `columns` are (title, relative width); a row given as a single string becomes a group heading
        spanning the table. Rows are copies of one prepared row, which keeps large tables fast. A short
        table is kept on one page, with the heading before it.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        width = self.text_width()
        weight = sum(w for _, w in columns)
        widths = [Emu(int(width * w / weight)) for _, w in columns]
        tbl = CT_Tbl.new_tbl(2, len(columns), width)
        self._end.addprevious(tbl)
        self._fresh_page = False
        table = Table(tbl, self._parent)
        table.style = self.styles.table
        table.autofit = False
        docx_xml.cell_margins(tbl, 40)
        for column, column_width in zip(table.columns, widths, strict=True):
            column.width = column_width
        header, template = tbl.tr_lst
        keep = len(rows) <= SHORT_TABLE
        for tr in (header, template):
            for tc, column_width in zip(tr.tc_lst, widths, strict=True):
                tc.width = column_width
                tc.p_lst[0].append(self._layout(CELL_STYLE, keep, None))
        tbl.remove(template)
        docx_xml.repeat_as_header(header)
        for tc, (title, _) in zip(header.tc_lst, columns, strict=True):
            docx_xml.shade_cell(tc, self.styles.accent)
            self._cell(tc, title, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
        for row in rows:
            if isinstance(row, str):
                tr = docx_xml.spanning_row(template, width)
                docx_xml.shade_cell(tr.tc_lst[0], GROUP_FILL)
                docx_xml.keep_row_together(tr)
                self._cell(tr.tc_lst[0], row, bold=True)
            else:
                tr = deepcopy(template)
                for tc, value in zip(tr.tc_lst, row, strict=True):
                    self._cell(tc, value)
            tbl.append(tr)
        if total is not None:
            tr = deepcopy(template)
            for tc, value in zip(tr.tc_lst, total, strict=True):
                self._cell(tc, value, bold=True)
            tbl.append(tr)
        if keep:
            docx_xml.release_from_next(tbl.tr_lst[-1])
        return table

    def _cell(self, tc, value: str, *, bold: bool = False, color: RGBColor | None = None) -> None:
        if not value:
            return
        paragraph = Paragraph(tc.p_lst[0], self._parent)
        if is_right_to_left(value):
            docx_xml.right_to_left_paragraph(paragraph._p)
        self.run(paragraph, value, bold=bold, color=color)
