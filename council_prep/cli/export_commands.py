"""`council-prep export docx|xlsx`: a meeting's briefing book as a Word document or an Excel workbook."""

from pathlib import Path

import click

from council_prep.book import Profile, assemble_book
from council_prep.cli.options import meeting_option, output_option, profile_option, store_option
from council_prep.store import Store


@click.group()
def export() -> None:
    """Write a meeting's briefing book to Word or Excel."""


@export.command()
@store_option
@meeting_option
@output_option
@profile_option
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="A .docx whose styles (fonts, colours, headings) the book takes on.")
def docx(store_path: Path, meeting_id: int, output: Path, profile: str, template: Path | None) -> None:
    """Write the briefing book as a Word document.

    Example: council-prep export docx --store demo.db --meeting 1 -o book.docx --profile public
    """
    from council_prep.exporters.docx import export_docx

    with Store.open(store_path, read_only=True) as store:
        book = assemble_book(store, meeting_id, profile=Profile(profile))
    export_docx(book, output, template=template)
    click.echo(f"Briefing book written to {output}")


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
    click.echo(f"Workbook written to {output}")
