"""How applications read on screen: labels, colours and dates, shared by Today and Applications."""

from __future__ import annotations

import flet as ft

from models.application import STATUS_LABELS

STATUS_COLORS = {
    "applied": ft.Colors.SECONDARY_CONTAINER,
    "heard_back": ft.Colors.TERTIARY_CONTAINER,
    "interview": ft.Colors.PRIMARY_CONTAINER,
    "offer": ft.Colors.PRIMARY,
    "rejected": ft.Colors.SURFACE_CONTAINER_HIGHEST,
    "no_reply": ft.Colors.SURFACE_CONTAINER_HIGHEST,
    "withdrawn": ft.Colors.SURFACE_CONTAINER_HIGHEST,
}
STATUS_ICONS = {
    "applied": ft.Icons.SEND_OUTLINED,
    "heard_back": ft.Icons.MARK_EMAIL_READ_OUTLINED,
    "interview": ft.Icons.GROUPS_OUTLINED,
    "offer": ft.Icons.CELEBRATION_OUTLINED,
    "rejected": ft.Icons.DO_NOT_DISTURB_ON_OUTLINED,
    "no_reply": ft.Icons.HOURGLASS_BOTTOM,
    "withdrawn": ft.Icons.UNDO,
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def title_of(company: str | None, role: str | None) -> str:
    if company and role:
        return f"{role} · {company}"
    return company or role or "Application (details to add)"


def StatusChip(status: str) -> ft.Control:
    on_color = ft.Colors.ON_PRIMARY if status == "offer" else ft.Colors.ON_SURFACE
    return ft.Container(
        content=ft.Text(status_label(status), size=12, weight=ft.FontWeight.W_500, color=on_color),
        bgcolor=STATUS_COLORS.get(status, ft.Colors.SURFACE_CONTAINER_HIGHEST),
        padding=ft.Padding.symmetric(horizontal=10, vertical=4),
        border_radius=12,
    )


def icon_named(name: str) -> ft.IconData:
    """A Material icon from its name ("schedule"), falling back to an info icon."""
    try:
        return getattr(ft.Icons, name.upper())
    except AttributeError:
        return ft.Icons.INFO_OUTLINE


def snack(text: str, *, action: str | None = None, on_action=None, seconds: int = 5) -> None:
    page = ft.context.page
    page.show_dialog(
        # persist=False: an Undo bar leaves by itself after `seconds` (Flutter keeps action bars otherwise).
        ft.SnackBar(
            ft.Text(text),
            action=action,
            on_action=on_action,
            duration=ft.Duration(seconds=seconds),
            show_close_icon=action is None,
            persist=False,
        )
    )


def full_width(control: ft.Control) -> ft.Control:
    """Stretch a control across its card (a Column otherwise sizes children to their content)."""
    return ft.Row([ft.Container(content=control, expand=True)])
