""""Needs attention": whatever each feature's provider offers, shown the same way.

Items a feature marks dismissible (a reapply date, say) get a "Dismiss" button;
the dismissal is saved, so the item stays away.
"""

from __future__ import annotations

import flet as ft

from services.attention import AttentionItem
from views.applications.format import icon_named
from views.common.layout import Section
from views.context import use_services


def _dismiss_button(item: AttentionItem, on_dismiss) -> ft.Control:
    # The icon's own label names the button: one name, no nameless inner button (checked in Chromium).
    return ft.IconButton(
        icon=ft.Icon(ft.Icons.CLOSE, semantics_label=f"Dismiss: {item.title}"),
        on_click=lambda e: on_dismiss(item),
    )


def _row(item: AttentionItem, on_dismiss, page: ft.Page) -> ft.Control:
    tile = ft.ListTile(
        key=None if item.dismissible else item.key,
        leading=ft.Icon(icon_named(item.icon), color=ft.Colors.PRIMARY),
        title=ft.Text(item.title),
        subtitle=ft.Text(item.detail) if item.detail else None,
        trailing=None if item.dismissible else ft.Icon(ft.Icons.CHEVRON_RIGHT),
        on_click=lambda e, route=item.route: page.navigate(route),
        content_padding=ft.Padding.only(left=4, right=4),
        expand=item.dismissible,  # fills the row beside its button; in the column, its own height
    )
    if not item.dismissible:
        return tile
    # Side by side, not the button inside the tile: a screen reader hears two buttons, each
    # with its own name, instead of a nameless-looking one nested in another.
    return ft.Row(
        [tile, _dismiss_button(item, on_dismiss)],
        key=item.key,
        spacing=0,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


@ft.component
def AttentionSection(version: int = 0):  # version: re-read after changes on Today
    services = use_services()
    dismissed, set_dismissed = ft.use_state(0)
    items = ft.use_memo(services.attention.items, [version, dismissed])
    page = ft.context.page

    def dismiss(item: AttentionItem) -> None:
        services.attention.dismiss(item)
        set_dismissed(lambda n: n + 1)

    if not items:
        body: ft.Control = ft.Row(
            [ft.Text("Nothing needs you right now. Enjoy the quiet.", color=ft.Colors.ON_SURFACE_VARIANT, expand=True)]
        )
    else:
        body = ft.Column([_row(item, dismiss, page) for item in items], spacing=0, tight=True)
    return Section("Needs attention", body)
