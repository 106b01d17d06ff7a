"""How the workbook's sheets print: landscape on Letter, one page wide, the header row on every page,
and the edition's handling marking with "Page X of Y" in the running header and footer."""

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from council_prep.book import Book, Profile
from council_prep.domain.fields import field

LETTER = "1"  # Excel's paper size code for US Letter
PAGE_NUMBER = "Page &P of &N"


def edition_marking(book: Book) -> str:
    """The handling marking this edition carries: the meeting's own in the internal edition; none in the
    public edition when the registry says the meeting's marking is internal."""
    if book.profile is Profile.PUBLIC and field("meeting", "handling_marking").internal:
        return ""
    return book.meeting.handling_marking


def _escaped(text: str) -> str:
    """Text shown literally in a header or footer, where "&" starts a code."""
    return text.replace("&", "&&")


def set_up_printing(sheet: WriteOnlyWorksheet, book: Book, *, title_rows: str | None = None,
                    pages_tall: int = 0) -> None:
    """Landscape, one page wide and `pages_tall` pages tall (0: as many as it takes), running header
    and footer: the marking at the centre of both, the sheet's name and the page number below."""
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = LETTER
    setup.fitToWidth, setup.fitToHeight = 1, pages_tall
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    if title_rows:
        sheet.print_title_rows = title_rows  # the header row on every printed page
    marking = _escaped(edition_marking(book))
    running = sheet.HeaderFooter
    for part in (running.oddHeader, running.oddFooter):
        part.center.text = marking or None
        part.center.font = "Calibri,Bold"
    running.oddFooter.left.text = "&A"  # the sheet's name
    running.oddFooter.right.text = PAGE_NUMBER
