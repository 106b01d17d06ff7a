"""Commands about the store itself: demo data, listing meetings, checking and backing up."""

import json
from pathlib import Path

import click

from council_prep.cli.options import output_option, store_option
from council_prep.demo import load_demo
from council_prep.store import Store


@click.command()
@store_option
def demo(store_path: Path) -> None:
    """Create a store filled with the demo data (refuses a store that holds data).

    Example: council-prep demo --store demo.db
    """
    with Store.open(store_path) as store:
        counts = load_demo(store)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    click.echo(f"Demo store written to {store_path}: {summary}.")


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
def meetings(store_path: Path, as_json: bool) -> None:
    """List the meetings in the store (id, title, dates, status).

    Example: council-prep meetings --store demo.db --json
    """
    with Store.open(store_path, read_only=True) as store:
        found = sorted(store.meetings.find(), key=lambda m: (m.session_date, m.id))
    rows = [
        {"id": m.id, "uid": m.uid, "title": m.title, "agreement": m.agreement_key, "partners": m.partner_codes,
         "session_date": m.session_date.isoformat(),
         "public_session_date": m.public_session_date.isoformat() if m.public_session_date else None,
         "status": m.status.value}
        for m in found
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No meetings in this store.")
    for row in rows:
        click.echo(f"{row['id']:>4}  {row['session_date']}  {row['status']:<10}  {row['title']}")


@click.command()
@store_option
def check(store_path: Path) -> None:
    """Check the store: SQLite's integrity and foreign keys, the schema version, every stored value
    (statuses, dates, lists, text) and the search index. Prints one line per problem naming table,
    row and column, and exits 1 if there is any; works on a read-only store too.

    Example: council-prep check --store demo.db
    """
    with Store.open(store_path, read_only=True) as store:
        problems = store.check()
    if problems:
        for problem in problems:
            click.echo(f"{store_path}: {problem}", err=True)
        raise SystemExit(1)
    click.echo(f"{store_path}: OK")


@click.command()
@store_option
@output_option
def backup(store_path: Path, output: Path) -> None:
    """Write a consistent copy of the store (safe while the app has it open).

    Example: council-prep backup --store demo.db -o demo-2027-03-01.db
    """
    with Store.open(store_path, read_only=True) as store:
        store.backup(output)
    click.echo(f"Backup written to {output}")
