"""A date field that accepts typing (2026-03-04) or the calendar, validated on save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import flet as ft

from services.clock import Clock
from views.common.dates import DayPicker
from views.common.fields import TextInput
from views.common.named import NamedIconButton

FORMAT_HINT = "YYYY-MM-DD, e.g. 2026-03-04"


def parse_day(text: str | None) -> date | None:
    """The day typed, or None if empty; ValueError with a friendly message if unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("Write the date like 2026-03-04, or pick it from the calendar.")


def DateField(
    *, label: str, value: str, on_change: Callable[[str], None], clock: Clock, error: str | None = None,
    first: date, last: date, key: str | None = None, width: float | None = None, **extra,
) -> ft.Control:
    """`value` is the text as typed; the calendar button writes the picked day back as ISO text."""
    page = ft.context.page

    def pick(_=None):
        try:
            current = parse_day(value)
        except ValueError:
            current = None
        page.show_dialog(
            DayPicker(clock=clock, value=current, first=first, last=last, on_pick=lambda d: on_change(d.isoformat()))
        )

    return TextInput(
        key=key,
        label=label,
        value=value,
        hint_text=FORMAT_HINT,
        error=error,
        width=width,
        on_change=on_change,
        **extra,
        suffix=NamedIconButton(
            f"Pick {label.lower()} from a calendar", ft.Icons.CALENDAR_MONTH_OUTLINED, pick, icon_size=20,
            padding=ft.Padding.all(0), visual_density=ft.VisualDensity.COMPACT,
            size_constraints=ft.BoxConstraints(max_height=24, max_width=32),
        ),
    )
