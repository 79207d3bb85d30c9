"""Time as a dependency: services never read the wall clock directly.

Anki's tests taught us that code reading the clock itself fails around
midnight. "Today" is always the user's local day, decided here.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware datetime in the user's local time zone."""

    def today(self) -> date:
        """The user's local calendar day."""

    def at(self, day: date, wall: time) -> datetime:
        """The aware moment `wall` o'clock happens on local `day`, by that day's own UTC offset.

        Across a daylight-saving change the offset differs from today's; a time the
        clocks skip (02:30 in spring) comes out an hour later, a repeated one once.
        """


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    def at(self, day: date, wall: time) -> datetime:
        # mktime applies the operating system's zone rules for that date (-1: DST unknown).
        stamp = _time.mktime((day.year, day.month, day.day, wall.hour, wall.minute, 0, 0, 0, -1))
        return datetime.fromtimestamp(stamp, UTC).astimezone()


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

    def at(self, day: date, wall: time) -> datetime:
        # Through UTC and back: a skipped wall time lands after the change (zoneinfo's fold=0).
        zone = self.current.tzinfo
        return datetime.combine(day, wall, tzinfo=zone).astimezone(UTC).astimezone(zone)

    def advance(self, **delta: float) -> None:
        self.current = self.current + timedelta(**delta)

    def set(self, value: datetime, tz: tzinfo | None = None) -> None:
        self.current = value if value.tzinfo else value.replace(tzinfo=tz or self.current.tzinfo)


class ShiftedClock(SystemClock):
    """For browser tests only (main.py reads BOUNCEBACK_FAKE_NOW): the system clock set to
    start at `start`, then running on at the normal pace, so a test can open the app on a
    chosen day and restart it "the day after" with the same data."""

    def __init__(self, start: datetime):
        self._offset = start.astimezone() - datetime.now().astimezone()

    def now(self) -> datetime:
        return (datetime.now().astimezone() + self._offset).astimezone()
