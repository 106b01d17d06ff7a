"""The change log on the command line: what changed, when, in which step."""

import json
from datetime import UTC, datetime
from pathlib import Path

import click
from dateutil import parser as dateparser

from council_prep.cli.options import store_option
from council_prep.domain import kinds
from council_prep.domain.fields import label_of
from council_prep.store import Store
from council_prep.store.changelog import BOOKKEEPING
from council_prep.store.history import Change
from council_prep.store.links import PHOTO_TABLE

_KIND_KEYS = [k.key for k in kinds.KINDS]


def _since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = dateparser.isoparse(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    return moment.replace(tzinfo=moment.tzinfo or UTC)


since_option = click.option("--since", callback=_since,
                            help="Only changes made on or after this date (YYYY-MM-DD[THH:MM]).")


@click.command()
@store_option
@since_option
@click.option("--kind", "kind_keys", multiple=True, type=click.Choice(_KIND_KEYS),
              help="Only records of this kind (repeatable).")
@click.option("--uid", help="Only the record with this uid.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
def history(store_path: Path, since: datetime | None, kind_keys: tuple[str, ...], uid: str | None,
            as_json: bool) -> None:
    """Show the change log: each change with its time, its step and the fields before and after.

    \b
    Example: council-prep history --store demo.db --since 2027-05-01 --kind agenda_item
    """
    with Store.open(store_path, read_only=True) as store:
        found = store.history(since=since, kinds=kind_keys, uid=uid)
    if as_json:
        click.echo(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("No changes.")
    for change in found:
        click.echo(describe(change))


def describe(change: Change) -> str:
    """One change in a few lines: when, the step, what, and each field from before to after."""
    noun = kinds.kind(change.kind).noun if change.kind in _KIND_KEYS else (
        "photo of person" if change.kind == PHOTO_TABLE else "link")
    head = f"{change.at.astimezone().strftime('%Y-%m-%d %H:%M:%S')}  #{change.step_id} {change.label}: " \
           f"{change.op} {noun} {change.uid}"
    lines = [head]
    if change.op == "update":
        for name in change.fields:
            if name not in BOOKKEEPING:
                lines.append(f"    {label_of(change.kind, name)}: {_short(change.before.get(name))} "
                             f"-> {_short(change.after.get(name))}")
    return "\n".join(lines)


def _short(value: object, limit: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
