"""Today's interview card: rounds in the next two weeks, each with what to practise until then."""

from __future__ import annotations

import flet as ft

from views.common.layout import Section
from views.context import use_services
from views.interviews.format import Muted, RoundIcon, format_line, headline, when_text
from views.interviews.plan import PrepPlanView

SHOWN = 3  # more than this in two weeks: the rest are on their applications' pages


@ft.component
def InterviewsToday(stamp: int):
    services = use_services()
    page = ft.context.page
    today = services.clock.today()

    def load():
        coming = services.interviews.upcoming()[:SHOWN]
        plans = services.interviews.plans.plans(interview_ids=[i.id for i in coming])  # one read of the deck
        return [(i, plans[i.id]) for i in coming]

    coming = ft.use_memo(load, [stamp])  # the stamp changes with the day too
    if not coming:
        return ft.Container(visible=False)
    items: list[ft.Control] = []
    for i, plan in coming:
        items.append(
            ft.Container(
                key=f"today-interview-{i.id}",
                content=ft.Column(
                    [
                        ft.Row(
                            [RoundIcon(i),
                             ft.Text(headline(i, today), theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                                     weight=ft.FontWeight.W_600, expand=True, key=f"today-interview-title-{i.id}")],
                            vertical_alignment=ft.CrossAxisAlignment.START,
                        ),
                        Muted(f"{when_text(i, today)} · {format_line(i)}"),
                        *([Muted(i.zone_note)] if i.zone_note else []),
                        PrepPlanView(i, plan, today, compact=True),
                        ft.Row([ft.TextButton("Open the interview", icon=ft.Icons.CHEVRON_RIGHT,
                                              on_click=lambda _, i=i: page.navigate(f"/interviews/{i.id}"))]),
                    ],
                    spacing=8,
                    tight=True,
                ),
                bgcolor=ft.Colors.SURFACE_CONTAINER_LOW,
                border_radius=12,
                padding=12,
            )
        )
    return Section("Coming up", ft.Column(items, spacing=12, tight=True),
                   subtitle="A little each day is how answers get easy.")
