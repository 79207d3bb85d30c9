import flet as ft

from views.common.layout import EmptyState, Screen


@ft.component
def PracticeScreen():
    return Screen(
        "Practice",
        [EmptyState(ft.Icons.STYLE_OUTLINED, "Your practice deck", "Interview questions to rehearse will appear here.")],
    )
