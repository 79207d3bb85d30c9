""""Needs attention": whatever each feature's provider offers, shown the same way."""

from __future__ import annotations

import logging

import flet as ft

from services.attention import AttentionItem, gather
from views.applications.format import icon_named
from views.common.layout import Section
from views.context import use_services

log = logging.getLogger(__name__)


def attention_items(services) -> list[AttentionItem]:
    """Every provider's items; one failing feature must not blank the others."""
    today = services.clock.today()
    items: list[AttentionItem] = []
    for provide in services.attention_providers:
        try:
            items.extend(gather([provide], today))
        except Exception:
            log.exception("attention provider %r failed", provide)
    return sorted(items, key=lambda i: (i.priority, i.title))


@ft.component
def AttentionSection(version: int = 0):  # version: re-read after changes on Today
    services = use_services()
    items = attention_items(services)
    page = ft.context.page
    if not items:
        body: ft.Control = ft.Row(
            [ft.Text("Nothing needs you right now. Enjoy the quiet.", color=ft.Colors.ON_SURFACE_VARIANT, expand=True)]
        )
    else:
        body = ft.Column(
            [
                ft.ListTile(
                    key=item.key,
                    leading=ft.Icon(icon_named(item.icon), color=ft.Colors.PRIMARY),
                    title=ft.Text(item.title),
                    subtitle=ft.Text(item.detail) if item.detail else None,
                    trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
                    on_click=lambda e, route=item.route: page.navigate(route),
                    content_padding=ft.Padding.only(left=4, right=4),
                )
                for item in items
            ],
            spacing=0,
            tight=True,
        )
    return Section("Needs attention", body)
