"""Shared screen furniture: a titled, scrollable, width-capped page and empty states."""

from __future__ import annotations

import re

import flet as ft

NBSP = "\u00a0"
_SHORT_WORD = re.compile(r"(?<!\S)(\w{1,2}) (?=\S)")


def keep_together(title: str) -> str:
    """No line break after a short word or around "&", and none before " · ".

    A wrapped title then reads "Data Analyst · / Acme & Sons", never "Data Analyst · Acme & / Sons".
    """
    text = title.replace(" & ", f"{NBSP}&{NBSP}").replace(" · ", f"{NBSP}· ")
    return _SHORT_WORD.sub(rf"\1{NBSP}", text)


def Screen(title: str, controls: list[ft.Control], *, actions: list[ft.Control] | None = None) -> ft.Control:
    """A screen body: heading row, then content in a scrolling, centred column."""
    header = ft.Row(
        [
            ft.Semantics(
                header=True,  # screen readers (and the browser tests) see a real heading
                content=ft.Text(
                    keep_together(title),
                    semantics_label=title,
                    theme_style=ft.TextThemeStyle.HEADLINE_SMALL,
                    weight=ft.FontWeight.W_600,
                    # A company name can be 200 characters; the details below show it whole.
                    max_lines=3,
                    overflow=ft.TextOverflow.ELLIPSIS,
                ),
                expand=True,
            )
        ]
        + (actions or []),
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
    body = ft.Column([header, *controls], spacing=16, tight=True)
    # Side gutters grow on wide windows so lines stay readable (Container has no max width).
    gutter = {"xs": 0, "lg": 1, "xl": 2}
    centred = ft.ResponsiveRow(
        [
            ft.Container(col=gutter),
            ft.Container(content=body, col={"xs": 12, "lg": 10, "xl": 8}),
            ft.Container(col=gutter),
        ],
        spacing=0,
    )
    return ft.Container(
        content=ft.Column(
            [ft.Container(content=centred, padding=ft.Padding.symmetric(horizontal=16, vertical=12))],
            scroll=ft.ScrollMode.AUTO,
            expand=True,
        ),
        expand=True,
        alignment=ft.Alignment.TOP_CENTER,
    )


def EmptyState(icon: ft.IconData, title: str, text: str) -> ft.Control:
    return ft.Container(
        content=ft.Column(
            [
                ft.Icon(icon, size=48, color=ft.Colors.PRIMARY),
                ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, text_align=ft.TextAlign.CENTER),
                ft.Text(text, text_align=ft.TextAlign.CENTER, color=ft.Colors.ON_SURFACE_VARIANT),
            ],
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            spacing=8,
        ),
        padding=32,
        alignment=ft.Alignment.CENTER,
    )


def Section(title: str, content: ft.Control, *, subtitle: str | None = None) -> ft.Control:
    """A card with a small heading: the building block of Today and Settings."""
    head: list[ft.Control] = [ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600)]
    if subtitle:
        head.append(ft.Text(subtitle, color=ft.Colors.ON_SURFACE_VARIANT, size=13))
    card = ft.Card(
        semantic_container=False,  # keep buttons and fields inside separately addressable
        content=ft.Container(content=ft.Column([*head, content], spacing=10, tight=True), padding=16),
        margin=0,
    )
    # Full width, whatever is inside: a card otherwise hugs short content and stands
    # narrower than its neighbours.
    return ft.Row([ft.Container(content=card, expand=True)], spacing=0)
