"""Time as a dependency: services never read the wall clock directly.

Anki's tests taught us that code reading the clock itself fails around
midnight. "Today" is always the user's local day, decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware datetime in the user's local time zone."""

    def today(self) -> date:
        """The user's local calendar day."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()


@dataclass
class FixedClock:
    """A clock for tests and the benchmark: it only moves when told to."""

    current: datetime = field(
        default_factory=lambda: datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    )

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.date()

    def advance(self, **delta: float) -> None:
        self.current = self.current + timedelta(**delta)

    def set(self, value: datetime, tz: tzinfo | None = None) -> None:
        self.current = value if value.tzinfo else value.replace(tzinfo=tz or self.current.tzinfo)
