"""A month of days, each tinted by that day's mood with its face and number, never
colour alone. Only the shown month is read from the database."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

import flet as ft

from services.mood import DaySummary
from views.common.named import NamedIconButton, Pressable
from views.mood.faces import FACE_ICONS, MOOD_COLORS, ON_MOOD_COLOR, mood_label

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL_HEIGHT = 52


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _cell(day: date, summary: DaySummary | None, today: date, on_pick: Callable[[date], None]) -> ft.Control:
    is_today = day == today
    number = ft.Text(
        str(day.day),
        size=13,
        weight=ft.FontWeight.W_700 if is_today else ft.FontWeight.W_500,
        # Days to come are told apart by their empty, outlined cell, not by faint text
        # (OUTLINE text fell below 4.5:1, worst in dark mode).
        color=ON_MOOD_COLOR if summary else (ft.Colors.ON_SURFACE if day <= today else ft.Colors.ON_SURFACE_VARIANT),
    )
    inside: list[ft.Control] = [number]
    if summary:
        inside.append(ft.Icon(FACE_ICONS[summary.mood], size=18, color=ON_MOOD_COLOR))
        label = f"{day:%A} {day.day} {day:%B}: {mood_label(summary.mood)}, {summary.count} " + (
            "entry" if summary.count == 1 else "entries"
        )
    else:
        label = f"{day:%A} {day.day} {day:%B}: nothing logged"
    return Pressable(
        label,
        ft.Column(
            inside,
            spacing=0,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            alignment=ft.MainAxisAlignment.CENTER,
        ),
        lambda: on_pick(day),
        key=f"day-{day.isoformat()}",
        expand=True,
        height=CELL_HEIGHT,
        bgcolor=MOOD_COLORS[summary.mood] if summary else (ft.Colors.SURFACE_CONTAINER_HIGHEST if day <= today else None),
        border_radius=10,
        border=ft.Border.all(2, ft.Colors.PRIMARY) if is_today else (None if day <= today else ft.Border.all(1, ft.Colors.OUTLINE_VARIANT)),
        alignment=ft.Alignment.CENTER,
    )


def _blank() -> ft.Control:
    return ft.Container(height=CELL_HEIGHT, expand=True)


def MonthGrid(
    year: int, month: int, summaries: dict[date, DaySummary], today: date, on_pick: Callable[[date], None]
) -> ft.Control:
    rows: list[ft.Control] = [
        ft.Row(
            [
                ft.Text(w, size=12, color=ft.Colors.ON_SURFACE_VARIANT, text_align=ft.TextAlign.CENTER, expand=True)
                for w in WEEKDAYS
            ],
            spacing=4,
        )
    ]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        rows.append(
            ft.Row(
                [_cell(d, summaries.get(d), today, on_pick) if d.month == month else _blank() for d in week],
                spacing=4,
            )
        )
    return ft.Column(rows, spacing=4, tight=True)


def Legend() -> ft.Control:
    return ft.Row(
        [
            ft.Row(
                [
                    ft.Container(
                        content=ft.Icon(FACE_ICONS[m], size=14, color=ON_MOOD_COLOR),
                        bgcolor=MOOD_COLORS[m],
                        border_radius=8,
                        padding=2,
                    ),
                    ft.Text(mood_label(m), size=12),
                ],
                spacing=4,
                tight=True,
            )
            for m in range(1, 6)
        ],
        wrap=True,
        spacing=10,
        run_spacing=4,
    )


@ft.component
def MoodCalendar(
    year: int,
    month: int,
    summaries: dict[date, DaySummary],
    today: date,
    on_month: Callable[[int, int], None],
    on_pick: Callable[[date], None],
):
    def nav(icon, label: str, by: int, disabled: bool = False) -> ft.Control:
        target = shift_month(year, month, by)
        return NamedIconButton(label, icon, lambda: on_month(*target), disabled=disabled)

    is_current = (year, month) == (today.year, today.month)
    return ft.Column(
        [
            ft.Row(
                [
                    nav(ft.Icons.CHEVRON_LEFT, "Previous month", -1),
                    ft.Text(
                        f"{calendar.month_name[month]} {year}",
                        weight=ft.FontWeight.W_600,
                        size=16,
                        text_align=ft.TextAlign.CENTER,
                        expand=True,
                    ),
                    nav(ft.Icons.CHEVRON_RIGHT, "Next month", 1, disabled=is_current),
                ],
            ),
            MonthGrid(year, month, summaries, today, on_pick),
            Legend(),
        ],
        spacing=8,
        tight=True,
    )
