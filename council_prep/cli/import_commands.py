"""`council-prep import questions|law-changes|indicators|projects`: spreadsheets and CSV files into the
store, all or nothing."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from council_prep.cli.options import meeting_option, store_option
from council_prep.store import Store

if TYPE_CHECKING:
    from council_prep.importers import ImportPlan

file_argument = click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
dry_run_option = click.option("--dry-run", is_flag=True,
                              help="Check the file and print what would change, without writing anything.")


@click.group("import")
def import_() -> None:
    """Import questions, law changes, enforcement figures or projects from .xlsx or .csv files (all rows or none)."""


@import_.command()
@store_option
@meeting_option
@file_argument
@dry_run_option
def questions(store_path: Path, meeting_id: int, file: Path, dry_run: bool) -> None:
    """Import a meeting's public-session questions (the Questions sheet of an exported workbook works).

    Rows with a uid update that question; others are added, except exact repeats.

    Example: council-prep import questions --store demo.db --meeting 1 questions.xlsx --dry-run
    """
    from council_prep.importers import plan_question_import

    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_question_import(store, meeting_id, file), dry_run)


@import_.command("law-changes")
@store_option
@file_argument
@dry_run_option
def law_changes(store_path: Path, file: Path, dry_run: bool) -> None:
    """Import partner law changes (the Law changes sheet of an exported workbook works).

    Example: council-prep import law-changes --store demo.db changes.csv
    """
    from council_prep.importers import plan_law_change_import

    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_law_change_import(store, file), dry_run)


@import_.command()
@store_option
@file_argument
@dry_run_option
def indicators(store_path: Path, file: Path, dry_run: bool) -> None:
    """Import partners' labor law enforcement figures, one row per partner and year with a column per
    indicator, or one figure per row (Partner, Year, Indicator, Value). A figure already stored for the
    same partner, year and indicator is updated.

    Example: council-prep import indicators --store demo.db enforcement.xlsx --dry-run
    """
    from council_prep.importers import plan_figure_import

    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_figure_import(store, file), dry_run)


@import_.command()
@store_option
@file_argument
@dry_run_option
def projects(store_path: Path, file: Path, dry_run: bool) -> None:
    """Import technical cooperation projects (the Projects sheet of an exported workbook works).

    A project with the same uid, or else the same partner and title, is updated.

    Example: council-prep import projects --store demo.db projects.csv
    """
    from council_prep.importers import plan_project_import

    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_project_import(store, file), dry_run)


def _run(store: Store, make_plan: Callable[[], "ImportPlan"], dry_run: bool) -> None:
    """Print the plan; stop there on --dry-run or problems (exit 1), else write it in one transaction."""
    from council_prep.importers import ImportRejected, apply_import

    plan = make_plan()
    for line in plan.summary():
        click.echo(line)
    if plan.problems:
        raise ImportRejected(plan.problems)
    if dry_run:
        click.echo("Dry run: nothing was written.")
        return
    apply_import(store, plan)
    click.echo(f"Imported into {store.path}.")
