"""The deck browser: search, filter by category or tag, open a card to edit it."""

from __future__ import annotations

import flet as ft

from services.errors import ValidationError
from services.practice import PAGE_SIZE, CardPage
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen
from views.common.named import NamedDropdown
from views.context import use_services, use_viewport
from views.practice.common import BackButton, Stretch, card_subtitle, category_options


@ft.component
def DeckScreen():
    practice = use_services().practice
    narrow = use_viewport().narrow
    search, set_search = ft.use_state("")
    category, set_category = ft.use_state("")
    tag, set_tag = ft.use_state("")
    archived, set_archived = ft.use_state(False)
    shown, set_shown = ft.use_state(PAGE_SIZE)
    tags = ft.use_memo(practice.deck.all_tags, [])
    def load() -> tuple[CardPage, str | None]:
        try:
            return practice.deck.list_cards(
                search=search, category=category or None, tag=tag or None, archived=archived, limit=shown
            ), None
        except ValidationError as exc:  # e.g. a whole answer pasted into the search box
            return CardPage(cards=[], has_more=False), exc.errors.get("search")

    page, search_error = ft.use_memo(load, [search, category, tag, archived, shown])
    nav = ft.context.page.navigate

    filters: list[ft.Control] = [
        NamedDropdown(
            key="filter-category",
            label="Category",
            value=category,
            options=category_options(any_label="All categories"),
            on_select=lambda e: set_category(e.control.value or ""),
            dense=True,
            expand=narrow,
            width=None if narrow else 220,
        ),
        NamedDropdown(
            key="filter-tag",
            label="Tag",
            value=tag,
            options=[ft.DropdownOption(key="", text="Any tag")]
            + [ft.DropdownOption(key=t, text=f"#{t}") for t in tags],
            on_select=lambda e: set_tag(e.control.value or ""),
            dense=True,
            expand=narrow,
            width=None if narrow else 180,
            fit=18 if narrow else 14,  # tags are the user's words, of any length
        ),
        ft.Switch(label="Archived", value=archived, on_change=lambda e: set_archived(bool(e.control.value))),
    ]
    rows = [
        ft.ListTile(
            key=f"card-{c.id}",
            title=ft.Text(c.question, max_lines=3),
            subtitle=ft.Text(card_subtitle(c), size=12),
            trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
            on_click=lambda _, i=c.id: nav(f"/practice/cards/{i}"),
        )
        for c in page.cards
    ]
    if not rows:
        filtered = search or category or tag or archived
        rows = [
            EmptyState(
                ft.Icons.SEARCH_OFF if filtered else ft.Icons.STYLE_OUTLINED,
                "Nothing matches" if filtered else "Your deck is empty",
                "Try a different word or filter." if filtered else "Add a question you expect to be asked.",
            )
        ]
    if page.has_more:
        rows.append(
            ft.Row(
                [ft.TextButton("Show more", on_click=lambda: set_shown(shown + PAGE_SIZE))],
                alignment=ft.MainAxisAlignment.CENTER,
            )
        )

    return Screen(
        "Your questions",
        [
            Stretch(
                [
                    BackButton("Back to Practice", "/practice"),
                    TextInput(
                        key="search",
                        hint_text="Search questions and answers",
                        prefix_icon=ft.Icons.SEARCH,
                        value=search,
                        error=search_error,
                        on_change=set_search,
                        dense=True,
                    ),
                    *(
                        [ft.Row([filters[0]]), ft.Row(filters[1:], spacing=12)]
                        if narrow
                        else [ft.Row(filters, spacing=12, vertical_alignment=ft.CrossAxisAlignment.CENTER)]
                    ),
                    Stretch(rows, spacing=0, key="card-list"),
                ]
            )
        ],
        actions=[
            ft.FilledButton("Add", icon=ft.Icons.ADD, on_click=lambda: nav("/practice/cards/new"), key="add-card")
        ],
    )
