"""Charts and patterns: applications per day or week against the goal; where replies come from."""

from __future__ import annotations

from datetime import timedelta

import flet as ft
import flet_charts as fch

from services.applications import DIMENSIONS, MIN_GROUP, week_start
from views.applications.detail import BackLink
from views.common.groups import GroupList
from views.common.layout import Screen, Section
from views.common.named import NamedDropdown
from views.context import use_services, use_viewport
from views.interviews.funnel import FunnelSection

DAYS_SHOWN, WEEKS_SHOWN = 14, 12


def _chart(points: list[tuple[str, int, int]], narrow: bool) -> ft.Control:
    """Bars for what was sent; the shaded column behind each bar reaches that period's goal."""
    top = max([n for _, n, _ in points] + [g for _, _, g in points] + [1])
    every = 2 if narrow and len(points) > 8 else 1
    return fch.BarChart(
        groups=[
            fch.BarChartGroup(
                x=i,
                rods=[
                    fch.BarChartRod(
                        to_y=n, width=10 if narrow else 16, color=ft.Colors.PRIMARY, border_radius=3,
                        bg_to_y=goal, bgcolor=ft.Colors.with_opacity(0.18, ft.Colors.PRIMARY),
                        tooltip=f"{label}: {n} of {goal}",
                    )
                ],
            )
            for i, (label, n, goal) in enumerate(points)
        ],
        bottom_axis=fch.ChartAxis(
            labels=[
                fch.ChartAxisLabel(value=i, label=ft.Text(label, size=10))
                for i, (label, _, _) in enumerate(points) if i % every == 0
            ],
            label_size=28,
        ),
        left_axis=fch.ChartAxis(label_size=32),
        horizontal_grid_lines=fch.ChartGridLines(interval=max(1, round(top / 4)), color=ft.Colors.OUTLINE_VARIANT, width=0.5),
        max_y=top + max(1, top // 10),
        height=220,
        interactive=True,
    )


def _percent(rate: float) -> str:
    return f"{round(rate * 100)}%"


def _pattern_figures(r) -> str:
    if r.too_small:
        return f"{r.applications} sent · too few to tell"
    return (f"{r.applications} sent · {_percent(r.response_rate)} replied ({r.responses}) · "
            f"{_percent(r.interview_rate)} interviewed ({r.interviews})")


def PatternsTable(rows, narrow: bool) -> ft.Control:
    if not rows:
        return ft.Text("Patterns appear once you've logged a few applications with details.", color=ft.Colors.ON_SURFACE_VARIANT)
    if narrow:
        return GroupList([(r.group, _pattern_figures(r)) for r in rows], key="pattern")
    table = ft.DataTable(
        columns=[
            ft.DataColumn(ft.Text("Group")),
            ft.DataColumn(ft.Text("Sent"), numeric=True),
            ft.DataColumn(ft.Text("Replies"), numeric=True),
            ft.DataColumn(ft.Text("Interviews"), numeric=True),
        ],
        rows=[
            ft.DataRow(
                cells=[
                    ft.DataCell(ft.Text(r.group, max_lines=2, width=160)),
                    ft.DataCell(ft.Text(str(r.applications))),
                    ft.DataCell(ft.Text("too few to tell" if r.too_small else f"{_percent(r.response_rate)} ({r.responses})",
                                        color=ft.Colors.ON_SURFACE_VARIANT if r.too_small else None)),
                    ft.DataCell(ft.Text("—" if r.too_small else f"{_percent(r.interview_rate)} ({r.interviews})",
                                        color=ft.Colors.ON_SURFACE_VARIANT if r.too_small else None)),
                ]
            )
            for r in rows
        ],
        column_spacing=20,
        horizontal_margin=8,
    )
    return ft.Row([table], scroll=ft.ScrollMode.AUTO)


@ft.component
def InsightsScreen():
    services = use_services()
    narrow = use_viewport().narrow
    today = services.clock.today()
    by, set_by = ft.use_state("day")
    dimension, set_dimension = ft.use_state("source")

    def points():
        if by == "day":
            start = today - timedelta(days=DAYS_SHOWN - 1)
            counts = services.goals.counts_by_day(start=start, end=today)
            out = []
            for i in range(DAYS_SHOWN):
                day = start + timedelta(days=i)
                goals = services.goals.goal_on(day=day)
                goal = 0 if day.weekday() in goals.rest_weekdays else goals.daily_target
                out.append((f"{day:%a}"[:2] + f" {day.day}" if not narrow else str(day.day), counts.get(day, 0), goal))
            return out
        first = week_start(today) - timedelta(weeks=WEEKS_SHOWN - 1)
        counts = services.goals.counts_by_week(start=first, end=today)
        return [
            (f"{(first + timedelta(weeks=i)):%d %b}" if not narrow else f"{(first + timedelta(weeks=i)).day}/{(first + timedelta(weeks=i)).month}",
             counts.get(first + timedelta(weeks=i), 0),
             services.goals.goal_on(day=first + timedelta(weeks=i)).weekly_target)
            for i in range(WEEKS_SHOWN)
        ]

    data = ft.use_memo(points, [by, narrow])
    rows = ft.use_memo(lambda: services.patterns.patterns(dimension=dimension), [dimension])
    sent = sum(n for _, n, _ in data)
    span = f"the last {DAYS_SHOWN} days" if by == "day" else f"the last {WEEKS_SHOWN} weeks"

    return Screen(
        "Charts and patterns",
        [
            BackLink(),
            Section(
                "Applications sent",
                ft.Column(
                    [
                        ft.SegmentedButton(
                            selected=[by],
                            segments=[ft.Segment(value="day", label=ft.Text("Per day")),
                                      ft.Segment(value="week", label=ft.Text("Per week"))],
                            on_change=lambda e: set_by((e.control.selected or ["day"])[0]),
                        ),
                        _chart(data, narrow),
                        ft.Text(f"{sent} sent in {span}. The shaded column behind each bar is your goal for that "
                                f"{'day (none on rest days)' if by == 'day' else 'week'}.",
                                size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                    ],
                    spacing=12, tight=True,
                ),
            ),
            Section(
                "Where replies come from",
                ft.Column(
                    [
                        NamedDropdown(
                            label="Group by", value=dimension, width=220,
                            options=[ft.DropdownOption(key=k, text=label) for k, (label, _) in DIMENSIONS.items()],
                            on_select=lambda e: set_dimension(e.control.value or "source"),
                        ),
                        PatternsTable(rows, narrow),
                    ],
                    spacing=12, tight=True,
                ),
                subtitle=f"Any answer counts as a reply, a “no” included. Groups under {MIN_GROUP} applications are "
                "too small to read much into.",
            ),
            FunnelSection(),
        ],
    )
