"""What a row of each table may hold, read from the models (so a new table is covered by itself).

Used to check our own export row by row before anything is written: every
column known, every value of the right type and shape, every link pointing at a
row that exists.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table)
from models.application import STATUSES, WIN_KINDS
from models.feedback import REQUEST_STATUSES
from models.mood import MOOD_MAX, MOOD_MIN
from models.practice import CATEGORIES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$")


def _json_text(value: object) -> bool:
    try:
        json.loads(value)  # type: ignore[arg-type]  # only reached for text (checked first)
    except ValueError:
        return False
    return True


def _tag_list(value: object) -> bool:
    try:
        tags = json.loads(value)  # type: ignore[arg-type]  # only reached for text (checked first)
    except ValueError:
        return False
    return isinstance(tags, list) and all(isinstance(t, str) for t in tags)


def _one_of(choices, label: str) -> tuple[Callable[[object], bool], str]:
    return (lambda v: v in choices), f"should be one of {label}"


def _between(low: int, high: int) -> tuple[Callable[[object], bool], str]:
    return (lambda v: low <= v <= high), f"should be from {low} to {high}"


# Values the app relies on, beyond their type. Keyed (table, column).
RULES: dict[tuple[str, str], tuple[Callable[[object], bool], str]] = {
    ("application", "status"): _one_of(STATUSES, "the application statuses"),
    ("status_change", "status"): _one_of(STATUSES, "the application statuses"),
    ("win", "kind"): _one_of(WIN_KINDS, "the kinds of win"),
    ("mood_entry", "mood"): _between(MOOD_MIN, MOOD_MAX),
    ("mood_entry", "intensity"): _between(1, 5),
    ("feedback", "status"): _one_of(REQUEST_STATUSES, "the request statuses"),
    ("practice_card", "category"): _one_of(CATEGORIES, "the practice categories"),
    ("practice_card", "tags"): (_tag_list, "should be a JSON list of tags"),
    ("practice_review", "rating"): _between(1, 4),
    ("setting", "value"): (_json_text, "should be JSON text"),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # int | float | bool | text | date | stamp
    nullable: bool
    primary: bool


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict[str, Column]
    primary_key: tuple[str, ...]
    links: dict[str, str]  # column -> parent table
    unique: tuple[tuple[str, ...], ...]  # unique column sets besides the primary key and uuid
    has_uuid: bool

    @property
    def integer_id(self) -> bool:
        return self.primary_key == ("id",)


def _kind(col: sa.Column) -> str:
    t: Any = col.type
    while isinstance(t, sa.types.TypeDecorator):  # SQLModel's UTCDateTime is a DateTime underneath
        t = t.impl_instance if hasattr(t, "impl_instance") else t.impl
    if isinstance(t, sa.Boolean):
        return "bool"
    if isinstance(t, sa.Integer):
        return "int"
    if isinstance(t, sa.Float):
        return "float"
    if isinstance(t, sa.DateTime):
        return "stamp"
    if isinstance(t, sa.Date):
        return "date"
    return "text"


def _table(t: sa.Table) -> Table:
    unique: list[tuple[str, ...]] = []
    for index in t.indexes:
        cols = tuple(c.name for c in index.columns)
        if index.unique and cols != ("uuid",):
            unique.append(cols)
    for col in t.columns:
        if col.unique and col.name != "uuid":
            unique.append((col.name,))
    return Table(
        name=t.name,
        columns={c.name: Column(c.name, _kind(c), bool(c.nullable) and not c.primary_key, c.primary_key) for c in t.columns},
        primary_key=tuple(c.name for c in t.primary_key.columns),
        links={fk.parent.name: fk.column.table.name for fk in t.foreign_keys},
        unique=tuple(dict.fromkeys(unique)),
        has_uuid="uuid" in t.columns,
    )


def tables() -> list[Table]:
    """Every table, parents before the tables that link to them."""
    return [_table(t) for t in SQLModel.metadata.sorted_tables]


_TYPE_OK: dict[str, Callable[[object], bool]] = {
    "int": lambda v: type(v) is int,
    "bool": lambda v: type(v) is int and v in (0, 1) or type(v) is bool,
    "float": lambda v: isinstance(v, (int, float)) and type(v) is not bool and math.isfinite(v),
    "text": lambda v: type(v) is str,
    "date": lambda v: type(v) is str and _DATE.match(v) is not None and _parses(date.fromisoformat, v),
    "stamp": lambda v: type(v) is str and _STAMP.match(v) is not None and _parses(datetime.fromisoformat, v),
}
_TYPE_SAYS = {
    "int": "should be a whole number",
    "bool": "should be 0 or 1",
    "float": "should be a number",
    "text": "should be text",
    "date": "should be a date like 2026-03-04",
    "stamp": "should be a time like 2026-03-04 14:30:00.000000",
}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def checker(table: str, col: Column) -> Callable[[object], str | None]:
    """A function saying why a value can't go in this column (None when it can); built once per column,
    since an export holds a million values."""
    type_ok, says = _TYPE_OK[col.kind], _TYPE_SAYS[col.kind]
    rule = RULES.get((table, col.name))
    empty_ok = col.nullable
    is_uuid_col = col.name == "uuid"

    def check(value: object) -> str | None:
        if value is None:
            return None if empty_ok else "is missing"
        if not type_ok(value):
            return f"{says}, not {_show(value)}"
        if is_uuid_col and _UUID.match(str(value)) is None:  # canonical, lower-case: what str(uuid4()) writes
            return f"should be a UUID, not {_show(value)}"
        if rule and not rule[0](value):
            return f"{rule[1]}, not {_show(value)}"
        return None

    return check


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"
