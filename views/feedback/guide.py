"""The theme guide shown beside what they said: what it usually means, what helps."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.feedback import themes
from views.common.named import NamedDropdown
from views.feedback.common import Muted

NO_THEME = "none"


def ThemeDropdown(value: str | None, on_pick: Callable[[str | None], None], *, error: str | None = None) -> ft.Control:
    return NamedDropdown(
        key="theme",
        label="Theme",
        value=value or NO_THEME,
        options=[ft.DropdownOption(key=NO_THEME, text="Not sure yet")]
        + [ft.DropdownOption(key=k, text=g.title) for k, g in themes.GUIDES.items()],
        on_select=lambda e: on_pick(None if e.control.value in (None, NO_THEME) else e.control.value),
        error_text=error,
        expand=True,
        # Body-size text, as in the rest of the card, so a theme's title fits a phone's width.
        text_size=14,
        fit=34,
    )


def SuggestedTheme(text: str, current: str | None, on_accept: Callable[[str], None]) -> ft.Control | None:
    """ "This sounds like …" with a one-tap accept; nothing when it already matches or nothing stands out."""
    suggestion = themes.suggest_theme(text)
    if suggestion is None or suggestion.theme == current:
        return None
    guide = themes.GUIDES[suggestion.theme]
    because = ", ".join(f"“{w}”" for w in suggestion.because[:3])
    return ft.Container(
        key="theme-suggestion",
        content=ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.LIGHTBULB_OUTLINE, color=ft.Colors.PRIMARY, size=20),
                        ft.Text(f"This sounds like: {guide.title}", weight=ft.FontWeight.W_600, expand=True),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                Muted(f"Because it mentions {because}. You decide."),
                ft.Row(
                    [
                        ft.FilledTonalButton(
                            "Use this theme", icon=ft.Icons.CHECK, on_click=lambda: on_accept(suggestion.theme)
                        )
                    ],
                    alignment=ft.MainAxisAlignment.END,
                ),
            ],
            spacing=6,
            tight=True,
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        padding=12,
    )


def GuideCard(theme: str | None, *, on_add_steps: Callable[[], None] | None = None) -> ft.Control:
    guide = themes.guide(theme)
    if guide is None:
        return ft.Container(
            key="guide",
            content=ft.Column(
                [
                    ft.Text("Theme guide", theme_style=ft.TextThemeStyle.TITLE_SMALL, weight=ft.FontWeight.W_600),
                    Muted(
                        "Pick a theme (or accept a suggestion) to see what this kind of feedback usually "
                        "means and a few things that help."
                    ),
                ],
                spacing=6,
                tight=True,
            ),
            border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
            border_radius=12,
            padding=14,
        )
    steps = [
        ft.Row(
            [ft.Text(f"{i}.", weight=ft.FontWeight.W_600, width=18), ft.Text(fix, expand=True)],
            vertical_alignment=ft.CrossAxisAlignment.START,
            spacing=4,
        )
        for i, fix in enumerate(guide.fixes, start=1)
    ]
    return ft.Container(
        key="guide",
        content=ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.EXPLORE_OUTLINED, color=ft.Colors.PRIMARY, size=20),
                        ft.Text(
                            guide.title,
                            theme_style=ft.TextThemeStyle.TITLE_SMALL,
                            weight=ft.FontWeight.W_600,
                            expand=True,
                        ),
                    ]
                ),
                ft.Text("What it usually means", weight=ft.FontWeight.W_600, size=13),
                ft.Text(guide.meaning),
                ft.Text("What helps", weight=ft.FontWeight.W_600, size=13),
                *steps,
                *(
                    [
                        ft.Row(
                            [
                                ft.TextButton(
                                    "Add these to my actions",
                                    icon=ft.Icons.PLAYLIST_ADD,
                                    on_click=lambda: on_add_steps(),
                                )
                            ],
                            alignment=ft.MainAxisAlignment.END,
                        )
                    ]
                    if on_add_steps
                    else []
                ),
            ],
            spacing=8,
            tight=True,
        ),
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
        border_radius=12,
        padding=14,
    )
