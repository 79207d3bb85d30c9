"""Today's quick mood check-in: five faces; one tap saves, details only if asked."""

from __future__ import annotations

import flet as ft

from views.common.guard import use_advance
from views.common.layout import Section
from views.context import use_services
from views.mood.faces import FacePicker, mood_label
from views.mood.quick import quick_log


@ft.component
def MoodCheckIn():
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    version, set_version = ft.use_state(0)
    summary = ft.use_memo(lambda: services.mood.summary_for(day=today), [today, version])
    once = use_advance(version)  # one entry per tap, even a double one

    def pick(mood: int) -> None:
        if once.claim() and not quick_log(services, page, mood, after=lambda: set_version(lambda v: v + 1)):
            once.release()

    if summary:
        status = f"Checked in today: {mood_label(summary.mood)}. Tap again if it changes."
    else:
        status = "Tap a face to check in. Nothing more needed."
    return Section(
        "How are you feeling?",
        ft.Column(
            [
                FacePicker(summary.mood if summary else None, pick),
                ft.Row(
                    [
                        ft.Text(status, size=13, color=ft.Colors.ON_SURFACE_VARIANT, expand=True),
                        ft.TextButton(
                            "Full entry", icon=ft.Icons.EDIT_NOTE, on_click=lambda: page.navigate("/mood/new")
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.CENTER,
                ),
            ],
            spacing=8,
            tight=True,
        ),
    )
