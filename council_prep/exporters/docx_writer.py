"""A thin layer over python-docx that writes the book's blocks quickly and in the template's styles.

Blocks are appended straight before the body's final section properties: python-docx's own
`add_paragraph` searches the whole body each time, which is quadratic for a book of 30,000 paragraphs.
"""

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Emu, Inches, Length, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from council_prep.domain.text import clean, is_right_to_left
from council_prep.exporters import docx_chart, docx_xml
from council_prep.exporters.docx_lang import ENGLISH, pieces
from council_prep.exporters.docx_styles import CELL_STYLE, Styles
from council_prep.exporters.docx_widths import fitted_widths

GREY = RGBColor(0x59, 0x59, 0x59)
LINK = RGBColor(0x1F, 0x4E, 0x99)
GROUP_FILL = "DCE3EE"
CALLOUT_FILL = "F2F2F2"

SHORT_TABLE = 8  # rows; a table this short is kept on one page with what leads to it
PICTURE_IDS = 100_000  # drawing ids of pictures start here, clear of the charts' (see docx_chart)


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
        docx_xml.document_language(document.styles.element, ENGLISH)
        self._bookmarks = 0
        self._charts = 0
        self._pictures = 0
        self._brief_before = False

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
            size: float | None = None, color: RGBColor | None = None, underline: bool = False) -> list[Run]:
        """`text` at the end of `paragraph`: one run per script, each with its language (w:lang) and
        right-to-left where its text is."""
        made = []
        for piece in pieces(clean(text)):
            run = paragraph.add_run()
            docx_xml.set_text(run._r, piece.text)
            if bold or italic or size or color is not None or underline:
                run._r.insert(0, self._format(bold, italic, size, color, underline))
            if piece.bidi or is_right_to_left(piece.text):
                docx_xml.right_to_left_run(run._r)  # w:rtl comes before w:lang in a run's properties
            if piece.lang:
                docx_xml.run_language(run._r, piece.lang, east_asian=piece.east_asian, bidi=piece.bidi)
            made.append(run)
        return made

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
        runs = self.run(paragraph, url, underline=True, color=LINK)
        docx_xml.external_link(paragraph, runs, self._links.id_for(url))

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
            self.bullet(item)

    def bullet(self, text: str) -> Paragraph:
        """One bulleted paragraph; more runs (links) may be added to it."""
        return self.paragraph(self.styles.bullet_prefix + text, "List Bullet")

    def note(self, text: str) -> Paragraph:
        """A quiet line of facts under a heading (time, lead, status...)."""
        return self.paragraph(text, italic=True, color=GREY, size=9.5, keep_next=True)

    def heading(self, text: str, level: int, *, new_page: bool = True, brief: bool = False,
                listed: bool = True) -> Paragraph:
        """A heading; a level-1 heading starts a new page unless `new_page` is False (a short section
        shares the page before it) or the section before was `brief` (a sentence, which shares the page
        after it too); levels 1-2 go into the contents unless not `listed`."""
        fresh = self._fresh_page
        paragraph = self.paragraph(text, f"Heading {level}")
        if level == 1:
            # A section of a sentence shares its page with the section after it too: that section's
            # page break would otherwise leave the sentence alone whenever it falls at a page top.
            if new_page and not fresh and not self._brief_before:
                paragraph.paragraph_format.page_break_before = True
            self._brief_before = brief
        if level <= 2 and listed:
            anchor = f"_Toc{len(self.headings) + 1:08d}"
            self.bookmark(paragraph, anchor)
            self.headings.append(Heading(level, clean(text), anchor))
        return paragraph

    def bookmark(self, paragraph: Paragraph, name: str) -> None:
        """Bookmark the paragraph as `name`, the target of contents entries and links within the book."""
        self._bookmarks += 1
        docx_xml.bookmark(paragraph, name, self._bookmarks)

    def link_within(self, paragraph: Paragraph, text: str, anchor: str) -> None:
        """`text` as a link to the bookmark `anchor` elsewhere in the book."""
        docx_xml.internal_link(paragraph, self.run(paragraph, text, underline=True, color=LINK), anchor)

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
        section.different_first_page_header_footer = False  # only the cover's page has no running heads
        if section.orientation != orientation:
            section.orientation = orientation
            section.page_width, section.page_height = section.page_height, section.page_width
        self._fresh_page = True

    def page_break_before(self, paragraph: Paragraph) -> None:
        paragraph.paragraph_format.page_break_before = True

    def running_heads(self, marking: str, title: str) -> None:
        """Header and footer on every page but the cover: the handling marking, the title and 'Page X of Y'.

        A template's own header or footer is kept (an agency's logo and name), with the marking added
        above it and 'Page X of Y' below unless it numbers its pages itself.
        """
        section = Section(self._end, self.document.part)
        self.document.settings.odd_and_even_pages_header_footer = False
        header, footer = section.header, section.footer
        own = {id(part): not part.is_linked_to_previous and docx_xml.has_content(part._element)
               for part in (header, footer)}
        section.different_first_page_header_footer = True
        for part in (header, footer, section.first_page_header, section.first_page_footer):
            if not own.get(id(part)):
                part.is_linked_to_previous = False
                for child in list(part._element):
                    part._element.remove(child)
        for part, style in ((section.first_page_header, "Header"), (section.first_page_footer, "Footer")):
            part.add_paragraph(style=self.document.styles[style])  # the cover: empty
        if marking:
            for part, style in ((header, "Header"), (footer, "Footer")):
                line = part.add_paragraph(style=self.document.styles[style])
                self._centered(line, marking, bold=True)
                part._element.insert(0, line._p)
        if not own[id(header)]:
            self._centered(header.add_paragraph(style=self.document.styles["Header"]), title, color=GREY)
        if not (own[id(footer)] and docx_xml.has_field(footer._element, "PAGE")):
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
        """Write the contents: one entry per listed heading, a link to it, and its page number as a PAGEREF
        field, which LibreOffice computes as it lays out the pages and Word when it updates fields (which
        it is asked to do on open). Finishing (exporters.office) writes the measured numbers in."""
        placeholder = self._contents_placeholder
        if placeholder is not None:
            entries = []
            tabs = docx_xml.contents_tab(self.text_width())
            for heading in self.headings:
                entry = self._paragraph(f"TOC {heading.level}", before=placeholder)
                entry._p.pPr.append(deepcopy(tabs))
                if is_right_to_left(heading.text):
                    docx_xml.right_to_left_paragraph(entry._p)
                docx_xml.internal_link(entry, self.run(entry, heading.text), heading.anchor)
                entry.add_run("\t")
                docx_xml.append_field(entry, f"PAGEREF {heading.anchor} \\h", "")
                entries.append(entry)
            if not entries:
                entries.append(self._paragraph("Normal", before=placeholder))
                entries[0].add_run("The book has no sections.")
            placeholder.getparent().remove(placeholder)
        docx_xml.request_field_update(self.document.settings.element)

    # Charts
    def chart(self, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]],
              alt_text: str) -> Paragraph:
        """A native bar chart (see docx_chart) in a paragraph of its own, with `alt_text` for screen readers."""
        self._charts += 1
        paragraph = self.paragraph()
        height = Inches(min(1.2 + 0.35 * len(categories), 4.5))
        docx_chart.add_chart(paragraph, self.document.part, self._charts,
                             docx_chart.chart_xml(title, categories, series), alt_text,
                             width=Emu(min(self.text_width(), Inches(6.5))), height=height)
        return paragraph

    # Pictures
    def picture(self, paragraph: Paragraph, data: bytes, alt_text: str, *,
                box: tuple[Length, Length] | None = None) -> None:
        """The image `data` (PNG or JPEG) at the end of `paragraph`, described by `alt_text`, at its own size
        (from its resolution) or scaled to fit `box` (width, height). The drawing is made here with an id of
        its own: python-docx's `add_picture` searches the whole document for a free id each time."""
        rel_id, image = self.document.part.get_or_add_image(io.BytesIO(data))
        width, height = image.width, image.height
        if box is not None:
            scale = min(box[0] / width, box[1] / height)
            width, height = Emu(int(width * scale)), Emu(int(height * scale))
        self._pictures += 1
        inline = CT_Inline.new_pic_inline(PICTURE_IDS + self._pictures, rel_id, image.filename, width, height)
        inline.docPr.set("descr", alt_text)
        paragraph.add_run()._r.add_drawing(inline)

    @contextmanager
    def beside(self, left: Length) -> Iterator[Paragraph]:
        """Write the block's paragraphs to the right of a `left`-wide column (a photo beside a biography): a
        borderless one-row table. Yields the left column's paragraph; the block's own go in the right column."""
        width = self.text_width()
        tbl = CT_Tbl.new_tbl(1, 2, width)
        self._end.addprevious(tbl)
        self._fresh_page = False
        docx_xml.keep_row_together(tbl.tr_lst[0])
        for grid_col, tc, column_width in zip(tbl.tblGrid.gridCol_lst, tbl.tr_lst[0].tc_lst,
                                              (left, Emu(width - left)), strict=True):
            grid_col.w = tc.width = column_width
        photo, text = tbl.tr_lst[0].tc_lst
        end, self._end = self._end, text.p_lst[0]
        try:
            yield Paragraph(photo.p_lst[0], self._parent)
        finally:
            placeholder, self._end = self._end, end
            if len(text.p_lst) > 1:
                text.remove(placeholder)

    def callout(self, paragraph: Paragraph) -> Paragraph:
        """Set `paragraph` apart in a ruled, lightly shaded box (consecutive ones share it)."""
        docx_xml.callout(paragraph, self.styles.accent, CALLOUT_FILL)
        return paragraph

    # Tables
    def table(self, columns: Sequence[tuple[str, float]], rows: Iterable[Sequence[str] | str],
              *, total: Sequence[str] | None = None) -> Table:
        """A table in the template's grid style whose header row is shaded and repeats on every page.

        `columns` are (title, relative width); a row given as a single string becomes a group heading
        spanning the table. Rows are copies of one prepared row, which keeps large tables fast. No row
        splits across pages; the header row repeats on each page and, like a group row, keeps with the
        row after it; a short table is kept on one page with the heading before it.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        width = self.text_width()
        fitted, font_pt = fitted_widths(columns, rows, width.pt, self.styles.cell_font_size)
        widths = [Emu(int(Pt(w))) for w in fitted]
        size = round(font_pt * 2) / 2 if font_pt < self.styles.cell_font_size else None
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
        for tr in (header, template):
            for tc, column_width in zip(tr.tc_lst, widths, strict=True):
                tc.width = column_width
                tc.p_lst[0].append(self._layout(CELL_STYLE, False, None))
        tbl.remove(template)
        docx_xml.repeat_as_header(header)
        docx_xml.keep_row_with_next(header)
        docx_xml.keep_row_together(template)
        for tc, (title, _) in zip(header.tc_lst, columns, strict=True):
            docx_xml.shade_cell(tc, self.styles.accent)
            self._cell(tc, title, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF), size=size)
        short = len(rows) + (total is not None) <= SHORT_TABLE
        kept = deepcopy(template)
        docx_xml.keep_row_with_next(kept)
        for row in rows:
            if isinstance(row, str):
                tr = docx_xml.spanning_row(kept, width)
                docx_xml.shade_cell(tr.tc_lst[0], GROUP_FILL)
                self._cell(tr.tc_lst[0], row, bold=True, size=size)
            else:
                tr = deepcopy(kept if short else template)
                for tc, value in zip(tr.tc_lst, row, strict=True):
                    self._cell(tc, value, size=size)
            tbl.append(tr)
        if total is not None:
            tr = deepcopy(template)
            for tc, value in zip(tr.tc_lst, total, strict=True):
                self._cell(tc, value, bold=True, size=size)
            tbl.append(tr)
        docx_xml.keep_row_with_next(tbl.tr_lst[-1], keep=False)
        return table

    def align_right(self, table: Table, columns: Iterable[int]) -> None:
        """Right-align the cells of `columns` (figures, so their digits line up), group rows aside."""
        columns = set(columns)
        for tr in table._tbl.tr_lst:
            cells = tr.tc_lst
            if len(cells) > 1:
                for n in columns:
                    for p in cells[n].p_lst:
                        Paragraph(p, self._parent).alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _cell(self, tc, value: str, *, bold: bool = False, color: RGBColor | None = None,
              size: float | None = None) -> None:
        if not value:
            return
        paragraph = Paragraph(tc.p_lst[0], self._parent)
        if is_right_to_left(value):
            docx_xml.right_to_left_paragraph(paragraph._p)
        self.run(paragraph, value, bold=bold, color=color, size=size)
