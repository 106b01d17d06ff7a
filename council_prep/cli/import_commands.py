"""`council-prep import questions|law-changes`: spreadsheets and CSV files into the store, all or nothing."""

import click


@click.group("import")
def import_() -> None:
    """Import questions or law changes from .xlsx or .csv files (all rows or none)."""
