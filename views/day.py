"""The user's local day as app state, so screens left open re-read their figures at midnight.

One task per open app reads the clock (never the database): it sleeps until just
after the next local midnight, or at most DAY_CHECK_SECONDS (the clock may jump:
a laptop waking up, a time-zone change), and sets the new day when it changes.
Screens read it with `use_today()` and key their reads on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import flet as ft

from services.clock import Clock

log = logging.getLogger(__name__)
DAY_CHECK_SECONDS = 60.0

DayContext = ft.create_context(None)


def seconds_to_next_check(now: datetime) -> float:
    midnight = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=now.tzinfo)
    return max(0.0, min(DAY_CHECK_SECONDS, (midnight - now).total_seconds() + 1))


async def watch_day(clock: Clock, on_new_day: Callable[[date], None]) -> None:
    seen = clock.today()
    while True:
        await asyncio.sleep(seconds_to_next_check(clock.now()))
        try:
            today = clock.today()
            if today != seen:
                seen = today
                on_new_day(today)
        except Exception:  # a stale Today is better than a dead watcher
            log.exception("day change not applied")


def use_today(clock: Clock) -> date:
    """Today's local date; a component that reads it re-renders when the day changes."""
    day = ft.use_context(DayContext)
    return day if day is not None else clock.today()
