"""How applications read on screen: labels, colours and dates, shared by Today and Applications."""

from __future__ import annotations

import flet as ft

from models.application import STATUS_LABELS

# (background, text, outline) per status, each text on its Material 3 container pair.
# The ended ones are neutral grey, never alarming; their outline keeps the chip's shape
# visible on a grey-green card. Contrast is checked in tests/views/test_contrast.py.
STATUS_COLORS: dict[str, tuple[str, str, str | None]] = {
    "applied": (ft.Colors.SECONDARY_CONTAINER, ft.Colors.ON_SECONDARY_CONTAINER, None),
    "heard_back": (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER, None),
    "interview": (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER, None),
    "offer": (ft.Colors.PRIMARY, ft.Colors.ON_PRIMARY, None),
    "rejected": (ft.Colors.SURFACE_CONTAINER_HIGHEST, ft.Colors.ON_SURFACE, ft.Colors.OUTLINE),
    "no_reply": (ft.Colors.SURFACE_CONTAINER_HIGHEST, ft.Colors.ON_SURFACE, ft.Colors.OUTLINE),
    "withdrawn": (ft.Colors.SURFACE_CONTAINER_HIGHEST, ft.Colors.ON_SURFACE, ft.Colors.OUTLINE),
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
    bg, fg, outline = STATUS_COLORS.get(status, STATUS_COLORS["rejected"])
    return ft.Container(
        content=ft.Text(status_label(status), size=12, weight=ft.FontWeight.W_500, color=fg),
        bgcolor=bg,
        border=ft.Border.all(1, outline) if outline else None,
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
