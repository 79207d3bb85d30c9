"""Input shapes: the base every XCreate / XUpdate / XSearch builds on, and the error it raises.

A shape is a pydantic model in strict mode (text must be `str`, a day must be a
`date` and not a datetime, a count an `int` and not a bool) that forbids
unknown fields. Building one with bad input raises `ValidationError` with one
friendly message per field, so the views show it at the field and services
write nothing. `ValidationError` lives here, beside the shapes that raise it;
`services.errors` re-exports it for everyone else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar, Self

import pydantic
from pydantic import AfterValidator, ConfigDict, TypeAdapter, ValidationInfo
from sqlmodel import SQLModel

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)  # a sane range: no year 1, no year 9999
MAX_ID = 2**63 - 1  # SQLite's largest rowid; a bigger int can't even be bound
SEARCH_MAX = 200  # a search longer than this is a paste by mistake (and SQLite caps LIKE patterns)
PAGE_MAX = 10_000  # "Show more" asks for a longer first page each time


class ValidationError(ValueError):
    """Bad input, with a message per field so the view can show it at the field.

    Raised before anything is written, so nothing is saved half-way.
    """

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class FieldProblem(ValueError):
    """Raised inside a model-wide check to put its message on a named field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# Messages for pydantic's own checks (types, missing or unknown fields); a shape's
# `messages` can say it better per field. Value checks carry their own words.
GENERIC = {
    "string_type": "Please write this as plain text.",
    "int_type": "Please use a whole number.",
    "bool_type": "Please answer yes or no.",
    "date_type": "That doesn't look like a date.",
    "list_type": "Please give a list.",
    "missing": "This one is needed.",
    "extra_forbidden": "That can't be changed here.",
}


def friendly(exc: pydantic.ValidationError, messages: Mapping[str, str], field: str | None = None) -> ValidationError:
    """Our error from pydantic's: one message per field (`field` names the one value checked)."""
    errors: dict[str, str] = {}
    for problem in exc.errors():
        cause = (problem.get("ctx") or {}).get("error")
        loc = problem["loc"]
        if isinstance(cause, FieldProblem):
            field_name = cause.field
        else:
            field_name = field or (str(loc[0]) if loc else "input")
        if field_name in errors:
            continue  # the first problem per field is the one to fix first
        if problem["type"] == "value_error" and cause is not None:
            errors[field_name] = str(cause)
        else:
            errors[field_name] = messages.get(field_name) or GENERIC.get(problem["type"], "That doesn't look right.")
    return ValidationError(errors)


class Shape(SQLModel):
    """What a service accepts as input; see the module docstring."""

    model_config = ConfigDict(strict=True, extra="forbid")  # type: ignore[assignment]
    messages: ClassVar[dict[str, str]] = {}  # field -> message for a wrong type or a missing value

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except pydantic.ValidationError as exc:
            raise friendly(exc, self.messages) from None

    @classmethod
    def parse(cls, data: Mapping[str, Any], **context: Any) -> Self:
        """Validate `data`; `context` carries what a check needs from outside (e.g. `today`)."""
        try:
            return cls.model_validate(dict(data), context=context)
        except pydantic.ValidationError as exc:
            raise friendly(exc, cls.messages) from None

    def given(self) -> dict[str, Any]:
        """The fields that were set: an update changes only these."""
        return {name: getattr(self, name) for name in self.model_fields_set}

    @classmethod
    def recheck(cls, changes: object, **context: Any) -> dict[str, Any]:
        """The given fields of an update, checked again here with `context` (e.g. `today`):
        the caller may have built it before the day turned, or without validating at all."""
        if not isinstance(changes, cls):
            raise ValidationError.single("changes", "That can't be changed here.")
        return cls.parse(changes.given(), **context).given()


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def check(field: str, kind: Any, value: Any, message: str | None = None, **context: Any) -> Any:
    """Check one value that has no shape of its own (an id list, a day filter) as strictly as a shape would."""
    try:
        return _adapter(kind).validate_python(value, strict=True, context=context)
    except pydantic.ValidationError as exc:
        raise friendly(exc, {field: message} if message else {}, field=field) from None


# ---- reusable field types and checks ------------------------------------------------
def storable(text: str) -> str:
    """SQLite stores UTF-8: a lone surrogate (possible from a browser) can't be written."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("That text has a character we can't store. Please retype it.") from None
    return text


def sane_day(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"Pick a date between {FIRST_DAY.year} and {LAST_DAY.year}.")
    return day


def record_id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise ValueError("That record isn't there any more.")
    return value


Text = Annotated[str, AfterValidator(storable)]
Day = Annotated[date, AfterValidator(sane_day)]
RecordId = Annotated[int, AfterValidator(record_id)]


def is_record_id(value: object) -> bool:
    """True for an int (not a bool) that SQLite could hold as a rowid."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def trimmed(value: str | None) -> str | None:
    """Outer whitespace off; empty means 'not given'. Inner text is kept exactly."""
    if value is None:
        return None
    return value.strip() or None


def one_line(value: str | None) -> str:
    """One line, no control characters, single spaces; letters of any kind kept."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in (value or ""))
    return " ".join(text.split())


def short_text(value: str, *, empty: str, limit: int, too_long: str) -> str:
    """A few words on one line (an action item, a question they asked): spaces collapsed,
    required, at most `limit` characters; the messages are the field's own (`{n}` in
    `too_long` becomes the length found)."""
    text = " ".join(value.split())
    if not text:
        raise ValueError(empty)
    if len(text) > limit:
        raise ValueError(too_long.format(n=len(text)))
    return text


def not_after_today(day: date | None, info: ValidationInfo, message: str) -> date | None:
    """Refuse a future day when the service passed `today` in the context."""
    today = (info.context or {}).get("today")
    if day is not None and today is not None and day > today:
        raise ValueError(message)
    return day


def as_list(value: Any) -> Any:
    """Any finite collection is fine where a list is asked for; a lone string is not a list of words."""
    if isinstance(value, tuple | set | frozenset | range) or isinstance(value, Iterator):
        return list(value)
    return value


def page_window(offset: int, limit: int) -> None:
    if not 0 <= offset <= MAX_ID:
        raise FieldProblem("offset", "That page is out of range.")
    if not 1 <= limit <= PAGE_MAX:
        raise FieldProblem("limit", f"Show between 1 and {PAGE_MAX:,} at a time.")


def search_text(value: str) -> str:
    if len(value) > SEARCH_MAX:
        raise ValueError(f"Search for up to {SEARCH_MAX} characters.")
    return value


SearchText = Annotated[str, AfterValidator(storable), AfterValidator(search_text)]

