"""How a day reads anywhere in the app: near days in words, every other day one way.

"today", "yesterday", "tomorrow", a weekday name within the week either side
("Monday": "since Monday", "from Monday"), and "2 Dec 2026" for the rest, the
year always shown so a date never needs a second look.
"""

from __future__ import annotations

from datetime import date

NEAR_DAYS = 6  # a weekday name is clear up to six days away; a seventh would repeat today's


def absolute_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def day_text(day: date | None, today: date | None = None) -> str:
    """The day as a noun: "today", "Monday", "2 Dec 2026" (fits "since ...", "from ...", a list); "" for none."""
    if day is None:
        return ""
    if today is not None:
        delta = (day - today).days
        if delta == 0:
            return "today"
        if delta == -1:
            return "yesterday"
        if delta == 1:
            return "tomorrow"
        if abs(delta) <= NEAR_DAYS:
            return f"{day:%A}"
    return absolute_day(day)


def on_day(day: date | None, today: date | None = None) -> str:
    """The day as "when": "today", "on Monday", "on 2 Dec 2026" (fits "You asked ...")."""
    text = day_text(day, today)
    return text if text in ("", "today", "yesterday", "tomorrow") else f"on {text}"


def capitalised(text: str) -> str:
    """For a day standing alone (a list line, a label): "Today", "Yesterday"."""
    return text[:1].upper() + text[1:]
