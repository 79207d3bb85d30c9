"""Selectable word chips with a search/add field: feelings and self-care."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import flet as ft

from services.mood import normalize_word
from views.common.fields import TextInput


def _chip(word: str, selected: bool, toggle: Callable[[str], None]) -> ft.Control:
    return ft.Chip(
        label=word,
        key=f"chip-{word}",
        selected=selected,
        on_select=lambda: toggle(word),
    )


@ft.component
def WordPicker(
    *,
    title: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    selected: Sequence[str],
    on_toggle: Callable[[str], None],
    on_add: Callable[[str], None],
    field_label: str,
    error: str | None = None,
):
    """Chips grouped under small headings; the field filters them, and Enter (or
    "Add") adds a word of the user's own, selected straight away."""
    query, set_query = ft.use_state("")
    typed = ft.use_ref("")  # the field's latest text, even before a re-render

    def toggle(word: str) -> None:
        on_toggle(word)

    def type_(text: str) -> None:
        typed.current = text
        set_query(text)

    def add_typed(text: str | None = None) -> None:
        word = normalize_word(typed.current if text is None else text)
        if word:
            on_add(word)
        type_("")  # clears the field: its value follows the query

    needle = normalize_word(query)
    known = {w for _, ws in groups for w in ws}
    sections: list[ft.Control] = []
    for heading, words in groups:
        shown = [w for w in words if needle in w]
        if shown:
            sections.append(ft.Text(heading, size=12, color=ft.Colors.ON_SURFACE_VARIANT))
            sections.append(
                ft.Row([_chip(w, w in selected, toggle) for w in shown], wrap=True, spacing=6, run_spacing=6)
            )
    extra = [w for w in selected if w not in known]  # just added, not yet saved
    if extra:
        sections.append(ft.Text("Just added", size=12, color=ft.Colors.ON_SURFACE_VARIANT))
        sections.append(ft.Row([_chip(w, True, toggle) for w in extra], wrap=True, spacing=6, run_spacing=6))
    if needle and not any(needle in w for w in known):
        sections.append(
            ft.Text(f'Press Enter or "Add" to use "{needle}".', size=12, color=ft.Colors.ON_SURFACE_VARIANT)
        )

    return ft.Column(
        [
            ft.Text(title, weight=ft.FontWeight.W_600),
            ft.Row(
                [
                    TextInput(
                        value=query,
                        label=field_label,
                        dense=True,
                        prefix_icon=ft.Icons.SEARCH,
                        on_change=type_,
                        on_submit=lambda e: add_typed(e.control.value or ""),
                        error=error,
                        expand=True,
                    ),
                    ft.OutlinedButton("Add", on_click=lambda: add_typed(), disabled=not needle),
                ],
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            *sections,
        ],
        spacing=8,
        tight=True,
    )
