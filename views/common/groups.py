"""Figures per group on a phone: a table's columns run past a 390 px screen (the last one
hidden behind a sideways scroll nobody finds), so each group is its name over one line."""

from __future__ import annotations

import flet as ft


def GroupList(groups: list[tuple[str, str]], *, key: str) -> ft.Control:
    """`groups`: (name, figures) pairs, e.g. ("Job board", "12 sent · 33% replied (4)")."""
    rows: list[ft.Control] = []
    for i, (name, figures) in enumerate(groups):
        if i:
            rows.append(ft.Divider(height=1))
        rows.append(ft.Column(
            [
                ft.Text(name, weight=ft.FontWeight.W_600, max_lines=2, overflow=ft.TextOverflow.ELLIPSIS),
                ft.Text(figures, size=13, color=ft.Colors.ON_SURFACE_VARIANT),
            ],
            spacing=2, tight=True, key=f"{key}-{i}",
        ))
    return ft.Column(rows, spacing=8, tight=True)
