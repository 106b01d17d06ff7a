"""Several laptops, one store: exchange packages and merging them, conflicts decided here."""

import json
from datetime import datetime
from pathlib import Path

import click

from council_prep.cli.history_commands import since_option
from council_prep.cli.options import output_option, store_option
from council_prep.store import Store

CONFLICTS_WAIT = 3  # exit status of a merge that left conflicts to decide


@click.command()
@store_option
@output_option
@click.option("--since-last-exchange-with", "peer", metavar="SITE",
              help="Only what was made since the last package for this site (its id: see `merge` output).")
@since_option
def pack(store_path: Path, output: Path, peer: str | None, since: datetime | None) -> None:
    """Write the changes of this store to an exchange package (.cpx) for another laptop.

    \b
    Example: council-prep pack --store laptop.db -o "Shared/Maria 2027-03-01.cpx"
    """
    with Store.open(store_path, read_only=peer is None) as store:
        count = store.pack(output, peer=peer, since=since)
        site = store.site_id()
    click.echo(f"{output}: {count} step{'s' if count != 1 else ''} from site {site}.")


@click.command()
@store_option
@click.argument("package", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would come in; write nothing.")
@click.pass_context
def merge(ctx: click.Context, store_path: Path, package: Path, dry_run: bool) -> None:
    """Bring an exchange package's changes into the store as one undoable step.

    Prints what was added, updated and deleted and each conflict; exits 3 when conflicts wait for
    a decision (`council-prep conflicts`).

    \b
    Example: council-prep merge --store office.db "Shared/Maria 2027-03-01.cpx" --dry-run
    """
    with Store.open(store_path, read_only=False) as store:
        report = store.merge(package, dry_run=dry_run)
        waiting = len(store.open_conflicts())
    click.echo(f"{'Would merge' if dry_run else 'Merged'} {package.name} from site {report.source}:")
    for line in report.lines():
        click.echo(f"  {line}")
    if waiting:
        click.echo(f"{waiting} conflict{'s' if waiting != 1 else ''} wait for a decision: council-prep conflicts "
                   f"--store {store_path}", err=True)
        ctx.exit(CONFLICTS_WAIT)


@click.command()
@store_option
@click.option("--decide", nargs=2, metavar="ID CHOICE", help="Settle conflict ID: keep 'mine' or take 'theirs'.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def conflicts(store_path: Path, decide: tuple[str, str] | None, as_json: bool) -> None:
    """List the conflicts merges left, or decide one.

    \b
    Example: council-prep conflicts --store office.db --decide 4 theirs
    """
    with Store.open(store_path, read_only=decide is None) as store:
        if decide:
            number, choice = decide
            if choice not in ("mine", "theirs") or not number.isdigit():
                raise click.BadParameter("give a conflict id and 'mine' or 'theirs'", param_hint="--decide")
            store.decide(int(number), choice)
        found = store.open_conflicts()
    if as_json:
        keys = ("id", "kind", "uid", "field", "mine", "theirs", "site")
        click.echo(json.dumps([dict(zip(keys, c, strict=True)) for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("No conflicts wait for a decision.")
    for number, kind, uid, field, mine, theirs, site in found:
        click.echo(f"{number:>4}  {kind.replace('_', ' ')} {uid}, {field}: here {mine!r}, theirs {theirs!r} "
                   f"(site {site})")
