"""Reading a rendered book back page by page: what a reader sees, compared with what the .docx holds."""

import itertools
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx

WORD = re.compile(r"[^\W_]{3,}")
TOKEN = re.compile(r"[^\W_]+")
START = 25  # characters that identify the beginning of a paragraph


def words(text: str) -> set[str]:
    """Words of three letters or more (table rows, pages): short ones are too common to tell anything."""
    return {w.casefold() for w in WORD.findall(text)}


def tokens(text: str) -> set[str]:
    """Every word and number, however short."""
    return {w.casefold() for w in TOKEN.findall(text)}


def pdf_page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass
class Layout:
    """What a .docx holds that the page checks need."""

    headings: list[str]  # every heading paragraph's text
    contents: list[str]  # the contents entries' titles, in order
    rows: list[set[str]]  # words of every table body row
    header_rows: list[set[str]]  # tokens of every table's header row
    furniture: set[str]  # words of the running header and footer
    starts: set[str]  # the first words of every paragraph, squeezed


def layout_of(path: Path) -> Layout:
    document = docx.Document(str(path))
    headings, contents = [], []
    starts = {squeezed(p.text)[:START] for p in document.paragraphs if p.text.strip()}
    for p in document.paragraphs:
        style = p.style.name if p.style is not None else ""
        if style.startswith("Heading") or style == "TOC Heading":
            headings.append(p.text)
        elif style.startswith("TOC ") and p.text.strip():
            contents.append(p.text.split("\t")[0].strip())
    rows, header_rows = [], []
    for table in document.tables:
        rows_of_table = [words(" ".join(c.text for c in r.cells)) for r in table.rows]
        header_rows.append(tokens(" ".join(c.text for c in table.rows[0].cells)))
        rows.extend(r for r in rows_of_table[1:] if r)
    section = document.sections[-1]
    furniture = words(" ".join(p.text for p in [*section.header.paragraphs, *section.footer.paragraphs]))
    return Layout(headings, contents, rows, header_rows, furniture | {"page"}, starts)


def split_rows(layout: Layout, pages: list[str]) -> list[set[str]]:
    """Rows whose words are found together on no single page: split across a page break."""
    page_words = [words(page) for page in pages]
    return [row for row in layout.rows if not any(row <= found for found in page_words)]


def lonely_pages(layout: Layout, pages: list[str], most_lines: int = 6) -> list[int]:
    """Pages (1-based) holding nothing but a few lines of headings and table header rows."""
    heading_words = tokens(" ".join(layout.headings))
    header_words = set().union(*layout.header_rows) if layout.header_rows else set()
    lonely = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines()
                 if line.strip() and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)
                 and not words(line) <= layout.furniture]
        body = tokens("\n".join(lines))
        if lines and len(lines) <= most_lines and body <= heading_words | header_words:
            lonely.append(number)
    return lonely


def sparse_pages(layout: Layout, pages: list[str], fewest_lines: int = 3) -> list[int]:
    """Pages (1-based) with fewer than `fewest_lines` lines besides the running header and footer that
    begin a paragraph: a sentence or a short section alone on a page (the last lines of a paragraph run
    over from the page before are not counted: widow control allows them)."""
    sparse = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines()
                 if line.strip() and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)
                 and not words(line) <= layout.furniture]
        if lines and len(lines) < fewest_lines and squeezed(lines[0])[:START] in layout.starts:
            sparse.append(number)
    return sparse


def squeezed(text: str) -> str:
    """Whitespace folded, and words broken at a hyphen across lines joined again."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def contents_pages(layout: Layout, pages: list[str]) -> dict[str, int]:
    """Each contents entry's page number as printed in the contents ("Title ..... 12"), where an entry
    may wrap onto a second line."""
    found: dict[str, int] = {}
    lines = [squeezed(line) for page in pages[:8] for line in page.splitlines() if line.strip()]
    joined = [*lines, *(f"{a} {b}" for a, b in itertools.pairwise(lines))]
    for title in layout.contents:
        flat = squeezed(title)
        for line in joined:
            match = re.fullmatch(re.escape(flat) + r"[ .…]*?(\d+)", squeezed(line.replace(". .", "..")))
            if match:
                found[title] = int(match.group(1))
                break
    return found


def heading_on_page(title: str, page: str) -> bool:
    return squeezed(title) in squeezed(page)
