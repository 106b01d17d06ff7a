"""The template's styles as the book uses them: found by name, added when missing, refused when a style of
that name is of the wrong kind (a table style called 'Heading 1')."""

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from council_prep.exporters import docx_xml

NAVY = RGBColor(0x1F, 0x38, 0x64)

# Styles the book uses, with what to give each when a user's template lacks it: (points, bold, indent pt).
_FALLBACKS: dict[str, tuple[float | None, bool, float]] = {
    "Title": (26, True, 0), "Subtitle": (14, False, 0), "Heading 1": (16, True, 0), "Heading 2": (13, True, 0),
    "Heading 3": (11, True, 0), "Heading 4": (None, True, 0), "List Bullet": (None, False, 18),
    "TOC Heading": (16, True, 0), "TOC 1": (None, True, 0), "TOC 2": (None, False, 14), "Header": (None, False, 0),
    "Footer": (None, False, 0), "No Spacing": (None, False, 0),
}
TABLE_STYLE = "Table Grid"
_KINDS = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character", WD_STYLE_TYPE.TABLE: "table",
          WD_STYLE_TYPE.LIST: "list"}
CELL_STYLE = "No Spacing"


class TemplateStyleError(ValueError):
    """A style the book needs exists in the template, but is of the wrong kind."""


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
            if style is not None and style.type != WD_STYLE_TYPE.PARAGRAPH:
                raise TemplateStyleError(f"its style '{name}' is a {_KINDS.get(style.type, 'other')} style, "
                                         "not a paragraph style; correct it in Word (Styles pane) and export again")
            if style is None:
                style = self._add_paragraph_style(name, size, bold, indent)
                if name == "List Bullet":
                    self.bullet_prefix = "•\u00a0"
            self._ids[name] = style.style_id
        self._ids["Normal"] = by_name["normal"].style_id if "normal" in by_name else self._ids["No Spacing"]
        table = by_name.get(TABLE_STYLE.casefold())
        if table is not None and table.type != WD_STYLE_TYPE.TABLE:
            raise TemplateStyleError(f"its style '{TABLE_STYLE}' is a {_KINDS.get(table.type, 'other')} style, "
                                     "not a table style; correct it in Word (Styles pane) and export again")
        if table is None:
            table = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
            docx_xml.add_grid_borders(table.element)
        self.table = table
        cell_style = next(s for s in document.styles if s.style_id == self._ids[CELL_STYLE])
        # A style that names no size takes Normal's in LibreOffice (the document default in Word): the
        # larger of the two decides how wide the columns must be.
        self.cell_font_size = _font_size(cell_style, _font_size(by_name.get("normal")))
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


def _font_size(style, default: float = 11.0) -> float:
    """A style's font size in points, inherited from the styles it is based on."""
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return default
