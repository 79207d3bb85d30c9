"""Today: the count and quick log, goals and consistency, mood, what needs attention, small wins.

After a "no" the care card comes first; on the day it arrives the goal steps back.
"""

from __future__ import annotations

from datetime import date

import flet as ft

from views.common.layout import Screen
from views.context import use_services
from views.day import use_today
from views.interviews.today import InterviewsToday
from views.today.attention import AttentionSection
from views.today.counter import CounterCard
from views.today.goals import GoalsCard
from views.today.mood_checkin import MoodCheckIn
from views.today.wins import ReframeCard, WinsSection

# Sections that a +1 does not change: re-rendered only when their own arguments
# (or their own state) change, so the quick log's round trip stays small.
MemoMoodCheckIn = ft.memo(MoodCheckIn)
MemoAttentionSection = ft.memo(AttentionSection)
MemoWinsSection = ft.memo(WinsSection)
MemoReframeCard = ft.memo(ReframeCard)
MemoInterviewsToday = ft.memo(InterviewsToday)


def read_stamp(version: int, today: date) -> int:
    """One number that changes when something changed or the day did (the memo'd sections' argument)."""
    return today.toordinal() * 1_000_000 + version


@ft.component
def TodayScreen():
    services = use_services()
    today = use_today(services.clock)  # a new day re-reads everything
    # `version`: something that may touch any section changed (a win added): re-read everything.
    # `logged`: the quick log changed (+1, several, Undo): re-read only the count and goals.
    version, set_version = ft.use_state(0)
    logged, set_logged = ft.use_state(0)

    refresh = ft.use_callback(lambda: set_version(lambda v: v + 1), [])
    on_logged = ft.use_callback(lambda: set_logged(lambda n: n + 1), [])

    # A handful of indexed queries.
    progress = ft.use_memo(services.goals.progress, [version, logged, today])
    rejection = ft.use_memo(lambda: services.applications.queries.recent_rejection(), [version, today])
    stamp = read_stamp(version, today)

    top = ft.ResponsiveRow(
        [
            ft.Container(content=CounterCard(progress, on_logged), col={"xs": 12, "md": 6}),
            ft.Container(content=GoalsCard(progress), col={"xs": 12, "md": 6}),
        ],
        spacing=16,
        run_spacing=16,
    )
    controls: list[ft.Control] = []
    if rejection is not None:
        controls.append(MemoReframeCard(rejection, progress.care_day))  # care first, then the numbers
    controls += [top, MemoInterviewsToday(stamp), MemoMoodCheckIn(), MemoAttentionSection(stamp),
                 MemoWinsSection(stamp, refresh)]
    return Screen("Today", controls)
