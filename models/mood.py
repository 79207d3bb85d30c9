"""Mood entries: how the user felt, the feelings named, self-care done.

Feelings and activities live in their own small tables (one row per word per
entry) so "days with a walk" is a plain indexed query, and the user's own words
are remembered in `mood_word` so they are offered again next time.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

MOOD_MIN, MOOD_MAX = 1, 5


class MoodEntryBase(SQLModel):
    mood: int = Field(ge=MOOD_MIN, le=MOOD_MAX)
    intensity: int | None = Field(default=None, ge=1, le=5)
    note: str = ""
    about_rejection: bool = False
    application_id: int | None = Field(default=None, foreign_key="application.id", ondelete="SET NULL", index=True)


class MoodEntryCreate(SQLModel):
    mood: int
    feelings: list[str] = []
    intensity: int | None = None
    note: str = ""
    activities: list[str] = []
    application_id: int | None = None
    about_rejection: bool = False


class MoodEntryUpdate(SQLModel):
    mood: int | None = None
    feelings: list[str] | None = None
    intensity: int | None = None
    note: str | None = None
    activities: list[str] | None = None
    application_id: int | None = None
    about_rejection: bool | None = None


class MoodEntry(MoodEntryBase, table=True):
    __tablename__ = "mood_entry"

    id: int | None = Field(default=None, primary_key=True)
    logged_at: datetime  # aware; stored as UTC
    day: date = Field(index=True)  # the user's local day when logged: what calendars group by
    updated_at: datetime


class MoodEntryFeeling(SQLModel, table=True):
    __tablename__ = "mood_entry_feeling"

    entry_id: int = Field(foreign_key="mood_entry.id", ondelete="CASCADE", primary_key=True)
    word: str = Field(primary_key=True, index=True)


class MoodEntryActivity(SQLModel, table=True):
    __tablename__ = "mood_entry_activity"

    entry_id: int = Field(foreign_key="mood_entry.id", ondelete="CASCADE", primary_key=True)
    name: str = Field(primary_key=True, index=True)


class MoodWord(SQLModel, table=True):
    """A feeling or activity the user added in their own words."""

    __tablename__ = "mood_word"

    kind: str = Field(primary_key=True)  # "feeling" | "activity"
    word: str = Field(primary_key=True)
    created_at: datetime
