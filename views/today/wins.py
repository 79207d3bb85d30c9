"""Recent small wins (automatic and the user's own), and a gentle word after a rejection."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.applications import WIN_IDEAS
from services.dates import capitalised, day_text
from services.errors import ValidationError
from views.applications.format import snack
from views.common.fields import TextInput
from views.common.guard import use_advance
from views.common.layout import Section
from views.context import use_services
from views.theme import CARE_ACCENT, CARE_TINT

WIN_ICONS = {
    "heard_back": ft.Icons.MARK_EMAIL_READ,
    "interview": ft.Icons.GROUPS,
    "offer": ft.Icons.CELEBRATION,
    "asked_feedback": ft.Icons.FORUM_OUTLINED,
    "practised": ft.Icons.RECORD_VOICE_OVER_OUTLINED,
    "thank_you": ft.Icons.VOLUNTEER_ACTIVISM_OUTLINED,
}


@ft.component
def WinsSection(version: int, on_change: Callable[[], None]):
    services = use_services()
    adding, set_adding = ft.use_state(False)
    round_, set_round = ft.use_state(0)  # each opening of the dialog: one win at most
    once = use_advance(round_)
    error, set_error = ft.use_state(None)
    typed = ft.use_ref("")  # kept without re-rendering while typing
    today = services.clock.today()
    wins = services.wins.recent_wins(limit=5)
    this_week = services.wins.count_this_week()

    def save(title: str) -> None:
        if not once.claim():
            return
        try:
            services.wins.add_win(title=title)
        except ValidationError as exc:
            once.release()
            set_error(exc.errors.get("title"))
            return
        typed.current = ""
        set_error(None)
        set_adding(False)
        on_change()
        snack("Noted. Small wins add up.")

    def open_dialog() -> None:
        set_round(lambda r: r + 1)
        set_adding(True)

    def close() -> None:
        typed.current = ""
        set_error(None)
        set_adding(False)

    ft.use_dialog(
        ft.AlertDialog(
            title=ft.Text("Add a small win"),
            content=ft.Column(
                [
                    TextInput(
                        label="What went well?", autofocus=True, max_length=200, error=error,
                        on_change=lambda text: setattr(typed, "current", text),
                        on_submit=lambda e: save(e.control.value or ""),
                    ),
                    ft.Text("Or pick one:", size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                    ft.Row(
                        [ft.Chip(label=ft.Text(idea), on_click=lambda e, idea=idea: save(idea)) for idea in WIN_IDEAS],
                        wrap=True, spacing=6, run_spacing=6, width=320,
                    ),
                ],
                tight=True,
                spacing=10,
            ),
            actions=[
                ft.TextButton("Cancel", on_click=close),
                ft.FilledButton("Save", on_click=lambda: save(typed.current)),
            ],
            on_dismiss=close,
        )
        if adding
        else None
    )

    if wins:
        body: ft.Control = ft.Column(
            [
                ft.ListTile(
                    key=f"win-{w.id}",
                    leading=ft.Icon(WIN_ICONS.get(w.kind, ft.Icons.STAR_OUTLINE), color=ft.Colors.TERTIARY),
                    title=ft.Text(w.title),
                    subtitle=ft.Text(capitalised(day_text(w.won_on, today))),
                    content_padding=ft.Padding.only(left=4, right=4),
                )
                for w in wins
            ],
            spacing=0,
            tight=True,
        )
    else:
        body = ft.Row([ft.Text(  # a Row takes the card's full width
            "Asking for feedback, practising an answer, hearing back, a referral: they all count, "
            "and they'll show up here.",
            color=ft.Colors.ON_SURFACE_VARIANT, expand=True,
        )])
    return Section(
        "Small wins",
        ft.Column([body, ft.TextButton("Add a win", icon=ft.Icons.ADD, on_click=open_dialog)], spacing=4, tight=True),
        subtitle=(f"{this_week} this week" if this_week != 1 else "1 this week") if this_week else None,
    )


@ft.component  # a component so Today can ft.memo it: a +1 does not rebuild it
def ReframeCard(application, care_day: bool = False) -> ft.Control:
    """After a logged rejection: a few warm words and the way to the after-rejection steps.
    On the day itself it says the goal can wait (the goal cards drop it too)."""
    who = application.company or "that company"
    page = ft.context.page
    today_line = (
        [ft.Text("Today is for looking after yourself. Your goals will keep until tomorrow.", weight=ft.FontWeight.W_500)]
        if care_day
        else []
    )
    return ft.Card(
        semantic_container=False,  # keep buttons and fields inside separately addressable
        content=ft.Container(
            content=ft.Column(
                [
                    ft.Row(
                        [ft.Icon(ft.Icons.SPA_OUTLINED, color=CARE_ACCENT),
                         ft.Text("About that “no”", weight=ft.FontWeight.W_600, expand=True)],
                    ),
                    ft.Text(
                        f"Hearing no from {who} hurts, and it's fine that it does. Decisions like this often turn "
                        "on budget, timing or who is already on the team: things you can't see or steer. "
                        "It's one answer about one role, not a verdict on you."
                    ),
                    *today_line,
                    ft.TextButton(
                        "Take the next small step",
                        icon=ft.Icons.ARROW_FORWARD,
                        on_click=lambda: page.navigate(f"/feedback/after-rejection/{application.id}"),
                    ),
                ],
                spacing=8,
                tight=True,
            ),
            padding=16,
            bgcolor=CARE_TINT,
            border_radius=12,
        ),
        margin=0,
    )
