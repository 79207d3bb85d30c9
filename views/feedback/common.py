"""Small shared pieces of the Feedback screens: status wording, dates, snack bars."""

from __future__ import annotations

from datetime import date, datetime

import flet as ft

from models.feedback import REQUEST_STATUS_LABELS

STATUS_ICONS = {
    "not_asked": ft.Icons.MAIL_OUTLINE,
    "asked": ft.Icons.SCHEDULE_SEND,
    "received": ft.Icons.MARK_EMAIL_READ_OUTLINED,
    "no_reply": ft.Icons.DO_NOT_DISTURB_ON_OUTLINED,
}


def day(d: date | None, *, today: date | None = None) -> str:
    """'4 Mar', or '4 Mar 2025' when it isn't this year."""
    if d is None:
        return ""
    if today is not None and d.year == today.year:
        return f"{d.day} {d:%b}"
    return f"{d.day} {d:%b %Y}"


def status_line(status: str, asked_on: date | None, received_on: date | None, today: date) -> str:
    if status == "asked" and asked_on:
        return f"Asked {day(asked_on, today=today)}"
    if status == "received" and received_on:
        return f"Received {day(received_on, today=today)}"
    return REQUEST_STATUS_LABELS.get(status, status)


def parse_id(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def picked_day(value) -> date | None:
    """A DatePicker's value as a local calendar day (it may arrive as an aware UTC datetime)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value.astimezone() if value.tzinfo else value).date()
    return value


def toast(text: str) -> None:
    ft.context.page.show_dialog(ft.SnackBar(ft.Text(text)))


def Muted(text: str, *, size: float = 13, key: str | None = None) -> ft.Text:
    return ft.Text(text, color=ft.Colors.ON_SURFACE_VARIANT, size=size, key=key)


def NamedIconButton(label: str, icon: ft.IconData, on_click, *, key: str | None = None) -> ft.Control:
    """An IconButton screen readers (and tests) can find by name."""
    return ft.Semantics(
        label=label, button=True, content=ft.IconButton(icon, tooltip=label, on_click=on_click, key=key)
    )
