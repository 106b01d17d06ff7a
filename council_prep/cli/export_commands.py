"""`council-prep export docx|pdf|xlsx`: a meeting's briefing book as a Word document, a PDF or a workbook."""

from pathlib import Path

import click

from council_prep.book import DateStyle, Profile, assemble_book
from council_prep.cli.options import meeting_option, output_option, profile_option, store_option
from council_prep.cli.review_commands import review
from council_prep.store import Store, StoreReadOnlyError


@click.group()
def export() -> None:
    """Write a meeting's briefing book to Word, PDF or Excel."""


def book_options(command):
    """The options of the Word and PDF book: template, marking, date style, document control."""
    for option in reversed((
        click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
                     help="A .docx whose styles, page set-up, headers and fonts the book takes on."),
        click.option("--marking", default=None,
                     help="Handling marking of this edition (default: the meeting's for internal, none for "
                          "public; the public edition never carries the internal one)."),
        click.option("--date-style", type=click.Choice([s.value for s in DateStyle]), default=DateStyle.US.value,
                     show_default=True, help="us: May 18, 2027; international: 18 May 2027; iso: 2027-05-18."),
        click.option("--prepared-by", default="", help="Name or office in the document-control block."),
        click.option("--book-version", default="1", show_default=True, help="Version in the document-control block."),
    )):
        command = option(command)
    return command


def _book(store_path: Path, meeting_id: int, profile: str, marking: str | None, date_style: str,
          prepared_by: str, book_version: str):
    with Store.open(store_path, read_only=True) as store:
        return assemble_book(store, meeting_id, profile=Profile(profile), marking=marking,
                             date_style=DateStyle(date_style), prepared_by=prepared_by, version=book_version)


def _recorded(store_path: Path, meeting_id: int, fmt: str, profile: str, output: Path) -> None:
    """Remember the export in the store, so the next book can say what changed since; a store that
    cannot be written (read-only media, review) simply keeps no record."""
    try:
        with Store.open(store_path) as store:
            store.record_export(store.meetings.get(meeting_id).uid, fmt, profile, output.name)
    except StoreReadOnlyError:
        pass


def _written(output: Path, what: str, profile: str) -> None:
    click.echo(f"{what} written to {output}")
    if profile == Profile.PUBLIC:
        from council_prep.exporters.withheld import withheld_report_path

        click.echo(f"What it leaves out: {withheld_report_path(output)}")


@export.command()
@store_option
@meeting_option
@output_option
@profile_option
@book_options
@click.option("--finish", is_flag=True,
              help="Lay the book out with LibreOffice and write the contents' page numbers in, for readers "
                   "that do not update fields (needs LibreOffice).")
def docx(store_path: Path, meeting_id: int, output: Path, profile: str, template: Path | None,
         marking: str | None, date_style: str, prepared_by: str, book_version: str, finish: bool) -> None:
    """Write the briefing book as a Word document.

    Example: council-prep export docx --store demo.db --meeting 1 -o book.docx --profile public
    """
    from council_prep.exporters.docx import export_docx

    book = _book(store_path, meeting_id, profile, marking, date_style, prepared_by, book_version)
    export_docx(book, output, template=template, finish=finish)
    _recorded(store_path, meeting_id, "docx", profile, output)
    _written(output, "Briefing book", profile)


@export.command()
@store_option
@meeting_option
@output_option
@profile_option
@book_options
def pdf(store_path: Path, meeting_id: int, output: Path, profile: str, template: Path | None,
        marking: str | None, date_style: str, prepared_by: str, book_version: str) -> None:
    """Write the briefing book as a tagged PDF with bookmarks (needs LibreOffice).

    Example: council-prep export pdf --store demo.db --meeting 1 -o book.pdf
    """
    from council_prep.exporters.pdf import export_pdf

    book = _book(store_path, meeting_id, profile, marking, date_style, prepared_by, book_version)
    export_pdf(book, output, template=template)
    _recorded(store_path, meeting_id, "pdf", profile, output)
    _written(output, "Briefing book", profile)


@export.command()
@store_option
@meeting_option
@output_option
@profile_option
def xlsx(store_path: Path, meeting_id: int, output: Path, profile: str) -> None:
    """Write the meeting's agenda, law changes, questions and submissions as an Excel workbook.

    Example: council-prep export xlsx --store demo.db --meeting 1 -o book.xlsx
    """
    from council_prep.book.stream import stream_book
    from council_prep.exporters.xlsx import export_xlsx

    with Store.open(store_path, read_only=True) as store:  # open while the questions stream into the workbook
        export_xlsx(stream_book(store, meeting_id, profile=Profile(profile)), output)
    _recorded(store_path, meeting_id, "xlsx", profile, output)
    click.echo(f"Workbook written to {output}")


export.add_command(review)  # `export review` lives in its own module
