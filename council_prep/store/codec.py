"""Conversion between domain records and table rows, driven by the dataclasses' own type hints."""

import json
import types
import typing
from dataclasses import fields
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache
from typing import Any

from council_prep.domain import Record

# Relations held in link tables, not in the record's own row.
RELATION_FIELDS = frozenset({"law_change_ids", "submission_ids"})


@cache
def _column_types(cls: type[Record]) -> dict[str, type]:
    """Column name -> the non-optional Python type of the field behind it."""
    hints = typing.get_type_hints(cls)
    result: dict[str, type] = {}
    for f in fields(cls):
        if f.name in RELATION_FIELDS:
            continue
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        result[f.name] = typing.get_origin(hint) or hint
    return result


def columns(cls: type[Record]) -> list[str]:
    return list(_column_types(cls))


def column_kinds(cls: type[Record]) -> dict[str, type]:
    return _column_types(cls)


def to_column(kind: type, value: Any) -> Any:
    """One value as SQLite holds it; for a list column, `value` is a single element."""
    if value is None or kind is list:
        return value
    if kind is time:
        return value.strftime("%H:%M")
    if kind in (date, datetime):
        return value.isoformat()
    if kind is bool:
        return int(value)
    if isinstance(value, StrEnum):
        return value.value
    return value


def to_row(record: Record) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, kind in _column_types(type(record)).items():
        value = getattr(record, name)
        if kind is list:
            row[name] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = to_column(kind, value)
    return row


def from_row(cls: type[Record], row: dict[str, Any], **relations: list[int]) -> Record:
    values: dict[str, Any] = {}
    for name, kind in _column_types(cls).items():
        value = row.get(name)
        if value is None:
            values[name] = None if name != "uid" else row["uid"]
        elif kind is list:
            values[name] = json.loads(value)
        elif kind is time:
            values[name] = time.fromisoformat(value)
        elif kind is datetime:
            values[name] = datetime.fromisoformat(value)
        elif kind is date:
            values[name] = date.fromisoformat(value)
        elif kind is bool:
            values[name] = bool(value)
        elif issubclass(kind, StrEnum):
            values[name] = kind(value)
        else:
            values[name] = value
    # Keep dataclass defaults for text columns that are NULL in old rows.
    values = {k: v for k, v in values.items() if v is not None or _nullable(cls, k)}
    return cls(**values, **relations)


@cache
def _nullable(cls: type[Record], name: str) -> bool:
    hint = typing.get_type_hints(cls)[name]
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
