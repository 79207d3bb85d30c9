"""Insights in plain words: what tends to go with better days, and bouncing back."""

from __future__ import annotations

import flet as ft
import flet_charts as fch

from services.dates import absolute_day
from services.mood import MIN_DAYS_EACH_SIDE, SHOWN_BARS, SHOWN_ITEMS, BounceBack, BounceBackReport, Comparison

MAX_SHOWN = 5

TREND_WORDS = {
    "shorter": "Lately you've been finding your feet sooner than before.",
    "longer": "Lately it has taken a little longer to feel like yourself again. That's allowed; "
    "go gently, and lean on what helps.",
    "steady": "Your bounce-back time has been fairly steady.",
}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def comparison_line(c: Comparison, what: str) -> str:
    return (
        f"On days {what}, your mood averaged {c.with_average:.1f}; on other days, {c.without_average:.1f} "
        f"({_days(c.with_days)} vs {_days(c.without_days)})."
    )


def _activity_phrase(name: str) -> str:
    return f'with "{name}"'


def _row(icon: ft.IconData, text: str, key: str) -> ft.Control:
    return ft.Row(
        [ft.Icon(icon, size=20, color=ft.Colors.PRIMARY), ft.Text(text, expand=True)],
        key=key,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def WithWithout(self_care: list[Comparison], applications: Comparison) -> ft.Control:
    lines: list[ft.Control] = []
    ready = [c for c in self_care if c.ready][:MAX_SHOWN]
    for c in ready:
        lines.append(_row(ft.Icons.SPA_OUTLINED, comparison_line(c, _activity_phrase(c.label)), f"cmp-{c.label}"))
    if applications.ready:
        lines.append(_row(ft.Icons.SEND_OUTLINED, comparison_line(applications, "you sent an application"), "cmp-apps"))
    if not lines:
        return ft.Text(
            f"Once you have at least {MIN_DAYS_EACH_SIDE} days with and {MIN_DAYS_EACH_SIDE} without something "
            "(a walk, say, or sending applications), you'll see how your mood compares here.",
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    waiting = [c.label for c in self_care if not c.ready]
    lines.append(
        ft.Text(
            "These are patterns in your own days, not proof that one thing causes another.",
            size=12,
            italic=True,
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    )
    if waiting:
        lines.append(
            ft.Text(
                "Not enough days yet to compare: " + ", ".join(waiting[:6]) + ("…" if len(waiting) > 6 else "") + ".",
                size=12,
                color=ft.Colors.ON_SURFACE_VARIANT,
            )
        )
    return ft.Column(lines, spacing=10, tight=True)


def bounce_line(b: BounceBack) -> str:
    when = absolute_day(b.rejected_on)
    if b.usual is None:
        return f"{b.label}, {when}: too few days logged before it to know your usual."
    if b.days is None:
        return f"{b.label}, {when}: still finding your feet. No rush."
    if b.days == 0:
        return f"{b.label}, {when}: back to your usual the same day."
    return f"{b.label}, {when}: back to your usual after {_days(b.days)}."


MAX_BARS = SHOWN_BARS


def BounceChart(known: tuple[BounceBack, ...] | list[BounceBack]) -> ft.Control:
    """Days to bounce back per rejection, oldest on the left: the trend at a glance."""
    shown = list(reversed(known[:MAX_BARS]))  # report lists newest first
    top = max(max(b.days for b in shown), 3)
    return ft.Container(
        key="bounce-chart",
        height=150,
        padding=ft.Padding.only(right=8, top=8),
        content=fch.BarChart(
            groups=[
                fch.BarChartGroup(
                    x=i,
                    rods=[
                        fch.BarChartRod(
                            to_y=max(b.days, 0.15),  # a sliver for "same day", so it still shows
                            width=14,
                            color=ft.Colors.PRIMARY,
                            border_radius=4,
                            tooltip=f"{b.rejected_on.day} {b.rejected_on:%b}: {_days(b.days)}",
                        )
                    ],
                )
                for i, b in enumerate(shown)
            ],
            min_y=0,
            max_y=top + 1,
            left_axis=fch.ChartAxis(label_size=28, label_spacing=max(1, (top + 1) // 4)),
            bottom_axis=fch.ChartAxis(
                labels=[
                    fch.ChartAxisLabel(value=i, label=ft.Text(f"{b.rejected_on:%b}", size=10))
                    for i, b in enumerate(shown)
                ],
                label_size=22,
            ),
            horizontal_grid_lines=fch.ChartGridLines(
                interval=max(1, (top + 1) // 4), color=ft.Colors.with_opacity(0.15, ft.Colors.ON_SURFACE), width=1
            ),
        ),
    )


def BounceBacks(report: BounceBackReport) -> ft.Control:
    if not (report.total or report.items):
        return ft.Text(
            "When a rejection comes in (from your applications, or a mood entry about one), you'll see here "
            "how many days it took to feel like yourself again.",
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    lines: list[ft.Control] = []
    if report.trend:
        lines.append(ft.Text(TREND_WORDS[report.trend], weight=ft.FontWeight.W_600))
    if report.known_count >= 2:
        avg = report.average_days
        lines.append(ft.Text(f"On average, about {_days(round(avg))} to get back to your usual mood.", size=13))
        lines.append(ft.Text("Days to bounce back, oldest to newest", size=12, color=ft.Colors.ON_SURFACE_VARIANT))
        lines.append(BounceChart(report.recent_known))
    for i, b in enumerate(report.items[:SHOWN_ITEMS]):
        lines.append(_row(ft.Icons.TRENDING_UP, bounce_line(b), f"bounce-{i}-{b.rejected_on}"))
    lines.append(
        ft.Text(
            "Your usual = the middle of your daily moods over the 30 days before.",
            size=12,
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    )
    return ft.Column(lines, spacing=10, tight=True)
