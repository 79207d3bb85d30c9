"""Local time for interviews: typed times, the moment a wall time happens, and how to say it.

An interview is one moment (stored as UTC). It is shown in the zone the device is
in now, using that day's own UTC offset (so a round after a daylight-saving change
shows at the time it was typed). The offset in force when it was typed is kept, so
a move to another zone can be noticed and said instead of silently shifting.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from services.clock import Clock
from services.errors import ValidationError

_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)
TIME_MESSAGE = "Write the time like 14:30 (or 2:30 pm)."


def read_time(text: object) -> time:
    """'14:30', '9.05', '2:30 pm', '9am' -> a time; anything else is our ValidationError at `at`."""
    match = _TIME.match(text) if isinstance(text, str) else None
    if not match:
        raise ValidationError.single("at", TIME_MESSAGE)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValidationError.single("at", TIME_MESSAGE)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError.single("at", TIME_MESSAGE)
    return time(hour, minute)


def local(clock: Clock, moment: datetime) -> datetime:
    """`moment` as the device's wall time now, by the UTC offset in force on that day."""
    guess = moment.astimezone(clock.now().tzinfo)
    return moment.astimezone(clock.at(guess.date(), guess.time()).tzinfo)


def offset_minutes(moment: datetime) -> int:
    return int((moment.utcoffset() or timedelta()).total_seconds() // 60)


def zone_label(minutes: int) -> str:
    """120 -> 'UTC+02:00', -330 -> 'UTC−05:30' (a real minus sign, as clocks print it)."""
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def clock_text(moment: datetime) -> str:
    return f"{moment:%H:%M}"
