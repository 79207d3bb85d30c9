"""Loading one record by id, and LIKE patterns: small helpers every feature's service uses."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, SQLModel

from models.shapes import is_record_id
from services.errors import NotFound

T = TypeVar("T", bound=SQLModel)


def load(s: Session, model: type[T], record_id: object, what: str) -> T:
    """The row, or NotFound: also for an id no row can have (a bool, a str, 2**64),
    which SQLite would otherwise answer with OverflowError or a type error."""
    if not is_record_id(record_id):
        raise NotFound(f"{what} {record_id!r}")
    row = s.get(model, record_id)
    if row is None:
        raise NotFound(f"{what} {record_id}")
    return row


def like_pattern(text: str) -> str:
    """`%text%` for LIKE with its wildcards escaped (use with escape='\\\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def id_of(row: SQLModel) -> int:
    """The id of a row that has been flushed or loaded (SQLModel types it as optional)."""
    value = getattr(row, "id", None)
    if not isinstance(value, int):
        raise RuntimeError(f"{type(row).__name__} has no id yet: flush it first")
    return value
