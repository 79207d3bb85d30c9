"""Action items with checkboxes, and a field to add your own."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.dates import on_day
from services.errors import ValidationError
from views.common.fields import TextInput
from views.common.named import NamedIconButton
from views.context import use_services
from views.feedback.common import CheckRow, Muted, use_draft


@ft.component
def ActionList(feedback_id: int, version: int, on_changed: Callable[[], None]):
    services = use_services()
    items = ft.use_memo(lambda: services.feedback.actions.for_record(feedback_id=feedback_id), [feedback_id, version])
    draft, set_draft, latest = use_draft("")
    error, set_error = ft.use_state(None)
    today = services.clock.today()

    def tick(action_id: int, done: bool):
        services.feedback.actions.set_action_done(action_id=action_id, done=done)
        on_changed()

    def remove(action_id: int):
        services.feedback.actions.delete_action(action_id=action_id)
        on_changed()

    def add():
        try:
            services.feedback.actions.add_action(feedback_id=feedback_id, text=latest.current)
        except ValidationError as err:
            set_error(err.errors.get("text"))
            return
        set_error(None)
        set_draft("")
        on_changed()

    rows: list[ft.Control] = [
        CheckRow(
            a.text + (f"  · done {on_day(a.done_on, today)}" if a.done and a.done_on else ""),
            a.done,
            lambda on, i=a.id: tick(i, on),
            key=f"action-{a.id}",
            done_style=True,
            trailing=[NamedIconButton(f"Remove “{a.text}”", ft.Icons.CLOSE, lambda e, i=a.id: remove(i))],
        )
        for a in items
    ]
    done = sum(1 for a in items if a.done)
    return ft.Column(
        [
            *(
                [Muted(f"{done} of {len(items)} done" if items else "")]
                if items
                else [Muted("Nothing here yet. One small, concrete step is plenty.")]
            ),
            *rows,
            ft.Row(
                [
                    TextInput(
                        key="new-action",
                        label="Add an action",
                        hint_text="e.g. Rewrite my summary around results",
                        value=draft,
                        on_change=set_draft,
                        on_submit=lambda e: add(),
                        error=error,
                        expand=True,
                        dense=True,
                    ),
                    ft.FilledTonalButton("Add", on_click=lambda: add()),
                ],
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
        ],
        spacing=4,
        tight=True,
    )
