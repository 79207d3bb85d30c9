import flet as ft

from views.common.layout import EmptyState, Screen


@ft.component
def MoodScreen():
    return Screen(
        "Mood",
        [EmptyState(ft.Icons.FAVORITE_BORDER, "How are you doing?", "The moods you log will show here as a calendar of days.")],
    )
