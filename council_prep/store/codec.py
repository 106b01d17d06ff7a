"""Conversion between domain records and table rows, driven by the dataclasses' own type hints.

Rows read back are trusted: their text was cleaned (in to_row) and their values checked when
they were written, so a record is rebuilt from a row without running the record's own input
cleaning. A
value no record could hold (a status this version does not know, a date it cannot read) is
refused with the table, row and column, never passed on to crash a later step.
"""

import json
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, fields
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache, partial
from typing import Any

from council_prep.domain import Ask, Record
from council_prep.domain.kinds import kind_of
from council_prep.domain.text import clean
from council_prep.store.errors import UnreadableValueError
from council_prep.store.links import RELATION_FIELDS


@cache
def _hints(cls: type[Record]) -> dict[str, Any]:
    """The field types of `cls`, evaluated once (each evaluation reads every annotation of the class)."""
    return typing.get_type_hints(cls)


@cache
def _column_types(cls: type[Record]) -> dict[str, type]:
    """Column name -> the non-optional Python type of the field behind it."""
    hints = _hints(cls)
    result: dict[str, type] = {}
    for f in fields(cls):
        if f.name in RELATION_FIELDS:
            continue
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        result[f.name] = typing.get_origin(hint) or hint
    return result


@cache
def _pair_columns(cls: type[Record]) -> frozenset[str]:
    """List columns whose items are Ask pairs, held as JSON [[ask, response], ...]."""
    hints = _hints(cls)
    return frozenset(name for name in _column_types(cls) if typing.get_args(hints[name]) == (Ask,))


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
    """The row that stores `record`. Text is cleaned here, on the one way into the store, so a
    record whose fields were set after it was made is stored as cleanly as a typed one, and
    reading it back needs no cleaning."""
    return {name: write(getattr(record, name)) for name, write in _writers(type(record))}


@cache
def _writers(cls: type[Record]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """(column, how a value of its field is stored) for every column of `cls`, worked out once per class."""
    pairs = _pair_columns(cls)
    return tuple((name, _pairs_json if name in pairs else _list_json if kind is list else
                  _clean_text if kind is str else partial(to_column, kind))
                 for name, kind in _column_types(cls).items())


def _pairs_json(value: list[Ask]) -> str:
    return json.dumps([[clean(a.ask), clean(a.response)] for a in value], ensure_ascii=False)


def _list_json(value: list[Any]) -> str:
    return json.dumps([clean(item) if type(item) is str else item for item in value], ensure_ascii=False)


def _clean_text(value: str | None) -> str | None:
    return None if value is None else clean(value)


# Reading values back. Each reader takes a non-NULL column value and returns the field's value,
# or raises ValueError saying in words what is wrong with it.
Reader = Callable[[Any], Any]


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError(f"not text ({_shown(value)})")
    return value


def _whole_number(value: Any) -> int:
    if type(value) is not int:
        raise ValueError(f"not a whole number ({_shown(value)})")
    return value


def _flag(value: Any) -> bool:
    if value not in (0, 1):
        raise ValueError(f"not 0 or 1 ({_shown(value)})")
    return bool(value)


def _string_list(value: Any) -> list[str]:
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        items = None
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"not a JSON list of texts ({_shown(value)})")
    return items


def _pairs(value: Any) -> list[Ask]:
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        items = None
    if not isinstance(items, list) or not all(
            isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item) for item in items):
        raise ValueError(f"not a JSON list of [ask, response] pairs ({_shown(value)})")
    return [Ask(ask, response) for ask, response in items]


def _number(value: Any) -> float:
    if type(value) not in (int, float) or value != value:
        raise ValueError(f"not a number ({_shown(value)})")
    return float(value)


def _parsed(parse: Callable[[str], Any], what: str) -> Reader:
    def read(value: Any) -> Any:
        try:
            return parse(value)
        except (TypeError, ValueError):
            raise ValueError(f"unreadable {what} {_shown(value)}") from None
    return read


def _member(enum: type[StrEnum]) -> Reader:
    members = {member.value: member for member in enum}

    def read(value: Any) -> StrEnum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"unknown value {_shown(value)}") from None
    return read


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def reader(kind: type) -> Reader | None:
    """How a column of `kind` is read back; None for text, which is taken as it is (after a type check)."""
    if kind is str:
        return None
    if kind is list:
        return _string_list
    if kind is bool:
        return _flag
    if kind is int:
        return _whole_number
    if kind is float:
        return _number
    if kind is time:
        return _parsed(time.fromisoformat, "time")
    if kind is datetime:
        return _parsed(datetime.fromisoformat, "date and time")
    if kind is date:
        return _parsed(date.fromisoformat, "date")
    if issubclass(kind, StrEnum):
        return _member(kind)
    raise TypeError(f"no reader for columns of type {kind!r}")


@cache
def readers(cls: type[Record]) -> tuple[tuple[str, Reader | None, bool], ...]:
    """(column, its reader, whether NULL is a value of the field) for every column of `cls`."""
    return tuple((name, _pairs if name in _pair_columns(cls) else reader(kind), _nullable(cls, name))
                 for name, kind in _column_types(cls).items())


@cache
def _defaults(cls: type[Record]) -> tuple[tuple[str, Any, Callable[[], Any] | None], ...]:
    """(field, default value, default factory) of every field that has a default."""
    return tuple((f.name, f.default, None if f.default_factory is MISSING else f.default_factory)
                 for f in fields(cls) if f.default is not MISSING or f.default_factory is not MISSING)


def read_value(table: str, row_id: Any, name: str, read: Reader | None, value: Any) -> Any:
    """One non-NULL column value as the field holds it, or UnreadableValueError naming where it is."""
    try:
        return _text(value) if read is None else read(value)
    except ValueError as exc:
        raise UnreadableValueError(
            f"{table} row {row_id}, column {name}: {exc}; run council-prep check"
        ) from None


def unreadable(read: Reader | None, value: Any) -> str | None:
    """Why a non-NULL column value cannot be read with `read` (from `readers`), or None if it can."""
    try:
        _text(value) if read is None else read(value)
    except ValueError as exc:
        return str(exc)
    return None


def from_row(cls: type[Record], row: dict[str, Any], **relations: list[int]) -> Record:
    """The record a stored row holds, built without input cleaning (the row is trusted)."""
    values: dict[str, Any] = {}
    for name, read, nullable in readers(cls):
        value = row.get(name)
        if value is None:
            if nullable:  # otherwise the field keeps its default (text columns NULL in old rows)
                values[name] = None
        elif read is None and type(value) is str:
            values[name] = value
        else:
            values[name] = read_value(kind_of(cls).table, row.get("id"), name, read, value)
    values.update(relations)
    return _trusted(cls, values)


def _trusted(cls: type[Record], values: dict[str, Any]) -> Record:
    """A record of `cls` holding `values` (other fields at their defaults), without __post_init__."""
    record = object.__new__(cls)
    state = record.__dict__
    for name, default, factory in _defaults(cls):
        if name not in values:
            state[name] = factory() if factory is not None else default
    state.update(values)
    return record


@cache
def _nullable(cls: type[Record], name: str) -> bool:
    hint = _hints(cls)[name]
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
