"""Mood entries: how the user felt, the feelings named, self-care done.

Feelings and activities live in their own small tables (one row per word per
entry) so "days with a walk" is a plain indexed query, and the user's own words
are remembered in `mood_word` so they are offered again next time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import field_validator
from sqlmodel import Field, SQLModel

from models.identity import new_uuid
from models.shapes import RecordId, Shape, Text, as_list

MOOD_MIN, MOOD_MAX = 1, 5


class MoodEntryBase(SQLModel):
    mood: int = Field(ge=MOOD_MIN, le=MOOD_MAX)
    intensity: int | None = Field(default=None, ge=1, le=5)
    note: str = ""
    about_rejection: bool = False
    application_id: int | None = Field(default=None, foreign_key="application.id", ondelete="SET NULL", index=True)


NOTE_LIMIT = 20_000
WORD_LIMIT = 200
MAX_WORDS = 40  # per entry: more than anyone names in one sitting


# Older or American spellings of built-in words (an import, a habit): stored the British way.
SPELLINGS = {"energized": "energised"}


def normalize_word(word: str) -> str:
    """One spelling per word: trimmed, single-spaced, lower-case, British."""
    text = " ".join(str(word).split()).lower()
    return SPELLINGS.get(text, text)


class MoodEntryCreate(Shape):
    """One check-in (also what an edit replaces an entry's contents with)."""

    messages: ClassVar[dict[str, str]] = {
        "mood": "Pick one of the five faces.",
        "intensity": "Intensity goes from 1 to 5.",
        "feelings": "Pick feelings from the list or type your own.",
        "activities": "Pick self-care from the list or type your own.",
        "application_id": "That application isn't there any more.",
    }

    mood: int
    feelings: list[Text] = []
    intensity: int | None = None
    note: Text = ""
    activities: list[Text] = []
    application_id: RecordId | None = None
    about_rejection: bool = False

    @field_validator("feelings", "activities", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return [] if value is None else as_list(value)

    @field_validator("mood")
    @classmethod
    def _mood(cls, value: int) -> int:
        if not MOOD_MIN <= value <= MOOD_MAX:
            raise ValueError(cls.messages["mood"])
        return value

    @field_validator("intensity")
    @classmethod
    def _intensity(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= 5:
            raise ValueError(cls.messages["intensity"])
        return value

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        note = value.strip()
        if len(note) > NOTE_LIMIT:
            raise ValueError(f"That note is longer than {NOTE_LIMIT:,} characters; please shorten it a little.")
        return note

    @field_validator("feelings", "activities")
    @classmethod
    def _words(cls, value: list[str]) -> list[str]:
        seen: list[str] = []
        for word in (normalize_word(w) for w in value):
            if len(word) > WORD_LIMIT:
                raise ValueError(f"Please keep each word under {WORD_LIMIT} characters.")
            if word and word not in seen:
                seen.append(word)
        if len(seen) > MAX_WORDS:
            raise ValueError(f"That's a lot at once: please pick up to {MAX_WORDS}.")
        return seen


class MoodEntry(MoodEntryBase, table=True):
    __tablename__ = "mood_entry"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
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
