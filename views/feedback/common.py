"""Small shared pieces of the Feedback screens: status wording, dates, snack bars."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import flet as ft

from models.feedback import REQUEST_STATUS_LABELS
from services.dates import on_day

STATUS_ICONS = {
    "not_asked": ft.Icons.MAIL_OUTLINE,
    "asked": ft.Icons.SCHEDULE_SEND,
    "received": ft.Icons.MARK_EMAIL_READ_OUTLINED,
    "no_reply": ft.Icons.DO_NOT_DISTURB_ON_OUTLINED,
}


def status_line(status: str, asked_on: date | None, received_on: date | None, today: date) -> str:
    if status == "asked" and asked_on:
        return f"Asked {on_day(asked_on, today)}"
    if status == "received" and received_on:
        return f"Received {on_day(received_on, today)}"
    return REQUEST_STATUS_LABELS.get(status, status)


def parse_id(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def StatusPill(text: str, status: str, *, key: str | None = None) -> ft.Control:
    """The request status as a small tinted label with its icon (not a tappable chip)."""
    return ft.Container(
        key=key,
        content=ft.Row(
            [
                ft.Icon(
                    STATUS_ICONS.get(status, ft.Icons.MAIL_OUTLINE), size=16, color=ft.Colors.ON_SECONDARY_CONTAINER
                ),
                ft.Text(text, size=13, weight=ft.FontWeight.W_500, color=ft.Colors.ON_SECONDARY_CONTAINER),
            ],
            spacing=6,
            tight=True,
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=16,
        padding=ft.Padding.symmetric(horizontal=12, vertical=6),
    )


def ListSection(title: str, content: ft.Control, *, key: str | None = None) -> ft.Control:
    """Like layout.Section, but each row stays its own node for screen readers
    (a Card otherwise merges everything in it into one label)."""
    return ft.Card(
        key=key,
        content=ft.Container(
            content=ft.Column(
                [ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600), content],
                spacing=10,
                tight=True,
            ),
            padding=16,
        ),
        margin=0,
        semantic_container=False,
    )


def CheckRow(
    text: str,
    value: bool,
    on_change: Callable[[bool], None],
    *,
    key: str | None = None,
    done_style: bool = False,
    trailing: list[ft.Control] | None = None,
) -> ft.Control:
    """A checkbox whose long label wraps (a Checkbox's own label stays on one line)."""
    struck = done_style and value
    return ft.Row(
        [
            ft.Checkbox(
                key=key, value=value, semantics_label=text, on_change=lambda e: on_change(bool(e.control.value))
            ),
            # The words are a bigger target for the same tick; for a screen reader the
            # checkbox already says them, so they stay out of the tree (one control, one name).
            ft.Semantics(
                exclude_semantics=True,
                expand=True,
                content=ft.Container(
                    content=ft.Text(
                        text,
                        color=ft.Colors.ON_SURFACE_VARIANT if struck else None,
                        style=ft.TextStyle(decoration=ft.TextDecoration.LINE_THROUGH) if struck else None,
                    ),
                    on_click=lambda: on_change(not value),
                    padding=ft.Padding.symmetric(vertical=6),
                ),
            ),
            *(trailing or []),
        ],
        spacing=4,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def FullWidth(control: ft.Control) -> ft.Control:
    """Fill the card's width (a Section otherwise hugs its content)."""
    return ft.Row([ft.Container(content=control, expand=True)])


def use_draft(initial: str):
    """Text field state plus a ref with the very latest value.

    Events can outrun re-renders: a Save pressed right after typing may run a
    handler from the previous render, so handlers read `latest.current`.
    Returns (value, set_value, latest)."""
    value, set_value = ft.use_state(initial)
    latest = ft.use_ref(lambda: initial)

    def set_both(new: str) -> None:
        latest.current = new
        set_value(new)

    return value, set_both, latest


def toast(text: str) -> None:
    ft.context.page.show_dialog(ft.SnackBar(ft.Text(text)))


def Muted(text: str, *, size: float = 13, key: str | None = None) -> ft.Text:
    return ft.Text(text, color=ft.Colors.ON_SURFACE_VARIANT, size=size, key=key)

