"""Options shared by the commands, so each is declared once with one help text."""

from pathlib import Path

import click

STORE_ENV = "COUNCIL_PREP_STORE"


def default_store_path() -> Path:
    from platformdirs import user_data_path  # only when no store is named: it costs a few milliseconds

    return user_data_path("council-prep", appauthor=False) / "council-prep.db"


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
