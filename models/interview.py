"""Interviews: each round on an application, the questions they asked, and what came after.

An application can have several interviews (rounds). The start is one moment
(`starts_at`, stored as UTC) plus the UTC offset of the wall time the person
typed, so a later time-zone change can be noticed and said. The people met are
a short JSON list of {"name", "role"} (parts of the interview, never searched
on their own). Questions they asked are rows of their own, each linkable to the
practice card made from it.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator
from sqlmodel import Field, SQLModel

from models.identity import new_uuid
from models.shapes import (
    Day,
    FieldProblem,
    RecordId,
    Shape,
    Text,
    ValidationError,
    as_list,
    one_line,
)

ROUNDS: dict[str, str] = {
    "recruiter": "Recruiter call",
    "phone_screen": "Phone screen",
    "technical": "Technical",
    "take_home": "Take-home task",
    "panel": "Panel or onsite",
    "final": "Final round",
    "other": "Other",
}
FORMATS: dict[str, str] = {"video": "Video call", "phone": "Phone", "in_person": "In person"}
OUTCOMES: dict[str, str] = {"next_round": "Next round", "offer": "An offer", "rejected": "A no"}

DURATION_MIN, DURATION_MAX = 5, 12 * 60  # minutes: a quick call .. a long onsite day
NAME_MAX = 200
LOCATION_MAX = 2_000
NOTES_MAX = 20_000
PEOPLE_MAX = 12


# ---- tables ------------------------------------------------------------------------
class Interview(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    round: str = "other"
    starts_at: datetime = Field(index=True)  # aware; stored as UTC
    duration_minutes: int = 60
    format: str = "video"
    location: str | None = None  # an address, a room or a meeting link
    people: str = "[]"  # JSON list of {"name": ..., "role": ...}
    prep_notes: str = ""
    entered_offset_minutes: int = 0  # UTC offset of the wall time as typed (a later zone change is noticed)
    cancelled_on: date | None = None
    mood_entry_id: int | None = Field(default=None, foreign_key="mood_entry.id", ondelete="SET NULL", index=True)
    after_notes: str = ""  # how it went, in the person's words; at hand for a feedback record
    outcome: str | None = None  # one of OUTCOMES
    thank_you_to: str | None = None
    thank_you_topic: str = ""
    thank_you_sent_on: date | None = None
    created_at: datetime
    updated_at: datetime


class InterviewQuestion(SQLModel, table=True):
    """A question they asked; `card_id` is the practice card made from it (one tap)."""

    __tablename__ = "interview_question"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE", index=True)
    text: str
    card_id: int | None = Field(default=None, foreign_key="practice_card.id", ondelete="SET NULL", index=True)
    created_at: datetime


def people_of(interview: Interview) -> list[tuple[str, str]]:
    """(name, role) pairs from the stored JSON; anything unreadable is left out."""
    try:
        raw = json.loads(interview.people or "[]")
    except ValueError:
        return []
    out = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            role = item.get("role")
            out.append((item["name"], role if isinstance(role, str) else ""))
    return out


# ---- input shapes ---------------------------------------------------------------------
class Person(Shape):
    """Someone you meet: a name (needed) and their role (optional)."""

    messages: ClassVar[dict[str, str]] = {"name": "Add their name, or remove this row."}

    name: Text
    role: Text = ""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        name = one_line(value)
        if not name:
            raise ValueError(cls.messages["name"])
        if len(name) > NAME_MAX:
            raise ValueError(f"A name can be at most {NAME_MAX} characters.")
        return name

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        role = one_line(value)
        if len(role) > NAME_MAX:
            raise ValueError(f"A role can be at most {NAME_MAX} characters.")
        return role


def _people(value: Any) -> list[Person] | None:
    """Each row checked on its own, so its message lands on that row ("people.1.name")."""
    if value is None:
        return None  # an update leaves them as they are
    rows = as_list(value)
    if not isinstance(rows, list):
        raise FieldProblem("people", "Add people as a list of names and roles.")
    if len(rows) > PEOPLE_MAX:
        raise FieldProblem("people", f"Up to {PEOPLE_MAX} people per interview.")
    people = []
    for i, row in enumerate(rows):
        if isinstance(row, Person):
            people.append(row)
            continue
        if not isinstance(row, dict):
            raise FieldProblem(f"people.{i}.name", Person.messages["name"])
        try:
            people.append(Person(**row))
        except ValidationError as exc:
            field, message = next(iter(exc.errors.items()))
            raise FieldProblem(f"people.{i}.{field}", message) from None
    return people


def duration_message(minutes: int) -> str:
    if minutes < DURATION_MIN:
        return f"An interview needs at least {DURATION_MIN} minutes."
    return "That's longer than 12 hours. For a take-home task, put the time you plan to spend on it."


class _InterviewFields(Shape):
    """The checks InterviewCreate and InterviewUpdate share (fields are declared by each)."""

    messages: ClassVar[dict[str, str]] = {
        "round": "Pick the kind of round.",
        "format": "Pick video, phone or in person.",
        "day": "Pick the day of the interview.",
        "at": "Write the time like 14:30.",
        "duration_minutes": "Write how long it lasts in minutes, like 45.",
    }

    @field_validator("people", mode="before", check_fields=False)
    @classmethod
    def _people_rows(cls, value: Any) -> Any:
        return _people(value)

    @field_validator("round", check_fields=False)
    @classmethod
    def _round(cls, value: str | None) -> str | None:
        if value is not None and value not in ROUNDS:
            raise ValueError(cls.messages["round"])
        return value

    @field_validator("format", check_fields=False)
    @classmethod
    def _format(cls, value: str | None) -> str | None:
        if value is not None and value not in FORMATS:
            raise ValueError(cls.messages["format"])
        return value

    @field_validator("duration_minutes", check_fields=False)
    @classmethod
    def _duration(cls, value: int | None) -> int | None:
        if value is not None and not DURATION_MIN <= value <= DURATION_MAX:
            raise ValueError(duration_message(value))
        return value

    @field_validator("location", check_fields=False)
    @classmethod
    def _location(cls, value: str | None) -> str | None:
        text = one_line(value)
        if len(text) > LOCATION_MAX:
            raise ValueError(f"Keep the place or link under {LOCATION_MAX:,} characters.")
        return text or None

    @field_validator("prep_notes", "after_notes", check_fields=False)
    @classmethod
    def _notes(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        text = value.strip()
        if len(text) > NOTES_MAX:
            raise ValueError(f"Notes can be at most {NOTES_MAX:,} characters (these have {len(text):,}).")
        return text

    @field_validator("company", check_fields=False)
    @classmethod
    def _company(cls, value: str | None) -> str | None:
        text = one_line(value)
        if len(text) > NAME_MAX:
            raise ValueError(f"Company can be at most {NAME_MAX} characters (this one has {len(text)}).")
        return text or None


class InterviewCreate(_InterviewFields):
    """A round to schedule. `company` fills in an application that has none yet."""

    application_id: RecordId
    round: Text = "other"
    day: Day
    at: time
    duration_minutes: int = 60
    format: Text = "video"
    location: Text | None = None
    people: list[Person] = []
    prep_notes: Text = ""
    company: Text | None = None


class InterviewUpdate(_InterviewFields):
    """Every field optional: only what is given changes (day and time are checked together)."""

    round: Text | None = None
    day: Day | None = None
    at: time | None = None
    duration_minutes: int | None = None
    format: Text | None = None
    location: Text | None = None
    people: list[Person] | None = None
    prep_notes: Text | None = None
    after_notes: Text | None = None


def aware(value: datetime) -> datetime:
    """A stored moment as an aware UTC datetime (SQLite hands back naive UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


__all__ = [
    "DURATION_MAX",
    "DURATION_MIN",
    "FORMATS",
    "OUTCOMES",
    "ROUNDS",
    "Interview",
    "InterviewCreate",
    "InterviewQuestion",
    "InterviewUpdate",
    "Person",
    "aware",
    "people_of",
]
