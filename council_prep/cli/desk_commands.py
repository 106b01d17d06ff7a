"""The question desk on the command line: the public-session notice."""

from pathlib import Path

import click

from council_prep.cli.options import meeting_option, store_option
from council_prep.store import Store


@click.command()
@store_option
@meeting_option
def notice(store_path: Path, meeting_id: int) -> None:
    """Print the text of a public-session notice (dates, place, question deadline, mailboxes, subject line)."""
    from council_prep.desk.notice import notice_text

    with Store.open(store_path, read_only=True) as store:
        click.echo(notice_text(store, meeting_id), nl=False)
