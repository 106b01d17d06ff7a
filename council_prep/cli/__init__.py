"""The command line: a thin click front over the same core the desktop app uses."""

import os
import sys
from pathlib import Path

import click

from council_prep import __version__
from council_prep.cli import (
    exchange_commands,
    export_commands,
    history_commands,
    import_commands,
    review_commands,
    store_commands,
)
from council_prep.cli.options import STORE_ENV, default_store_path
from council_prep.errors import CouncilPrepError


class _Group(click.Group):
    """Turns our errors and OS errors into one clear line on stderr and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CouncilPrepError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(__version__, prog_name="council-prep")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path), envvar=STORE_ENV,
              help="Store to open in the window (default: council-prep.db in the user data folder).")
@click.option("--read-only", is_flag=True, help="Open the store read-only.")
@click.option("--review", is_flag=True, help="Open the store for review: read-only, in the reading view.")
@click.pass_context
def main(ctx: click.Context, store_path: Path | None, read_only: bool, review: bool) -> None:
    """Prepare Labor Affairs Council meetings: agendas, law changes, questions, briefing books.

    With no command, opens the desktop window.
    """
    if ctx.invoked_subcommand is not None:
        return
    if sys.platform.startswith("linux") and not _has_display():
        raise click.ClickException(
            "no display found (DISPLAY is not set): the window cannot open here; "
            "see `council-prep --help` for the headless commands"
        )
    from council_prep.first_run import prepare_store

    path, notice = prepare_store(store_path, default_store_path())
    if notice:
        click.echo(notice, err=True)
    from council_prep.gui.app import run

    ctx.exit(run(path, read_only=read_only or review, notice=notice))


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")))


export_commands.export.add_command(review_commands.review)
for command in (store_commands.demo, store_commands.meetings, store_commands.check, store_commands.backup,
                export_commands.export, import_commands.import_, history_commands.history,
                exchange_commands.pack, exchange_commands.merge, exchange_commands.conflicts):
    main.add_command(command)
