"""Practice home: what's due today, a way in, the mock interview, the deck and progress."""

from __future__ import annotations

import flet as ft

from views.common.layout import Screen, Section
from views.context import use_services, use_viewport
from views.practice.common import Stretch
from views.practice.stats import StatsSection


def _go(route: str):
    return lambda: ft.context.page.navigate(route)


def DueHero(due: int, narrow: bool) -> ft.Control:
    if due:
        headline = "question is ready for practice today" if due == 1 else "questions are ready for practice today"
        text = "Answer each one out loud, then check your notes. Ten minutes is plenty."
    else:
        headline = "questions due. Nicely done."
        text = "Your answers are resting until their next turn. A mock interview is a good warm-up any day."
    number = ft.Text(str(due), size=56, weight=ft.FontWeight.W_700, color=ft.Colors.PRIMARY, key="due-count")
    words = ft.Column(
        [
            ft.Text(headline if due else f"No {headline}", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            ft.Text(text, color=ft.Colors.ON_SURFACE_VARIANT),
        ],
        spacing=4,
        tight=True,
        expand=True,
    )
    start = ft.FilledButton(
        "Start practice", icon=ft.Icons.PLAY_ARROW, on_click=_go("/practice/session"), disabled=not due, key="start"
    )
    mock = ft.OutlinedButton("Mock interview", icon=ft.Icons.RECORD_VOICE_OVER_OUTLINED, on_click=_go("/practice/mock"))
    top = ft.Row([number, words], spacing=16, vertical_alignment=ft.CrossAxisAlignment.CENTER)
    return ft.Card(
        content=ft.Container(
            content=ft.Column(
                [top, ft.Row([start, mock], wrap=True, spacing=12, run_spacing=8)], spacing=16, tight=True
            ),
            padding=20,
        ),
        margin=0,
    )


@ft.component
def PracticeScreen():
    services = use_services()
    practice = services.practice
    narrow = use_viewport().narrow
    stats = ft.use_state(practice.stats.summary)[0]  # the starter deck is added at start (views/app.py)
    cards = ft.use_state(practice.deck.card_count)[0]
    notice = practice.starter.notice

    controls: list[ft.Control] = []
    if notice:
        controls.append(
            ft.Container(
                key="starter-notice",
                content=ft.Row(
                    [
                        ft.Icon(ft.Icons.INFO_OUTLINE, color=ft.Colors.ON_TERTIARY_CONTAINER),
                        ft.Text(notice, expand=True, color=ft.Colors.ON_TERTIARY_CONTAINER),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                bgcolor=ft.Colors.TERTIARY_CONTAINER,
                padding=12,
                border_radius=12,
            )
        )
    controls.append(DueHero(stats.due_today, narrow))
    controls.append(
        Section(
            "Your questions",
            ft.Row(
                [
                    ft.OutlinedButton("Browse and edit", icon=ft.Icons.LIST_ALT, on_click=_go("/practice/cards")),
                    ft.TextButton("Add a question", icon=ft.Icons.ADD, on_click=_go("/practice/cards/new")),
                ],
                wrap=True,
                spacing=12,
            ),
            subtitle=f"{cards} question{'s' if cards != 1 else ''} in your deck, each with room for a STAR answer.",
        )
    )
    controls.append(StatsSection(stats))
    return Screen("Practice", [Stretch(controls)])
