"""The mood trend over 30, 90 or 365 days (weekly averages for the year)."""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft
import flet_charts as fch

from services.mood import DaySummary

RANGES = {"30": 30, "90": 90, "365": 365}
STEPS = {30: 7, 90: 30, 365: 91}  # days between date labels


def points_for(summaries: list[DaySummary], start: date, days: int) -> list[tuple[int, float]]:
    """(x, y) pairs: x counts days from start; a year is shown as weekly averages."""
    if days <= 90:
        return [((s.day - start).days, round(s.average, 2)) for s in summaries]
    weeks: dict[int, list[float]] = {}
    for s in summaries:
        weeks.setdefault((s.day - start).days // 7, []).append(s.average)
    return [(w * 7 + 3, round(sum(v) / len(v), 2)) for w, v in sorted(weeks.items())]


def _bottom_labels(start: date, days: int) -> list[fch.ChartAxisLabel]:
    step = STEPS[days]
    labels = []
    for x in range(0, days, step):
        d = start + timedelta(days=x)
        labels.append(fch.ChartAxisLabel(value=x, label=ft.Text(f"{d.day} {d:%b}", size=10)))
    return labels


@ft.component
def MoodTrend(summaries_for, today: date, version: int = 0):
    """`summaries_for(start, end)` reads day summaries; only the chosen range is read."""
    chosen, set_chosen = ft.use_state("30")
    days = RANGES[chosen]
    start = today - timedelta(days=days - 1)
    points = ft.use_memo(lambda: points_for(summaries_for(start, today), start, days), [chosen, today, version])

    picker = ft.SegmentedButton(
        key="trend-range",
        segments=[ft.Segment(value=k, label=f"{k} days") for k in RANGES],
        selected=[chosen],
        show_selected_icon=False,
        on_change=lambda e: set_chosen(e.control.selected[0]),
    )
    if len(points) < 2:
        body: ft.Control = ft.Text(
            "Log your mood on a couple of days and your trend line will appear here.",
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    else:
        average = sum(y for _, y in points) / len(points)
        body = ft.Column(
            [
                ft.Container(
                    content=fch.LineChart(
                        key=f"trend-{chosen}",
                        data_series=[
                            fch.LineChartData(
                                points=[fch.LineChartDataPoint(x, y, tooltip=f"{y:.1f}") for x, y in points],
                                color=ft.Colors.PRIMARY,
                                stroke_width=3,
                                curved=True,
                                prevent_curve_over_shooting=True,
                                point=len(points) <= 40,
                                below_line_bgcolor=ft.Colors.with_opacity(0.12, ft.Colors.PRIMARY),
                            )
                        ],
                        min_x=0,
                        max_x=days - 1,
                        min_y=1,
                        max_y=5,
                        left_axis=fch.ChartAxis(
                            labels=[fch.ChartAxisLabel(value=v, label=ft.Text(str(v), size=11)) for v in range(1, 6)],
                            label_size=24,
                            label_spacing=1,
                        ),
                        bottom_axis=fch.ChartAxis(
                            labels=_bottom_labels(start, days), label_size=28, label_spacing=STEPS[days]
                        ),
                        horizontal_grid_lines=fch.ChartGridLines(
                            interval=1, color=ft.Colors.with_opacity(0.15, ft.Colors.ON_SURFACE), width=1
                        ),
                        interactive=True,
                    ),
                    height=200,
                    padding=ft.Padding.only(right=12, top=8),
                ),
                ft.Text(
                    f"Average over these {days} days: {average:.1f} out of 5, across {len(points)} "
                    + ("weeks" if days > 90 else "days")
                    + " with entries.",
                    size=12,
                    color=ft.Colors.ON_SURFACE_VARIANT,
                ),
            ],
            tight=True,
            spacing=8,
        )
    return ft.Column([picker, body], spacing=12, tight=True)
