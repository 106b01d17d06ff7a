"""Fixtures of the store tests."""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.media import read_only_copy


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """Move a store into a folder on read-only media; returns the store's path there."""
    folder = tmp_path / "media"
    folder.mkdir()
    with read_only_copy(folder) as mounted:
        def move(store_path: Path) -> Path:
            shutil.move(store_path, folder / store_path.name)
            return mounted / store_path.name

        yield move
