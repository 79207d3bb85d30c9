"""A short, warm word after an entry about a rejection (in our own words)."""

from __future__ import annotations

import flet as ft

REFRAME_TITLE = "That stings, and that's allowed"
REFRAME_LINES = (
    'Feeling low after a "no" is a normal, human reaction. It doesn\'t need fixing today.',
    "Hiring decisions often turn on things you never see: budgets, timing, who is already "
    "on the team, a role that quietly changed. It says little about your worth.",
    "You've named what you feel. Let it be there for a while, and let it pass. A walk, a call "
    "with a friend or an early night can help it move along.",
)


def show_reframe(page: ft.Page) -> None:
    def close():
        page.pop_dialog()

    page.show_dialog(
        ft.AlertDialog(
            key="reframe",
            icon=ft.Icon(ft.Icons.FAVORITE_OUTLINE, color=ft.Colors.PRIMARY),
            title=ft.Text(REFRAME_TITLE, text_align=ft.TextAlign.CENTER),
            content=ft.Column([ft.Text(line) for line in REFRAME_LINES], tight=True, spacing=12, width=420),
            actions=[ft.FilledButton("Thanks", on_click=lambda: close())],
            actions_alignment=ft.MainAxisAlignment.END,
            scrollable=True,
        )
    )
