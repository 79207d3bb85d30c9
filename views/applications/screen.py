import flet as ft

from views.common.layout import EmptyState, Screen


@ft.component
def ApplicationsScreen():
    return Screen(
        "Applications",
        [EmptyState(ft.Icons.SEND_OUTLINED, "No applications yet", "Every application you send will be listed here, with its status.")],
    )
