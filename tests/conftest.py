"""Small fixtures: a real store file in tmp_path, empty or with the demo data."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from council_prep.demo import load_demo
from council_prep.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any test module imports Qt

# In CI the property tests draw the same examples every run: a red build must be reproducible.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """An open store with the reference data (topics, agreements, partners) and nothing else."""
    with Store.open(store_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store built once per session; copy it (demo_store) before changing it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(path) as opened:
        load_demo(opened)
    return path


@pytest.fixture
def demo_store_path(demo_store_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store's file, free to change."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_store_file, path)
    return path


@pytest.fixture
def demo_store(demo_store_path: Path) -> Iterator[Store]:
    with Store.open(demo_store_path) as opened:
        yield opened
