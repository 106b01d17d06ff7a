"""What happens when the app starts: the default store is created, with the demo data, on first use."""

from pathlib import Path

from council_prep.demo import load_demo
from council_prep.store import Store


def prepare_store(requested: Path | None, default: Path) -> tuple[Path, str | None]:
    """The store to open and a notice for the user; creates the default store on first start."""
    if requested is not None:
        if not requested.exists():
            Store.open(requested).close()  # its schema brings the reference data
            return requested, f"Created a new empty store at {requested}"
        return requested, None
    if default.exists():
        return default, None
    default.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(default) as store:
        load_demo(store)
    return default, f"First start: created the demo store at {default}"
