"""The Mood screen: quick check-in, month calendar, trend and insights.

The check-in, calendar and trend read a month at most and come first; the insights
read the whole history, so they are filled in from an effect once the screen is up.
"""

from __future__ import annotations

import asyncio
import logging

import flet as ft

from views.common.guard import use_advance
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

    once = use_advance(version)  # one entry per tap, even a double one

    def pick(mood: int) -> None:
        if once.claim() and not quick_log(services, page, mood, after=lambda: set_version(lambda v: v + 1)):
            once.release()

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
            MoodInsights(version),
        ],
        actions=[
            ft.FilledButton("New entry", icon=ft.Icons.ADD, on_click=lambda: page.navigate("/mood/new")),
        ],
    )


LOOKING = "Looking at your patterns…"
UNAVAILABLE = object()
UNAVAILABLE_TEXT = "We couldn't work out your patterns just now. Your entries are safe; try again later."


@ft.component
def MoodInsights(version: int):
    """The two insight cards ("What goes with better days", "Bouncing back"), read
    off the event loop after the first paint and again after each quick log (the old
    ones stay up meanwhile)."""
    services = use_services()
    found, set_found = ft.use_state(None)  # (self-care comparisons, applications comparison, bounce-backs)

    async def load():
        insights = services.mood_insights

        def read():
            return (
                insights.self_care_comparisons(days=365),
                insights.applications_comparison(days=365),
                insights.bounce_backs(),
            )

        try:
            set_found(await asyncio.to_thread(read))
        except Exception:  # the calendar above still works; say so instead of waiting forever
            logging.getLogger(__name__).exception("mood insights failed")
            set_found(UNAVAILABLE)

    ft.use_effect(load, [version])

    if found is UNAVAILABLE:
        with_without, bounce = (
            ft.Text(UNAVAILABLE_TEXT, key=f"unavailable-{part}", color=ft.Colors.ON_SURFACE_VARIANT)
            for part in ("with", "bounce")
        )
    elif found is None:
        with_without, bounce = (
            ft.Text(LOOKING, key=f"looking-{part}", color=ft.Colors.ON_SURFACE_VARIANT) for part in ("with", "bounce")
        )
    else:
        self_care, applications, report = found
        with_without, bounce = WithWithout(self_care, applications), BounceBacks(report)
    return ft.Column(
        [Section("What goes with better days", with_without), Section("Bouncing back", bounce)],
        spacing=16,  # as Screen's: the two cards sit like the ones above
        tight=True,
    )
