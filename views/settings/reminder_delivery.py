"""How reminders reach you here: the phone's permission, and what a test notification used."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

PERMISSION_WORDS = {
    "not-needed": (
        "While Bounceback is open, reminders come as this computer's notifications, or inside the app "
        "where there is no notification service. Any missed while it was closed come when you next open it."
    ),
    "granted": "Your phone shows reminders at their time, even when Bounceback is closed.",
    "not-asked": "To remind you while Bounceback is closed, your phone needs your permission first.",
    "refused": (
        "Notifications are turned off for Bounceback in your phone's settings, so reminders only show "
        "inside the app while it's open. You can turn them on there whenever you like."
    ),
}

BACKEND_WORDS = {
    "phone": "Sent through your phone's notifications.",
    "system": "Sent through this computer's notifications. If it didn't appear, check do-not-disturb.",
    "in-app": (
        "Shown inside Bounceback: this device has no notification service we could reach, "
        "so reminders appear in the app while it's open."
    ),
    "recording": "Sent.",
    "none": "We couldn't show a notification here. Reminders will wait for you inside the app.",
}


def explain_then_ask(page: ft.Page, ask: Callable[[], Awaitable[None]]) -> None:
    """A kind word before the system's own permission prompt; nothing is asked if they say not now."""
    dialog = ft.AlertDialog(
        title=ft.Text("Reminders when Bounceback is closed"),
        content=ft.Text(
            "Your phone asks before any app may show notifications. Bounceback only sends the reminders you "
            "switch on here, at most one of each a day and never in quiet hours. Nothing leaves your phone."
        ),
    )

    def close() -> None:
        dialog.open = False
        dialog.update()

    async def go() -> None:
        close()
        await ask()

    dialog.actions = [ft.TextButton("Not now", on_click=close), ft.FilledButton("Continue", on_click=go)]
    page.show_dialog(dialog)


def PermissionStatus(
    state: str | None, *, on_allow: Callable[[], object], on_open_settings: Callable[[], object]
) -> ft.Control:
    """The state in words, with the one button that helps from there."""
    if state is None:
        return ft.Container()
    icon = {"granted": ft.Icons.NOTIFICATIONS_ACTIVE_OUTLINED, "refused": ft.Icons.NOTIFICATIONS_OFF_OUTLINED}.get(
        state, ft.Icons.NOTIFICATIONS_OUTLINED
    )
    rows: list[ft.Control] = [
        ft.Row(
            [ft.Icon(icon, color=ft.Colors.PRIMARY), ft.Text(PERMISSION_WORDS[state], size=13, expand=True)],
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
    ]
    if state == "not-asked":
        rows.append(ft.Row([ft.OutlinedButton("Allow notifications", on_click=on_allow)]))
    elif state == "refused":
        rows.append(ft.Row([ft.OutlinedButton("Open notification settings", on_click=on_open_settings)]))
    return ft.Column(rows, spacing=6, tight=True)
