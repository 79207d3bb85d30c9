"""Dates and times as other apps write them.

Numeric dates are ambiguous (03/04/2024: 3 April or March 4?). The order is
decided for the whole column from the values that settle it (a first number
over 12 means day first); if none does, the person is asked.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
ORDERS = {DAY_FIRST: "Day first (31/12/2024)", MONTH_FIRST: "Month first (12/31/2024)"}

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[,t ].*)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)\.?[ ,-]*(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$")
_TRAILING_TIME = re.compile(r"(\d{4}),?\s+\d{1,2}[:.]\d{2}.*$")
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")


class BadDate(ValueError):
    pass


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _make(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise BadDate(f"{d:02d}/{m:02d}/{y} isn't a day in the calendar") from exc


def numeric_parts(text: str) -> tuple[int, int] | None:
    """The two leading numbers of a dd/mm/yyyy-like date (None for other shapes)."""
    match = _NUMERIC.match(text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def numeric_order(values: list[str]) -> str | None:
    """DAY_FIRST or MONTH_FIRST if some value settles it (and none contradicts), else None."""
    day_first = month_first = False
    for value in values:
        parts = numeric_parts(value)
        if parts:
            day_first |= parts[0] > 12
            month_first |= parts[1] > 12
    if day_first and not month_first:
        return DAY_FIRST
    if month_first and not day_first:
        return MONTH_FIRST
    return None


def needs_order(values: list[str]) -> bool:
    return any(numeric_parts(v) for v in values) and numeric_order(values) is None


def parse_date(text: str, *, order: str | None = None) -> date:
    """A date in a common format, or BadDate with a reason."""
    value = " ".join(text.strip().lower().split())
    value = _WEEKDAY.sub("", value)
    if not value:
        raise BadDate("it is empty")
    if match := _ISO.match(value):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _NUMERIC.match(value):
        a, b, y = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        chosen = order or (DAY_FIRST if a > 12 else MONTH_FIRST if b > 12 else None)
        if chosen is None:
            raise BadDate("we can't tell the day from the month; choose the date order")
        return _make(y, b, a) if chosen == DAY_FIRST else _make(y, a, b)
    value = _TRAILING_TIME.sub(r"\1", value)  # "15 Mar 2024, 10:31" -> "15 Mar 2024"
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := pattern.match(value.strip()):
            month = _MONTHS.get(match.group(month_group))
            if month:
                return _make(int(match.group(3)), month, int(match.group(day_group)))
    raise BadDate("we couldn't read it as a date (2024-03-15, 15/03/2024 or 15 Mar 2024 all work)")


def parse_time(text: str) -> time:
    """'8:30 PM', '08:30 pm', '20:30', '20:30:15', '8 p.m.'"""
    match = _TIME.match(" ".join(text.strip().lower().split()))
    if not match:
        raise BadDate("we couldn't read it as a time (like 8:30 PM or 20:30)")
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    half = (match.group(4) or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise BadDate(f"{hour} isn't an hour on a 12-hour clock")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BadDate("that isn't a time of day")
    return time(hour, minute, second)


def parse_stamp(text: str) -> datetime:
    """Our own export's 'YYYY-MM-DD HH:MM:SS[.ffffff]' (as SQLite holds it)."""
    return datetime.fromisoformat(text)
