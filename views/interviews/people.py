"""Who you'll meet: rows of name and role, added and removed; a row's message shows on its field."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from views.common.fields import TextInput
from views.common.named import NamedIconButton


@ft.component
def PeopleFields(
    rows: list[int], values: dict[int, dict[str, str]], errors: dict[str, str],
    on_type: Callable[[int, str, str], None], on_add: Callable[[], None], on_remove: Callable[[int], None],
):
    """`rows`: stable row keys in order; `values[row]` the typed name and role (kept by the
    form without re-rendering); errors arrive as "people.<position>.name"."""
    lines: list[ft.Control] = []
    for position, row in enumerate(rows):
        typed = values.get(row, {})
        number = position + 1
        lines.append(
            ft.ResponsiveRow(
                key=f"person-{row}",
                controls=[
                    ft.Container(
                        col={"xs": 12, "md": 6},
                        content=TextInput(
                            label=f"Name (person {number})", value=typed.get("name", ""),
                            error=errors.get(f"people.{position}.name"), max_length=200,
                            on_change=lambda text, row=row: on_type(row, "name", text),
                        ),
                    ),
                    ft.Container(
                        col={"xs": 12, "md": 6},
                        content=ft.Row(
                            [
                                TextInput(
                                    label=f"Their role (person {number})", value=typed.get("role", ""),
                                    error=errors.get(f"people.{position}.role"), expand=True, max_length=200,
                                    on_change=lambda text, row=row: on_type(row, "role", text),
                                ),
                                NamedIconButton(f"Remove person {number}", ft.Icons.CLOSE,
                                                lambda _, row=row: on_remove(row)),
                            ],
                            vertical_alignment=ft.CrossAxisAlignment.START,
                        ),
                    ),
                ],
                spacing=8,
                run_spacing=4,
            )
        )
    if "people" in errors:
        lines.append(ft.Text(errors["people"], color=ft.Colors.ERROR, size=12))
    lines.append(ft.Row([ft.TextButton("Add a person", icon=ft.Icons.PERSON_ADD_ALT, on_click=lambda: on_add())]))
    return ft.Column(lines, spacing=8, tight=True)
