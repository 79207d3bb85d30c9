"""The plain values the mood services hand to views (detached from the database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class MoodRecord:
    """One entry as the views see it (detached, plain values)."""

    id: int
    logged_at: datetime  # aware, UTC
    day: date
    mood: int
    feelings: tuple[str, ...]
    activities: tuple[str, ...]
    intensity: int | None
    note: str
    application_id: int | None
    about_rejection: bool


@dataclass(frozen=True)
class DaySummary:
    day: date
    average: float  # the day's mood: mean of its entries
    count: int

    @property
    def mood(self) -> int:
        """The average rounded half-up to a face (1-5)."""
        return int(self.average + 0.5)


@dataclass(frozen=True)
class Vocabulary:
    feeling_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (title, words)
    own_feelings: tuple[str, ...]
    activities: tuple[str, ...]
    own_activities: tuple[str, ...]

    @property
    def all_feelings(self) -> tuple[str, ...]:
        return tuple(w for _, ws in self.feeling_groups for w in ws) + self.own_feelings

    @property
    def all_activities(self) -> tuple[str, ...]:
        return self.activities + self.own_activities
