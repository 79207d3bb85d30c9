"""The wide-window navigation: a rail that screen readers hear as tabs, like the phone's bar.

Flutter's NavigationRail names each destination "Today Tab 1 of 5" and calls it a button.
A TabBar gives real tabs ("Today", tab, 1 of 6, selected), but only lies flat; so the bar is
turned a quarter turn and each tab's face turned back. It is drawn like Material's rail:
icon in a pill when chosen, label under it. Settings is the last tab here, so the rail
always has exactly one chosen place (a TabBar cannot have none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import flet as ft

RAIL_WIDTH = 88
ITEM_HEIGHT = 64


class RailItem(Protocol):
    label: str
    icon: ft.IconData
    selected_icon: ft.IconData


def _face(item: RailItem, selected: bool) -> ft.Control:
    on_pill = ft.Colors.ON_SECONDARY_CONTAINER if selected else ft.Colors.ON_SURFACE_VARIANT
    return ft.Container(
        width=RAIL_WIDTH,
        height=ITEM_HEIGHT,
        alignment=ft.Alignment.CENTER,
        content=ft.Column(
            [
                ft.Container(
                    content=ft.Icon(item.selected_icon if selected else item.icon, color=on_pill, size=24),
                    bgcolor=ft.Colors.SECONDARY_CONTAINER if selected else None,
                    border_radius=16,
                    width=56,
                    height=32,
                    alignment=ft.Alignment.CENTER,
                ),
                ft.Text(
                    item.label,
                    size=12,
                    weight=ft.FontWeight.W_600 if selected else ft.FontWeight.W_500,
                    color=ft.Colors.ON_SURFACE if selected else ft.Colors.ON_SURFACE_VARIANT,
                    no_wrap=True,
                ),
            ],
            spacing=4,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            alignment=ft.MainAxisAlignment.CENTER,
        ),
    )


def TabRail(items: Sequence[RailItem], selected: int, on_pick: Callable[[int], None]) -> ft.Control:
    """A vertical tab list; `on_pick(index)` when a tab is pressed, chosen or not. Give it a bounded height."""

    def clicked(e: ft.Event) -> None:
        on_pick(int(e.data))

    bar = ft.TabBar(
        tabs=[
            ft.Tab(label=ft.RotatedBox(quarter_turns=-1, content=_face(item, i == selected)), height=RAIL_WIDTH)
            for i, item in enumerate(items)
        ],
        scrollable=True,  # packed at the top, each tab its own height
        tab_alignment=ft.TabAlignment.START,
        label_padding=ft.Padding.all(0),
        # The pill shows the choice; Material's underline would sit on the rail's edge.
        indicator_color=ft.Colors.TRANSPARENT,
        divider_color=ft.Colors.TRANSPARENT,
        # A click, not Tabs' on_change: the chosen tab must answer too (from a record's page,
        # "Applications" goes back to the list), and on_change only fires when the index moves.
        on_click=clicked,
    )
    return ft.RotatedBox(
        quarter_turns=1,
        content=ft.Tabs(length=len(items), selected_index=selected, content=bar),
    )
