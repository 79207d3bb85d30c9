"""Add or edit one question card: the question, category, tags, STAR answer and notes."""

from __future__ import annotations

import flet as ft

from models.practice import NOTES_MAX, QUESTION_MAX, PracticeCardUpdate
from services.errors import NotFound, ValidationError
from services.practice import STAR_FIELDS, card_tags
from views.common.dialogs import confirm
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen, Section
from views.common.named import NamedDropdown
from views.context import use_services, use_viewport
from views.practice.common import BackButton, Stretch, category_options, next_due_text
from views.practice.fields import StarFields

DECK_ROUTE = "/practice/cards"


def _values_of(card) -> dict[str, str]:
    if card is None:
        return {"question": "", "category": "behavioral", "tags": "", "notes": "", **dict.fromkeys(STAR_FIELDS, "")}
    return {
        "question": card.question,
        "category": card.category,
        "tags": ", ".join(card_tags(card)),
        "notes": card.notes,
        **{f: getattr(card, f) for f in STAR_FIELDS},
    }


def _load(services, card_id: int | None):
    if card_id is None:
        return None
    try:
        return services.practice.deck.get_card(card_id=card_id)
    except NotFound:
        return False


@ft.component
def CardEditorScreen():
    services = use_services()
    narrow = use_viewport().narrow
    page = ft.context.page
    raw_id = ft.use_route_params().get("id", "new")
    card_id = int(raw_id) if raw_id.isdigit() else None
    card, set_card = ft.use_state(lambda: _load(services, card_id))
    values, set_values = ft.use_state(lambda: _values_of(card or None))
    errors, set_errors = ft.use_state({})
    duplicates, set_duplicates = ft.use_state(0)

    if card is False:
        return Screen(
            "Question not found",
            [
                EmptyState(ft.Icons.SEARCH_OFF, "This question isn't in your deck", "It may have been deleted."),
                BackButton("Back to your questions", DECK_ROUTE),
            ],
        )

    def change(name: str, value: str) -> None:
        set_values(lambda old: {**old, name: value})

    def check_duplicates(_=None) -> None:
        found = services.practice.deck.duplicates_of(question=values["question"], exclude_id=card_id)
        set_duplicates(len(found))

    def save():
        fields = {
            "question": values["question"],
            "category": values["category"],
            "tags": [t for t in values["tags"].split(",") if t.strip()],
            "notes": values["notes"],
            **{f: values[f] for f in STAR_FIELDS},
        }
        try:
            if card_id is None:
                services.practice.deck.create_card(**fields)
                message = "Question added to your deck."
            else:
                set_card(services.practice.deck.update_card(card_id=card_id, changes=PracticeCardUpdate(**fields)))
                message = "Saved."
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_errors({})
        page.show_dialog(ft.SnackBar(ft.Text(message)))
        if card_id is None:
            page.navigate(DECK_ROUTE)

    def toggle_archive():
        updated = services.practice.deck.archive_card(card_id=card_id, archived=not card.archived)
        set_card(updated)
        text = "Archived: it won't come up in practice." if updated.archived else "Back in your practice deck."
        page.show_dialog(ft.SnackBar(ft.Text(text)))

    def confirm_delete():
        def really_delete():
            services.practice.deck.delete_card(card_id=card_id)
            page.show_dialog(ft.SnackBar(ft.Text("Question deleted.")))
            page.navigate(DECK_ROUTE)

        confirm(
            title="Delete this question?",
            text="Its answer and practice history go too. Archiving keeps them instead.",
            confirm_label="Delete",
            on_confirm=really_delete,
        )

    question_field = TextInput(
        key="question",
        label="Question",
        value=values["question"],
        error=errors.get("question"),
        helper="You'll see this first, then answer it out loud." if not duplicates else None,
        helper_max_lines=2,
        multiline=True,
        min_lines=1,
        max_lines=4,
        max_length=QUESTION_MAX,
        autofocus=card_id is None,
        on_change=lambda text: change("question", text),
        on_blur=check_duplicates,
    )
    duplicate_note = ft.Row(
        [
            ft.Icon(ft.Icons.INFO_OUTLINE, size=18, color=ft.Colors.TERTIARY),
            ft.Text(
                "You already have this question in your deck. That's fine; keeping both is up to you.",
                size=13,
                color=ft.Colors.TERTIARY,
                expand=True,
            ),
        ],
        visible=duplicates > 0,
    )
    category = NamedDropdown(
        key="category",
        label="Category",
        value=values["category"],
        options=category_options(),
        error_text=errors.get("category"),
        on_select=lambda e: change("category", e.control.value or "behavioral"),
        expand=True,
    )
    tags = TextInput(
        key="tags",
        label="Tags (optional, separated by commas)",
        value=values["tags"],
        error=errors.get("tags"),
        on_change=lambda text: change("tags", text),
        expand=not narrow,
    )
    meta = (
        ft.Column([ft.Row([category]), tags], spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        if narrow
        else ft.Row([category, tags], spacing=12, vertical_alignment=ft.CrossAxisAlignment.START)
    )

    status: list[ft.Control] = []
    if card:
        practised = card.last_review is not None
        due_text = next_due_text(
            services.practice.schedule.days_until(card.due), services.practice.schedule.local_day(card.due), practised=practised
        )
        count = services.practice.schedule.review_counts(card_ids=[card.id])[card.id]
        extra = f" · practised {count} time{'s' if count != 1 else ''}" if count else ""
        archived = " · archived" if card.archived else ""
        status.append(ft.Text(due_text + extra + archived, color=ft.Colors.ON_SURFACE_VARIANT, key="due-text"))

    actions = [ft.FilledButton("Save", icon=ft.Icons.CHECK, on_click=save)]
    if card:
        actions += [
            ft.OutlinedButton("Unarchive" if card.archived else "Archive", on_click=toggle_archive),
            ft.TextButton("Delete", icon=ft.Icons.DELETE_OUTLINE, on_click=confirm_delete),
        ]

    return Screen(
        "New question" if card_id is None else "Edit question",
        [
            Stretch(
                [
                    BackButton("Your questions", DECK_ROUTE),
                    *status,
                    Section("The question", Stretch([question_field, duplicate_note, meta], spacing=12)),
                    Section(
                        "Your answer",
                        Stretch(StarFields(values, errors, change), spacing=12),
                        subtitle="STAR: Situation, Task, Action, Result. Short notes are enough; you'll say it in your own words.",
                    ),
                    Section(
                        "Notes",
                        TextInput(
                            key="notes",
                            value=values["notes"],
                            error=errors.get("notes"),
                            hint_text="Anything to remember: a number to mention, a phrase that works",
                            multiline=True,
                            min_lines=2,
                            max_lines=10,
                            max_length=NOTES_MAX,
                            on_change=lambda text: change("notes", text),
                        ),
                    ),
                    ft.Row(actions, wrap=True, spacing=12),
                ]
            )
        ],
    )
