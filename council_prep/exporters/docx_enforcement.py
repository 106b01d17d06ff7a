"""The partners' labor law enforcement figures: a table per partner over its last five years, each figure
with its trend as a sparkline; "Unavailable" written out, partial scopes footnoted by letter, sources
listed, and demonstration figures marked as such wherever they appear."""

from docx.shared import Pt

from council_prep.book import SECTION_TITLES, Book, Section
from council_prep.book.brief import EnforcementTable, FigureRow
from council_prep.domain.enforcement import GROUP_LABELS
from council_prep.domain.enums import FigureStatus
from council_prep.exporters import docx_spark
from council_prep.exporters.docx_front import Tick
from council_prep.exporters.docx_writer import Writer

DEMO = "Demo data: invented for demonstration, not real statistics."
NOT_RECORDED = "–"


def enforcement(w: Writer, book: Book, tick: Tick) -> None:
    tables = book.brief.enforcement if book.brief else []
    if not tables:
        w.heading(SECTION_TITLES[Section.ENFORCEMENT], 1, new_page=False, brief=True)
        w.paragraph("No enforcement figures are recorded for these partners.", italic=True)
        return
    with w.landscape():  # five years and a trend beside each figure's name
        w.heading(SECTION_TITLES[Section.ENFORCEMENT], 1)
        w.paragraph("Figures as reported for each year. “Unavailable”: the partner did not report the figure or "
                    f"it could not be found; {NOT_RECORDED}: none recorded. A letter marks a figure that holds for "
                    "part of the country only. The trend draws each year as a bar, the latest darkest, from zero "
                    "where a figure is zero or no, else across the figures' range; a gap is a year without a figure.")
        for n, table in enumerate(tables):
            tick()
            _table(w, table, new_page=n > 0)


def _table(w: Writer, table: EnforcementTable, *, new_page: bool) -> None:
    demo = table.demo
    heading = w.heading(f"{table.partner} (demo data)" if demo else table.partner, 2)
    if new_page:  # a partner's table is read whole: each starts a page
        w.page_break_before(heading)
    if demo:
        w.paragraph(DEMO, bold=True, keep_next=True)
    letters = {scope: chr(ord("a") + n) for n, scope in enumerate(table.scopes)}
    rows: list = []
    trends: list[tuple[int, FigureRow]] = []
    group = None
    for row in table.rows:
        if row.indicator.group != group:
            group = row.indicator.group
            rows.append(GROUP_LABELS[group])
        trends.append((len(rows) + 1, row))  # +1: the header row
        rows.append([row.indicator.label, *(_cell(row, n, letters) for n in range(len(table.years))), ""])
    written = w.table([("Figure", 3.2), *((str(year), 1.0) for year in table.years), ("Trend", 1.0)], rows)
    w.align_right(written, range(1, len(table.years) + 1))
    for index, row in trends:
        cell = written.rows[index].cells[-1]
        w.picture(cell.paragraphs[0], docx_spark.sparkline_png(row.values()), _describe(row, table.years))
    notes = [f"({letters[scope]}) {scope}." for scope in table.scopes]
    if table.sources:
        notes.append("Sources: " + "; ".join(table.sources) + ".")
    if demo:
        notes.append(DEMO)
    for n, note in enumerate(notes):
        layout = w.paragraph(note, size=9).paragraph_format
        layout.space_before, layout.space_after = Pt(4 if n == 0 else 0), Pt(2)


def _shown(row: FigureRow, n: int) -> str:
    """A year's figure as the table writes it, without its scope's letter."""
    figure = row.figures[n]
    if figure is None:
        return NOT_RECORDED
    if figure.status is FigureStatus.UNAVAILABLE:
        return "Unavailable"
    return row.indicator.shown(figure.value).removeprefix("USD ")  # the figure's label names the currency


def _cell(row: FigureRow, n: int, letters: dict[str, str]) -> str:
    figure = row.figures[n]
    return f"{_shown(row, n)} ({letters[figure.scope]})" if figure is not None and figure.scope else _shown(row, n)


def _describe(row: FigureRow, years: list[int]) -> str:
    """The trend's alt text: every year's figure in words, for screen readers and text extraction."""
    values = "; ".join(f"{year}: {_shown(row, n).replace(NOT_RECORDED, 'none recorded')}"
                       for n, year in enumerate(years))
    return f"Trend of {row.indicator.label[:1].lower()}{row.indicator.label[1:]}: {values}"
