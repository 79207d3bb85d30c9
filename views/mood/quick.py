"""The fast path, shared by the Mood screen and Today: tap a face, it's saved."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.errors import StorageError
from views.mood.faces import mood_label


def quick_log(services, page: ft.Page, mood: int, after: Callable[[], None] | None = None) -> bool:
    """Save a face-only entry and offer to add details to that same entry; False if it wasn't saved."""
    try:
        entry = services.mood.log_entry(mood=mood)
    except StorageError as exc:
        page.show_dialog(ft.SnackBar(ft.Text(exc.friendly)))
        return False
    if after:
        after()
    page.show_dialog(
        ft.SnackBar(
            ft.Text(f"Logged: {mood_label(mood)}. Thanks for checking in."),
            action="Add details",
            on_action=lambda: page.navigate(f"/mood/entry/{entry.id}"),
            duration=ft.Duration(seconds=6),
            persist=False,  # leaves by itself; Flutter keeps bars with an action otherwise
        )
    )
    return True
