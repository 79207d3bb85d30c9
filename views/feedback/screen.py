import flet as ft

from views.common.layout import EmptyState, Screen


@ft.component
def FeedbackScreen():
    return Screen(
        "Feedback",
        [EmptyState(ft.Icons.FORUM_OUTLINED, "Nothing to learn from yet", "Feedback you ask for and receive will be gathered here.")],
    )
