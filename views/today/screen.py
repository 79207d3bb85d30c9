"""Today: the count and quick log, goals and consistency, mood, what needs attention, small wins."""

from __future__ import annotations

import flet as ft

from views.common.layout import Screen
from views.context import use_services
from views.today.attention import AttentionSection
from views.today.counter import CounterCard
from views.today.goals import GoalsCard
from views.today.mood_checkin import MoodCheckIn
from views.today.wins import ReframeCard, WinsSection


@ft.component
def TodayScreen():
    services = use_services()
    version, set_version = ft.use_state(0)

    def refresh() -> None:
        set_version(lambda v: v + 1)

    # A handful of indexed queries; re-read whenever something on Today changes.
    progress = ft.use_memo(services.goals.progress, [version])
    rejection = ft.use_memo(lambda: services.applications.recent_rejection(), [version])

    top = ft.ResponsiveRow(
        [
            ft.Container(content=CounterCard(progress, refresh), col={"xs": 12, "md": 6}),
            ft.Container(content=GoalsCard(progress), col={"xs": 12, "md": 6}),
        ],
        spacing=16,
        run_spacing=16,
    )
    controls: list[ft.Control] = [top]
    if rejection is not None:
        controls.append(ReframeCard(rejection))
    controls += [MoodCheckIn(), AttentionSection(version), WinsSection(version, refresh)]
    return Screen("Today", controls)
