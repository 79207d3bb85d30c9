"""The app shell: navigation bar on narrow windows, rail on wide ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from views.common.named import NamedIconButton
from views.context import use_viewport
from views.rail import RAIL_WIDTH, TabRail


@dataclass(frozen=True)
class Destination:
    label: str
    route: str
    icon: ft.IconData
    selected_icon: ft.IconData


DESTINATIONS = [
    Destination("Today", "/", ft.Icons.WB_SUNNY_OUTLINED, ft.Icons.WB_SUNNY),
    Destination("Applications", "/applications", ft.Icons.SEND_OUTLINED, ft.Icons.SEND),
    Destination("Mood", "/mood", ft.Icons.FAVORITE_BORDER, ft.Icons.FAVORITE),
    Destination("Feedback", "/feedback", ft.Icons.FORUM_OUTLINED, ft.Icons.FORUM),
    Destination("Practice", "/practice", ft.Icons.STYLE_OUTLINED, ft.Icons.STYLE),
]
SETTINGS_ROUTE = "/settings"
# Screens under another first segment that belong to a destination: an interview is part of an application.
BELONGS_TO = {"/interviews": "/applications"}


def selected_index(location: str) -> int | None:
    """Which destination a location belongs to (its first path segment)."""
    first = "/" + location.strip("/").split("/")[0] if location.strip("/") else "/"
    first = BELONGS_TO.get(first, first)
    for i, d in enumerate(DESTINATIONS):
        if d.route == first:
            return i
    return None


def SettingsButton(on_click: Callable[[], None]) -> ft.Control:
    return NamedIconButton("Settings", ft.Icons.SETTINGS_OUTLINED, on_click)


def BackButton(on_click: Callable[[], None]) -> ft.Control:
    return NamedIconButton("Back to Today", ft.Icons.ARROW_BACK, on_click)


SETTINGS = Destination("Settings", SETTINGS_ROUTE, ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS)
RAIL_ITEMS = [*DESTINATIONS, SETTINGS]


@ft.component
def Shell():
    outlet = ft.use_route_outlet()
    location = ft.use_route_location()
    viewport = use_viewport()
    index = selected_index(location)
    screen = ft.use_ref(None)

    def go(route: str) -> None:
        """Navigate, then hand the keyboard to the new screen.

        Otherwise focus stays on the tab (or button) just clicked, and Space or Enter,
        meant for the screen (say, a practice session), would press it again.
        """
        ft.context.page.navigate(route)
        if screen.current is not None:
            ft.context.page.run_task(screen.current.focus)

    # The screen's own keys (use_shortcut) still come through the page; this only holds focus.
    listener = ft.KeyboardListener(content=ft.Container(content=outlet, expand=True))
    screen.current = listener
    body = ft.Container(content=listener, expand=True)

    narrow = viewport.narrow
    # One tree for both layouts, the screen always at the same place in it: swapping a Column
    # (bar) for a Row (rail) mounted the screen afresh, and a half-written note was lost when a
    # phone turned on its side or a window was widened past 640 px. The parts of the other
    # layout are hidden, not removed.
    # A NavigationBar must have a selection, so pages outside the five destinations
    # (Settings) show as a full page with a way back instead.
    top = (
        [ft.Text("Bounceback", weight=ft.FontWeight.W_600, size=18, expand=True), SettingsButton(lambda: go(SETTINGS_ROUTE))]
        if index is not None
        else [BackButton(lambda: go("/")), ft.Text("Bounceback", weight=ft.FontWeight.W_600, size=18, expand=True)]
    )
    bar = (
        [
            ft.NavigationBar(
                destinations=[
                    ft.NavigationBarDestination(icon=d.icon, selected_icon=d.selected_icon, label=d.label)
                    for d in DESTINATIONS
                ],
                selected_index=index,
                on_change=lambda e: go(DESTINATIONS[int(e.control.selected_index)].route),
            )
        ]
        if narrow and index is not None
        else []
    )
    rail_index = len(DESTINATIONS) if index is None else index  # the Settings tab
    rail = ft.Column(
        [
            ft.Container(
                content=ft.Text("Bounceback", weight=ft.FontWeight.W_600),
                padding=ft.Padding.only(top=16, bottom=8),
            ),
            ft.Container(
                content=TabRail(RAIL_ITEMS, rail_index, lambda i: go(RAIL_ITEMS[i].route)),
                width=RAIL_WIDTH,
                expand=True,
            ),
        ],
        width=RAIL_WIDTH,
        spacing=0,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        visible=not narrow,
    )
    main = ft.Column(
        [
            ft.Container(content=ft.Row(top), padding=ft.Padding.only(left=16 if index is not None else 4, right=4, top=4),
                         visible=narrow),
            body,
            *bar,
        ],
        expand=True,
        spacing=0,
    )
    return ft.Row(
        [rail, ft.VerticalDivider(width=1, visible=not narrow), main],
        expand=True,
        spacing=0,
        vertical_alignment=ft.CrossAxisAlignment.STRETCH,
    )
