"""Options shared by the commands, so each is declared once with one help text."""

from pathlib import Path

import click

from council_prep.first_run import STORE_ENV

store_option = click.option(
    "--store", "store_path", type=click.Path(dir_okay=False, path_type=Path), envvar=STORE_ENV, required=True,
    help=f"The store file (SQLite). Default from ${STORE_ENV}.",
)
meeting_option = click.option("--meeting", "meeting_id", type=int, required=True,
                              help="Id of the meeting (see `council-prep meetings`).")
output_option = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
                             help="File to write; it is replaced only once complete.")
profile_option = click.option(
    "--profile", type=click.Choice(["internal", "public"]), default="internal", show_default=True,
    help="public leaves out confidential askers' identities, assessments and talking points.",
)
