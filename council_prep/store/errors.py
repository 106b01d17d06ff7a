"""Errors of the store; each message names the file and says what the user can do."""

from council_prep.errors import CouncilPrepError


class StoreError(CouncilPrepError):
    """The store could not be opened, read or written."""


class StoreNotFoundError(StoreError):
    """The store's file or its folder does not exist."""


class NotAStoreError(StoreError):
    """The file is not an SQLite database, or is one that council-prep did not make."""


class CorruptStoreError(StoreError):
    """The file is damaged: truncated, or its pages do not check out."""


class StoreTooNewError(StoreError):
    """The store was written by a newer version of council-prep; it is left untouched."""


class StoreReadOnlyError(StoreError):
    """The store cannot be written: the file or its folder is read-only, or it was opened for review."""


class StoreBusyError(StoreError):
    """Another program held the store locked for longer than we were willing to wait."""


class RecordNotFoundError(StoreError):
    """No record with that id or uid is in the store (perhaps it was deleted meanwhile)."""


class StoreNotEmptyError(StoreError):
    """The store already holds data, and the operation only fills an empty store."""


class UnreadableValueError(CorruptStoreError):
    """A row holds a value no record can: a status this version does not know, a date it cannot read."""


class StoreWriteError(StoreError):
    """The disk is full, or the file could not be written or read back (an I/O error)."""
