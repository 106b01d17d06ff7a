"""The command line: a thin click front over the same core the desktop app uses."""

from council_prep.bytecode import ensure_compiled

ensure_compiled()  # before our other modules are imported, so that they load compiled

from pathlib import Path  # noqa: E402

import click  # noqa: E402

from council_prep import __version__  # noqa: E402
from council_prep.errors import CouncilPrepError  # noqa: E402
from council_prep.first_run import STORE_ENV  # noqa: E402

# Each command's module is imported when that command runs (or help lists it): opening the window
# does not pay for the book or the import front end. build.spec lists these modules for the bundle.
COMMANDS = {
    "demo": "store_commands:demo", "meetings": "store_commands:meetings", "check": "store_commands:check",
    "backup": "store_commands:backup", "export": "export_commands:export", "import": "import_commands:import_",
    "history": "history_commands:history", "pack": "exchange_commands:pack", "merge": "exchange_commands:merge",
    "conflicts": "exchange_commands:conflicts", "notice": "desk_commands:notice",
}


class _Group(click.Group):
    """Turns our errors and OS errors into one clear line on stderr and exit 1, never a traceback;
    finds its commands in COMMANDS, importing each command's module only when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        from importlib import import_module

        module, name = COMMANDS[cmd_name].split(":")
        return getattr(import_module(f"council_prep.cli.{module}"), name)

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
    from council_prep.gui.start import open_window

    ctx.exit(open_window(store_path, read_only=read_only or review))
