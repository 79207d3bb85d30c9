"""Date pickers: what one sends and what comes back, as the user's local day.

Flet sends a `date` as a plain "2026-03-04" (a naive datetime would be read in
the server's zone and shifted to UTC), and the picked value comes back as a
datetime: naive (the browser's wall clock) or aware. An aware value is turned
into a day in the app clock's zone, the same zone every "today" in the app
uses, never the server's (`astimezone()` with no argument) and never UTC's
(`value.date()` on an aware value): either is a day off somewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import flet as ft

from services.clock import Clock


def picked_day(value: date | datetime | str | None, clock: Clock) -> date | None:
    """A DatePicker's value as the user's local calendar day."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(clock.now().tzinfo)
        return value.date()
    return value


def DayPicker(
    *, clock: Clock, value: date | None, first: date, last: date, on_pick: Callable[[date], None],
    help_text: str | None = None,
) -> ft.DatePicker:
    """A calendar dialog (show it with page.show_dialog) that hands back a local day."""

    def changed(e) -> None:
        day = picked_day(e.control.value, clock)
        if day is not None:
            on_pick(day)

    start = min(max(value or last, first), last)
    return ft.DatePicker(
        value=start, first_date=first, last_date=last, current_date=clock.today(), help_text=help_text,
        on_change=changed,
    )
