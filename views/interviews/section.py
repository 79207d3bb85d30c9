"""An application's interviews, on its page: each round, and the way to schedule the next."""

from __future__ import annotations

import flet as ft

from views.common.layout import Section
from views.context import use_services
from views.interviews.format import Muted, RoundIcon, when_text


@ft.component
def ApplicationInterviews(application_id: int, version: int = 0):
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    rounds = ft.use_memo(lambda: services.interviews.for_application(application_id=application_id),
                         [application_id, version])
    now = services.clock.now()
    rows: list[ft.Control] = []
    for i in rounds:
        state = "cancelled" if i.cancelled else ("done" if i.ends <= now else "coming up")
        rows.append(ft.ListTile(
            key=f"round-{i.id}",
            leading=RoundIcon(i),
            title=ft.Text(i.round_label, style=ft.TextStyle(decoration=ft.TextDecoration.LINE_THROUGH)
                          if i.cancelled else None),
            subtitle=ft.Text(f"{when_text(i, today)} · {state}"),
            on_click=lambda _, i=i: page.navigate(f"/interviews/{i.id}"),
            content_padding=ft.Padding.symmetric(horizontal=4),
        ))
    body = ft.Column(
        [
            *(rows or [Muted("No rounds yet. When you're invited, add it here: we'll plan your practice up to the day.")]),
            ft.Row([ft.FilledButton("Schedule an interview", icon=ft.Icons.EVENT, key="schedule-interview",
                                    on_click=lambda: page.navigate(f"/applications/{application_id}/interviews/new"))]),
        ],
        spacing=4,
        tight=True,
    )
    return Section("Interviews", body)
