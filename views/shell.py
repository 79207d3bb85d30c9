"""The app shell: navigation bar on narrow windows, rail on wide ones."""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

from views.context import use_viewport


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


def selected_index(location: str) -> int | None:
    """Which destination a location belongs to (its first path segment)."""
    first = "/" + location.strip("/").split("/")[0] if location.strip("/") else "/"
    for i, d in enumerate(DESTINATIONS):
        if d.route == first:
            return i
    return None


def go(route: str) -> None:
    ft.context.page.navigate(route)


def SettingsButton() -> ft.Control:
    # A tooltip does not name an IconButton for screen readers; Semantics does.
    return ft.Semantics(
        label="Settings",
        button=True,
        content=ft.IconButton(ft.Icons.SETTINGS_OUTLINED, tooltip="Settings", on_click=lambda: go(SETTINGS_ROUTE)),
    )


def BackButton() -> ft.Control:
    return ft.Semantics(
        label="Back to Today",
        button=True,
        content=ft.IconButton(ft.Icons.ARROW_BACK, tooltip="Back", on_click=lambda: go("/")),
    )


@ft.component
def Shell():
    outlet = ft.use_route_outlet()
    location = ft.use_route_location()
    viewport = use_viewport()
    index = selected_index(location)

    def on_change(e: ft.Event):
        go(DESTINATIONS[int(e.control.selected_index)].route)

    if viewport.narrow:
        # A NavigationBar must have a selection, so pages outside the five
        # destinations (Settings) show as a full page with a way back instead.
        top = (
            [ft.Text("Bounceback", weight=ft.FontWeight.W_600, size=18, expand=True), SettingsButton()]
            if index is not None
            else [BackButton(), ft.Text("Bounceback", weight=ft.FontWeight.W_600, size=18, expand=True)]
        )
        bar = (
            [
                ft.NavigationBar(
                    destinations=[
                        ft.NavigationBarDestination(icon=d.icon, selected_icon=d.selected_icon, label=d.label)
                        for d in DESTINATIONS
                    ],
                    selected_index=index,
                    on_change=on_change,
                )
            ]
            if index is not None
            else []
        )
        return ft.Column(
            [
                ft.Container(content=ft.Row(top), padding=ft.Padding.only(left=16 if index is not None else 4, right=4, top=4)),
                ft.Container(content=outlet, expand=True),
                *bar,
            ],
            expand=True,
            spacing=0,
        )
    return ft.Row(
        [
            ft.NavigationRail(
                destinations=[
                    ft.NavigationRailDestination(icon=d.icon, selected_icon=d.selected_icon, label=d.label)
                    for d in DESTINATIONS
                ],
                selected_index=index,
                label_type=ft.NavigationRailLabelType.ALL,
                leading=ft.Container(
                    content=ft.Text("Bounceback", weight=ft.FontWeight.W_600), padding=ft.Padding.only(top=8, bottom=8)
                ),
                trailing=SettingsButton(),
                group_alignment=-0.9,
                min_width=88,
                on_change=on_change,
            ),
            ft.VerticalDivider(width=1),
            ft.Container(content=outlet, expand=True),
        ],
        expand=True,
        spacing=0,
        vertical_alignment=ft.CrossAxisAlignment.STRETCH,
    )
