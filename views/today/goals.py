"""Daily and weekly goal progress and the consistency score (a streak only if asked for)."""

from __future__ import annotations

import flet as ft

from services.applications import Progress
from views.common.layout import Section


def _bar(label: str, done: int, target: int, key: str) -> ft.Control:
    return ft.Column(
        [
            ft.Row(
                [ft.Text(label, expand=True), ft.Text(f"{done} of {target}", weight=ft.FontWeight.W_600, key=key)],
            ),
            ft.ProgressBar(value=min(done / target, 1.0) if target else 1.0, bar_height=8, border_radius=4),
        ],
        spacing=6,
        tight=True,
    )


def GoalsCard(progress: Progress) -> ft.Control:
    percent = round(progress.consistency * 100)
    ring = ft.Stack(
        [
            ft.ProgressRing(value=progress.consistency, stroke_width=7, width=64, height=64,
                            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST),
            ft.Container(
                content=ft.Text(f"{percent}%", weight=ft.FontWeight.W_600),
                width=64, height=64, alignment=ft.Alignment.CENTER,
            ),
        ],
        width=64,
        height=64,
    )
    about = ft.Column(
        [
            ft.Text("Consistency", weight=ft.FontWeight.W_600),
            ft.Text(
                "Grows with each applying day at your goal. Rest days, and a day that brings a no, never lower it.",
                size=12, color=ft.Colors.ON_SURFACE_VARIANT,
            ),
        ],
        spacing=2,
        tight=True,
        expand=True,
    )
    today = (
        ft.Text("Today: no goal. Look after yourself first.", key="goal-today")
        if progress.care_day
        else _bar("Today", progress.today, progress.daily_target, "goal-today")
    )
    rows: list[ft.Control] = [
        today,
        _bar("This week", progress.week, progress.weekly_target, "goal-week"),
        ft.Row([ring, about], spacing=16, vertical_alignment=ft.CrossAxisAlignment.CENTER),
    ]
    if progress.show_streak and progress.streak:
        days = "day" if progress.streak == 1 else "days"
        rows.append(ft.Text(f"{progress.streak} applying {days} in a row at your goal.", size=13))
    return Section(
        "Goals",
        ft.Column(rows, spacing=14, tight=True),
        subtitle="Rest day today: enjoy it." if progress.rest_day and not progress.care_day else None,
    )
