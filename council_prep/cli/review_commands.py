"""`council-prep export review`: a store holding one meeting only, for a delegate to open and read."""

from pathlib import Path

import click

from council_prep.cli.options import meeting_option, output_option, store_option
from council_prep.store import Store


@click.command()
@store_option
@meeting_option
@output_option
@click.option("--profile", type=click.Choice(["internal", "public"]), default="internal", show_default=True,
              help="public leaves out what the public book leaves out: internal fields, confidential askers.")
def review(store_path: Path, meeting_id: int, output: Path, profile: str) -> None:
    """Write a review copy: a store of one meeting, for a delegate's laptop.

    Example: council-prep export review --store office.db --meeting 1 -o lima-review.db --profile public
    """
    from council_prep.store.review_copy import write_review_copy

    with Store.open(store_path, read_only=True) as store:
        write_review_copy(store, meeting_id, output, public=profile == "public")
    click.echo(f"Review copy written to {output}")
