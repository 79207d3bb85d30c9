"""Practice stats: today's numbers, retention, where the cards are, and reviews per day."""

from __future__ import annotations

import flet as ft
import flet_charts as fch

from views.common.layout import Section
from views.practice.common import Stretch


def _tile(value: str, label: str, key: str) -> ft.Control:
    return ft.Container(
        key=key,
        col={"xs": 6, "md": 3},
        content=ft.Column(
            [
                ft.Text(value, size=24, weight=ft.FontWeight.W_600),
                ft.Text(label, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ],
            spacing=2,
            tight=True,
        ),
        padding=12,
        border_radius=12,
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
    )


def ReviewsChart(per_day) -> ft.Control:
    top = max((n for _, n in per_day), default=0)
    step = max(1, -(-top // 4))  # whole-number gridlines, about four of them
    ceiling = step * 4
    groups = [
        fch.BarChartGroup(
            x=i,
            rods=[
                fch.BarChartRod(
                    from_y=0,
                    to_y=n,
                    width=12,
                    color=ft.Colors.PRIMARY,
                    border_radius=4,
                    tooltip=f"{day:%a} {day.day} {day:%b}: {n}",
                )
            ],
        )
        for i, (day, n) in enumerate(per_day)
    ]
    labels = [
        fch.ChartAxisLabel(value=i, label=ft.Text(f"{day.day}", size=10))
        for i, (day, _) in enumerate(per_day)
        if (len(per_day) - 1 - i) % 2 == 0  # every other day, counted back from today: never two side by side
    ]
    return fch.BarChart(
        groups=groups,
        max_y=ceiling,
        min_y=0,
        height=150,
        interactive=True,
        left_axis=fch.ChartAxis(
            labels=[
                fch.ChartAxisLabel(value=v, label=ft.Text(str(v), size=10)) for v in range(step, ceiling + 1, step)
            ],
            label_size=28,
            label_spacing=step,
        ),
        bottom_axis=fch.ChartAxis(labels=labels, label_size=20),
        horizontal_grid_lines=fch.ChartGridLines(interval=step, color=ft.Colors.OUTLINE_VARIANT, width=0.5),
        border=ft.Border.all(0, ft.Colors.TRANSPARENT),
    )


def StatsSection(stats) -> ft.Control:
    retention = "—" if stats.retention is None else f"{round(stats.retention * 100)}%"
    tiles = ft.ResponsiveRow(
        [
            _tile(str(stats.due_today), "due today", "stat-due"),
            _tile(str(stats.reviewed_today), "practised today", "stat-reviewed"),
            _tile(retention, "remembered, last 30 days", "stat-retention"),
            _tile(str(stats.well_known), "well known", "stat-known"),
        ],
        spacing=8,
        run_spacing=8,
    )
    states = f"{stats.new} new · {stats.practising} getting familiar · {stats.well_known} well known" + (
        f" · {stats.archived} archived" if stats.archived else ""
    )
    has_reviews = any(n for _, n in stats.reviews_per_day)
    chart = (
        ReviewsChart(stats.reviews_per_day)
        if has_reviews
        else ft.Text("Your practice days will show here as a small chart.", color=ft.Colors.ON_SURFACE_VARIANT)
    )
    return Section(
        "Your progress",
        Stretch(
            [
                tiles,
                ft.Text(states, size=13, color=ft.Colors.ON_SURFACE_VARIANT),
                ft.Text("Questions practised, last 14 days", size=13, weight=ft.FontWeight.W_500),
                chart,
            ],
            spacing=12,
        ),
    )
