"""`council-prep import questions|law-changes|indicators|projects`: spreadsheets and CSV files into the
store, all or nothing."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from council_prep.cli.options import meeting_option, store_option
from council_prep.store import Store

if TYPE_CHECKING:
    from council_prep.importers import ColumnMapping, ImportPlan

file_argument = click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
dry_run_option = click.option("--dry-run", is_flag=True,
                              help="Check the file and print what would change, without writing anything.")
map_option = click.option(
    "--map", "choices", multiple=True, metavar="FIELD=HEADER",
    help='Read the column HEADER as FIELD, e.g. --map "text=What would you like to ask the Council?" '
         '--map "asker=Full name"; repeatable; the same field twice joins two columns (first and last '
         'name); FIELD= with no header leaves the field out.')


@click.group("import")
def import_() -> None:
    """Import questions, law changes, enforcement figures or projects from .xlsx or .csv files (all rows or none)."""


@import_.command()
@store_option
@meeting_option
@file_argument
@dry_run_option
@map_option
@click.option("--subject", default=None,
              help="Of a mail export, import only the mails whose subject carries this text "
                   "(default: the meeting's subject line).")
def questions(store_path: Path, meeting_id: int, file: Path, dry_run: bool, choices: tuple[str, ...],
              subject: str | None) -> None:
    """Import a meeting's public-session questions: the Questions sheet of an exported workbook, form
    responses (Google Forms, Microsoft Forms), an attendee list with a question column, a mailbox's
    export, a webinar's Q&A report.

    Columns are read by their headers' meaning and the mapping used is printed; when the question
    column is not certain the command stops naming the candidates: choose with --map. Rows with a
    uid update that question; others are added, except exact repeats; rows without a question are
    skipped and counted.

    Example: council-prep import questions --store demo.db --meeting 1 responses.csv --dry-run
    """
    from council_prep.importers import plan_question_import

    mapping = _mapping(file, choices, "question")
    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_question_import(store, meeting_id, file, mapping, subject), dry_run)


def _choice(text: str) -> tuple[str, str]:
    """'field=header' as a pair; a usage error (exit 2) when there is no '='."""
    name, equals, header = text.partition("=")
    if not equals or not name.strip():
        raise click.BadParameter(f"{text!r}: write FIELD=HEADER, e.g. \"asker=Full name\"", param_hint="--map")
    return name.strip(), header.strip()


def _mapping(file: Path, choices: tuple[str, ...], kind: str) -> "ColumnMapping | None":
    """The mapping the file's headers suggest with the user's --map choices applied (None: no choices);
    refused, naming the candidate columns and how to choose, while it is not certain."""
    from council_prep.importers import MappingUncertain, choose_columns, propose_mapping
    from council_prep.importers.reading import doubts

    pairs = [_choice(text) for text in choices]
    proposal = propose_mapping(file, kind)
    mapping = choose_columns(proposal, pairs)
    if not mapping.certain:
        name, cols = next(iter(mapping.candidates.items()))
        example = proposal.headers[cols[0]] if cols else "HEADER"
        raise MappingUncertain(f"{file} row {proposal.header_row}: {doubts(mapping, proposal.headers, proposal.fields)}"
                               f" with --map \"{name}=…\" (e.g. --map \"{name}={example}\"); "
                               "repeat --map for each field", file, proposal.headers, mapping)
    return mapping if pairs else None


@import_.command("law-changes")
@store_option
@file_argument
@dry_run_option
@map_option
def law_changes(store_path: Path, file: Path, dry_run: bool, choices: tuple[str, ...]) -> None:
    """Import partner law changes (the Law changes sheet of an exported workbook works).

    Example: council-prep import law-changes --store demo.db changes.csv --map "title=Norma"
    """
    from council_prep.importers import plan_law_change_import

    mapping = _mapping(file, choices, "law_change")
    with Store.open(store_path, read_only=dry_run) as store:
        _run(store, lambda: plan_law_change_import(store, file, mapping), dry_run)


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
