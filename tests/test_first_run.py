"""On first start the default store is created with the demo data; later starts just open it."""

from pathlib import Path

from council_prep.first_run import prepare_store
from council_prep.store import Store


def test_first_start_creates_the_demo_store_in_a_new_folder(tmp_path: Path):
    default = tmp_path / "data" / "council-prep" / "council-prep.db"
    path, notice = prepare_store(None, default)
    assert path == default and notice == f"First start: created the demo store at {default}"
    with Store.open(default, read_only=True) as store:
        assert store.meetings.count() >= 3
    path, notice = prepare_store(None, default)
    assert (path, notice) == (default, None)


def test_a_named_new_store_starts_empty_with_reference_data(tmp_path: Path):
    requested = tmp_path / "mine.db"
    path, notice = prepare_store(requested, tmp_path / "unused.db")
    assert path == requested and "new empty store" in notice
    with Store.open(requested, read_only=True) as store:
        assert store.is_empty() and store.topics.count() == 12
    assert not (tmp_path / "unused.db").exists()
