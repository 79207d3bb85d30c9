import flet as ft

from views.common.layout import EmptyState, Screen


@ft.component
def TodayScreen():
    return Screen(
        "Today",
        [
            EmptyState(
                ft.Icons.WB_SUNNY_OUTLINED,
                "A small step counts",
                "Your applications for today, your goals and a quick mood check-in will appear here.",
            )
        ],
    )
