"""The one place for SQL: the SQLite store, its schema, search and maintenance."""

from council_prep.store.errors import (
    CorruptStoreError,
    NotAStoreError,
    RecordNotFoundError,
    StoreBusyError,
    StoreError,
    StoreNotEmptyError,
    StoreNotFoundError,
    StoreReadOnlyError,
    StoreTooNewError,
    StoreWriteError,
    UnreadableValueError,
)
from council_prep.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from council_prep.store.store import Store
from council_prep.store.versions import SCHEMA_VERSION

__all__ = [
    "HIGHLIGHT_END", "HIGHLIGHT_START", "SCHEMA_VERSION", "CorruptStoreError", "NotAStoreError",
    "RecordNotFoundError", "SearchHit", "Store", "StoreBusyError", "StoreError", "StoreNotEmptyError",
    "StoreNotFoundError", "StoreReadOnlyError", "StoreTooNewError", "StoreWriteError", "UnreadableValueError",
]
