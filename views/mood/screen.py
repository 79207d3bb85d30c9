"""The Mood screen: quick check-in, month calendar, trend and insights."""

from __future__ import annotations

import flet as ft

from views.common.layout import Screen, Section
from views.context import use_services
from views.mood.calendar import MoodCalendar
from views.mood.faces import FacePicker, mood_label
from views.mood.insights import BounceBacks, WithWithout
from views.mood.quick import quick_log
from views.mood.trend import MoodTrend


@ft.component
def MoodScreen():
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    version, set_version = ft.use_state(0)  # bumped after a quick log: re-read what changed
    shown, set_shown = ft.use_state((today.year, today.month))
    year, month = shown

    summaries = ft.use_memo(lambda: services.mood.month(year=year, month=month), [year, month, version])
    today_summary = ft.use_memo(lambda: services.mood.summary_for(day=today), [today, version])
    self_care = ft.use_memo(lambda: services.mood_insights.self_care_comparisons(days=365), [version])
    applications = ft.use_memo(lambda: services.mood_insights.applications_comparison(days=365), [version])
    bounce = ft.use_memo(services.mood_insights.bounce_backs, [version])

    def pick(mood: int) -> None:
        quick_log(services, page, mood, after=lambda: set_version(lambda v: v + 1))

    if today_summary:
        n = today_summary.count
        status = (
            f"Today so far: {mood_label(today_summary.mood)} ({n} {'entry' if n == 1 else 'entries'}). "
            "Log again any time it shifts."
        )
    else:
        status = "One tap saves how you feel. You can add feelings and a note afterwards."

    return Screen(
        "Mood",
        [
            Section(
                "How are you right now?",
                ft.Column(
                    [
                        FacePicker(None, pick),
                        ft.Text(status, size=13, color=ft.Colors.ON_SURFACE_VARIANT),
                    ],
                    spacing=10,
                    tight=True,
                ),
            ),
            Section(
                "Your days",
                MoodCalendar(
                    year,
                    month,
                    summaries,
                    today,
                    on_month=lambda y, m: set_shown((y, m)),
                    on_pick=lambda d: page.navigate(f"/mood/day/{d.isoformat()}"),
                ),
                subtitle="Tap a day to see what you logged.",
            ),
            Section(
                "Trend",
                MoodTrend(lambda start, end: services.mood.day_summaries(start=start, end=end), today, version),
            ),
            Section("What goes with better days", WithWithout(self_care, applications)),
            Section("Bouncing back", BounceBacks(bounce)),
        ],
        actions=[
            ft.FilledButton("New entry", icon=ft.Icons.ADD, on_click=lambda: page.navigate("/mood/new")),
        ],
    )
