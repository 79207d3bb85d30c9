"""Small date rules for applications (the input checks live in their shapes, models/application.py)."""

from __future__ import annotations

import calendar
from datetime import date

from services.dates import absolute_day
from services.errors import ValidationError

REAPPLY_MONTHS = 3  # "three months": the one definition, used by every screen


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (30 Nov + 3 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reapply_date(after: date, months: int = REAPPLY_MONTHS) -> date:
    """When applying to the same company again makes sense: `months` (three by default) after a no."""
    return add_months(after, months)


def check_change_day(on: date, *, applied_on: date, today: date) -> None:
    if on > today:
        raise ValidationError.single("on", "That date is in the future. Pick today or an earlier day.")
    if on < applied_on:
        raise ValidationError.single("on", f"That is before you applied ({absolute_day(applied_on)}).")
