"""What happens when the app starts: the default store is created, with the demo data, on first use."""

from pathlib import Path

STORE_ENV = "COUNCIL_PREP_STORE"  # the store to open when none is named


def default_store_path() -> Path:
    """Where the store opened by default lives: the user's data folder."""
    from platformdirs import user_data_path  # only when no store is named: it costs a few milliseconds

    return user_data_path("council-prep", appauthor=False) / "council-prep.db"


def prepare_store(requested: Path | None, default: Path) -> tuple[Path, str | None]:
    """The store to open and a notice for the user; creates the default store on first start."""
    from council_prep.store import Store

    if requested is not None:
        if not requested.exists():
            Store.open(requested).close()  # its schema brings the reference data
            return requested, f"Created a new empty store at {requested}"
        return requested, None
    if default.exists():
        return default, None
    from council_prep.demo import load_demo

    default.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(default) as store:
        load_demo(store)
    return default, f"First start: created the demo store at {default}"
