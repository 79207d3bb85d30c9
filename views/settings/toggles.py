"""A switch with a label that wraps: safe on a phone beside other fields.

Flet's `Switch(label=...)` never wraps its label: a long one runs over whatever
sits next to it. Here the visible text wraps (and is tappable) and the switch
carries the same words as its one accessible name (the text itself is hidden
from screen readers, so nothing is read twice).
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft


def ToggleRow(text: str, value: bool, on_change: Callable[[bool], object], *, key: str | None = None) -> ft.Control:
    return ft.Row(
        [
            ft.Semantics(
                exclude_semantics=True,
                expand=True,
                content=ft.Container(content=ft.Text(text), on_click=lambda e: on_change(not value)),
            ),
            ft.Switch(
                key=key,
                value=value,
                label=ft.Text("", semantics_label=text),
                on_change=lambda e: on_change(bool(e.control.value)),
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        spacing=8,
    )


def time_label(text: str, name: str) -> ft.Control:
    """A field label that shows `text` ("Time") and names the field fully for screen readers."""
    return ft.Text(text, semantics_label=name)
