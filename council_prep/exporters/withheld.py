"""The withheld report: a short text file beside every public edition telling the officer what it left
out, item by item. It is never part of the public file itself."""

from pathlib import Path

from council_prep.book import Book
from council_prep.exporters.output import atomic_output


def withheld_report_path(output: Path) -> Path:
    """`book.docx` -> `book.withheld.txt`, beside it."""
    return Path(output).with_name(f"{Path(output).stem}.withheld.txt")


def withheld_text(book: Book, public_file: Path) -> str:
    lines = [f"What the public edition {Path(public_file).name} leaves out",
             f"Meeting: {book.meeting.title}", f"Prepared: {book.date(book.prepared_on)}", ""]
    if not book.withheld:
        lines.append("Nothing: no internal field had text and no asker asked for confidentiality.")
    by_record: dict[str, list[str]] = {}
    for entry in book.withheld:
        by_record.setdefault(entry.record, []).append(entry.what)
    lines += [f"- {record}: {'; '.join(what)}" for record, what in by_record.items()]
    lines += ["", "This report is for the officer preparing the book; do not distribute it with the public file."]
    return "\n".join(lines) + "\n"


def write_withheld_report(book: Book, public_file: Path) -> Path | None:
    """Write the report beside a public edition's file (nothing for the internal edition)."""
    if not book.public:
        return None
    target = withheld_report_path(public_file)
    with atomic_output(target) as temp:
        temp.write_text(withheld_text(book, public_file), encoding="utf-8")
    return target
