"""Turn feedback into practice: interview cards prefilled from what they said."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.errors import ValidationError
from views.common.fields import TextInput
from views.context import use_services
from views.feedback.common import CheckRow, Muted, toast, use_draft


@ft.component
def PracticeMaker(feedback_id: int, version: int, on_changed: Callable[[], None]):
    services = use_services()
    fb = services.feedback
    suggestions = ft.use_memo(lambda: fb.actions.practice_suggestions(feedback_id=feedback_id), [feedback_id, version])
    made = ft.use_memo(lambda: fb.actions.practice_card_ids(feedback_id=feedback_id), [feedback_id, version])
    reviewed = ft.use_memo(
        lambda: sum(1 for n in services.practice.schedule.review_counts(card_ids=made).values() if n) if made else 0,
        [feedback_id, version],
    )
    # Kept as the questions left out, so a new theme's questions start ticked.
    skipped, set_skipped = ft.use_state(frozenset())
    own, set_own, own_latest = use_draft("")
    error, set_error = ft.use_state(None)

    def toggle(q: str, on: bool):
        set_skipped((skipped - {q}) if on else (skipped | {q}))

    def create():
        own_text = own_latest.current
        questions = [q for q in suggestions if q not in skipped] + ([own_text] if own_text.strip() else [])
        try:
            ids = fb.actions.turn_into_practice(feedback_id=feedback_id, questions=questions)
        except ValidationError as err:
            set_error(err.errors.get("questions") or next(iter(err.errors.values())))
            return
        set_error(None)
        set_own("")
        on_changed()
        n = len(ids)
        toast(f"{n} practice question{'s' if n != 1 else ''} added. Practising them ticks off the action here.")

    status = (
        [
            ft.Row(
                [
                    ft.Icon(ft.Icons.STYLE_OUTLINED, color=ft.Colors.PRIMARY, size=20),
                    ft.Text(
                        f"{len(made)} question{'s' if len(made) != 1 else ''} made from this feedback, "
                        f"{reviewed} practised so far.",
                        expand=True,
                    ),
                    ft.TextButton("Open Practice", on_click=lambda: ft.context.page.navigate("/practice")),
                ],
            )
        ]
        if made
        else []
    )
    return ft.Column(
        [
            *status,
            Muted("Pick the questions worth rehearsing. Each one gets a note with what they said."),
            *[
                CheckRow(q, q not in skipped, lambda on, q=q: toggle(q, on), key=f"practice-q-{i}")
                for i, q in enumerate(suggestions)
            ],
            ft.Row(
                [
                    TextInput(
                        key="own-question",
                        label="Or write your own question",
                        value=own,
                        on_change=set_own,
                        error=error,
                        dense=True,
                        expand=True,
                    )
                ]
            ),
            ft.Row(
                [
                    ft.FilledTonalButton(
                        "Add to my practice", icon=ft.Icons.STYLE_OUTLINED, on_click=lambda: create()
                    )
                ],
                alignment=ft.MainAxisAlignment.END,
            ),
        ],
        spacing=6,
        tight=True,
    )
