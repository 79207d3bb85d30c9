"""Today's count, big, with the one-tap quick log, a "several at once" path and Undo."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import flet as ft

from models.application import SOURCES
from services.applications import Progress
from views.applications.format import snack
from views.common.guard import use_advance
from views.common.named import NamedDropdown
from views.context import use_services, use_viewport
from views.keyboard import use_shortcut

SHORTCUT = "ctrl+enter"
SHORTCUT_HINT = "Ctrl+Enter"
SEVERAL = range(2, 11)
# The new count is sent first; the Undo snack bar follows a moment later, so the
# client draws the number before it builds and animates the snack bar.
SNACK_DELAY_S = 0.15


def goal_line(p: Progress) -> str:
    if p.care_day:
        return "No goal today: a no takes something out of you. Anything you send is a bonus."
    if p.rest_day:
        return "A rest day. Anything you send today is a bonus."
    if p.today >= p.daily_target:
        return "Today's goal is met. Anything more is a bonus."
    left = p.daily_target - p.today
    return f"{left} more for today's goal of {p.daily_target}."


@ft.component
def CounterCard(progress: Progress, on_change: Callable[[], None]):
    services = use_services()
    wide = not use_viewport().narrow
    several_open, set_several_open = ft.use_state(False)
    several_round, set_several_round = ft.use_state(0)  # each opening of the dialog is one step
    several_once = use_advance(several_round)
    source, set_source = ft.use_state(None)

    # (ids, count) of the latest log: its snack bar is shown by the effect below.
    announce, set_announce = ft.use_state(None)

    def log(count: int, from_source: str | None = None) -> None:
        ids = services.applications.log_application(count=count, source=from_source)
        set_announce((ids, count))
        on_change()

    async def announce_logged() -> None:
        if announce is None:
            return
        ids, count = announce
        await asyncio.sleep(SNACK_DELAY_S)

        def undo():
            services.applications.undo_log(ids=ids)
            on_change()

        what = "1 application" if count == 1 else f"{count} applications"
        snack(f"Logged {what}. Well done for sending it." if count == 1 else f"Logged {what}. Well done.",
              action="Undo", on_action=undo)

    ft.use_effect(announce_logged, [announce])

    def log_several(count: int) -> None:
        if not several_once.claim():  # a second tap while the dialog closes would log them twice
            return
        set_several_open(False)
        log(count, source)

    def open_several() -> None:
        set_several_round(lambda r: r + 1)
        set_several_open(True)

    use_shortcut(SHORTCUT, lambda e: log(1))

    ft.use_dialog(
        ft.AlertDialog(
            title=ft.Text("How many did you send?"),
            content=ft.Column(
                [
                    NamedDropdown(
                        label="Where from (optional)",
                        value=source,
                        options=[ft.DropdownOption(key=s, text=s) for s in SOURCES],
                        on_select=lambda e: set_source(e.control.value),
                        width=280,
                    ),
                    ft.Row(
                        [
                            ft.OutlinedButton(
                                str(n), key=f"several-{n}", width=60, on_click=lambda e, n=n: log_several(n),
                                style=ft.ButtonStyle(padding=ft.Padding.all(0)),
                            )
                            for n in SEVERAL
                        ],
                        wrap=True,
                        spacing=8,
                        run_spacing=8,
                        width=280,
                    ),
                    ft.Text("Tap a number to log them all at once.", size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                ],
                tight=True,
                spacing=16,
            ),
            actions=[ft.TextButton("Cancel", on_click=lambda: set_several_open(False))],
            on_dismiss=lambda: set_several_open(False),
        )
        if several_open
        else None
    )

    noun = "application" if progress.today == 1 else "applications"
    plus_one = ft.FilledButton(
        "+1 application",
        icon=ft.Icons.ADD,
        on_click=lambda: log(1),
        tooltip=f"Log one application sent today ({SHORTCUT_HINT})" if wide else None,
        style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=24, vertical=18)),
    )
    return ft.Card(
        semantic_container=False,  # keep buttons and fields inside separately addressable
        content=ft.Container(
            content=ft.Column(
                [
                    ft.Text("Sent today", theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
                    ft.Row(
                        [
                            ft.Text(
                                str(progress.today),
                                size=64,
                                weight=ft.FontWeight.W_700,
                                color=ft.Colors.PRIMARY,
                                semantics_label=f"Today's count: {progress.today}",
                                key="today-count",
                            ),
                            ft.Text(noun, size=18, color=ft.Colors.ON_SURFACE_VARIANT),
                        ],
                        vertical_alignment=ft.CrossAxisAlignment.END,
                        spacing=10,
                    ),
                    ft.Text(goal_line(progress), color=ft.Colors.ON_SURFACE_VARIANT),
                    ft.Row(
                        [plus_one, ft.TextButton("Several…", icon=ft.Icons.PLAYLIST_ADD, on_click=open_several)],
                        wrap=True,
                        spacing=8,
                        run_spacing=8,
                    ),
                    ft.Text(f"Shortcut: {SHORTCUT_HINT} logs one.", size=12, color=ft.Colors.ON_SURFACE_VARIANT, visible=wide),
                ],
                spacing=8,
                tight=True,
            ),
            padding=20,
        ),
        margin=0,
    )
