import flet as ft


@ft.component
def MoodCheckIn():
    """Replaced by the mood feature: five faces for a quick check-in."""
    return ft.Container()
