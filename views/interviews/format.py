"""How interviews read on screen: when, how long, with whom; shared by every interview view."""

from __future__ import annotations

from datetime import date

import flet as ft

from services.dates import on_day
from services.interviews import FORMATS, InterviewInfo

ROUND_ICONS = {
    "recruiter": ft.Icons.PHONE_IN_TALK_OUTLINED,
    "phone_screen": ft.Icons.PHONE_OUTLINED,
    "technical": ft.Icons.CODE,
    "take_home": ft.Icons.ASSIGNMENT_OUTLINED,
    "panel": ft.Icons.GROUPS_OUTLINED,
    "final": ft.Icons.FLAG_OUTLINED,
    "other": ft.Icons.EVENT_OUTLINED,
}
FORMAT_ICONS = {"video": ft.Icons.VIDEOCAM_OUTLINED, "phone": ft.Icons.PHONE_OUTLINED,
                "in_person": ft.Icons.PLACE_OUTLINED}


def when_text(i: InterviewInfo, today: date) -> str:
    """'Tomorrow, Thursday 5 Mar, 14:00–15:00'; 'Saturday 7 Mar, 14:00–15:00' further on."""
    day = i.starts.date()
    prefix = {0: "Today, ", 1: "Tomorrow, ", -1: "Yesterday, "}.get((day - today).days, "")
    year = f" {day.year}" if day.year != today.year else ""
    return f"{prefix}{day:%A} {day.day} {day:%b}{year}, {i.starts:%H:%M}–{i.ends:%H:%M}"


def headline(i: InterviewInfo, today: date) -> str:
    """'Technical interview with Acme on Thursday' (Today's wording)."""
    return f"{i.title} {on_day(i.starts.date(), today)}"


def format_line(i: InterviewInfo) -> str:
    where = f" · {i.location}" if i.location else ""
    return f"{FORMATS.get(i.format, '')}{where}"


def people_line(i: InterviewInfo) -> str:
    return ", ".join(f"{n} ({r})" if r else n for n, r in i.people)


def RoundIcon(i: InterviewInfo, size: float = 22) -> ft.Control:
    return ft.Icon(ROUND_ICONS.get(i.round, ft.Icons.EVENT_OUTLINED), size=size,
                   color=ft.Colors.OUTLINE if i.cancelled else ft.Colors.PRIMARY)


def Muted(text: str, *, size: float = 13, key: str | None = None, selectable: bool = False) -> ft.Text:
    return ft.Text(text, color=ft.Colors.ON_SURFACE_VARIANT, size=size, key=key, selectable=selectable)


def Note(text: str, *, icon: ft.IconData = ft.Icons.INFO_OUTLINE, key: str | None = None) -> ft.Control:
    """A small tinted note (a time-zone change, an overlap): information, never alarm."""
    return ft.Container(
        key=key,
        content=ft.Row(
            [ft.Icon(icon, size=18, color=ft.Colors.ON_SECONDARY_CONTAINER),
             ft.Text(text, size=13, color=ft.Colors.ON_SECONDARY_CONTAINER, expand=True)],
            spacing=8, vertical_alignment=ft.CrossAxisAlignment.START,
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=10,
        padding=ft.Padding.symmetric(horizontal=12, vertical=8),
    )


def parse_id(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
