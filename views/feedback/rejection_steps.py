"""The after-rejection steps, each showing what fits where things stand:
how you feel (and what you noted before), asking for feedback (not asked,
waiting, answered, no reply)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.dates import on_day
from views.context import use_services
from views.feedback.common import Muted, StatusPill, status_line
from views.feedback.request import RequestComposer
from views.mood.faces import FacePicker, mood_label


def Step(number: int, title: str, content: ft.Control, *, done: bool, skipped: bool, on_skip, key: str) -> ft.Control:
    badge = ft.Container(
        content=ft.Icon(ft.Icons.CHECK, size=16, color=ft.Colors.ON_PRIMARY)
        if done
        else ft.Text(str(number), size=13, weight=ft.FontWeight.W_600, color=ft.Colors.ON_PRIMARY),
        bgcolor=ft.Colors.PRIMARY if not skipped else ft.Colors.OUTLINE,
        width=26,
        height=26,
        border_radius=13,
        alignment=ft.Alignment.CENTER,
    )
    head = ft.Row(
        [
            badge,
            ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600, expand=True),
            ft.TextButton(
                content=ft.Text(
                    "Undo skip" if skipped else "Skip",
                    semantics_label=f"Undo skip: {title}" if skipped else f"Skip: {title}",
                ),
                on_click=lambda: on_skip(not skipped),
                key=f"{key}-skip",
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
    body = [Muted("Skipped. You can come back to it any time.")] if skipped else [content]
    return ft.Card(
        key=key,
        content=ft.Container(content=ft.Column([head, *body], spacing=12, tight=True), padding=16),
        margin=0,
        semantic_container=False,  # the step's buttons keep their own names
    )


def feel_step(*, earlier, mood: int | None, entry_id: int | None, app_id: int, today, on_pick) -> ft.Control:
    """`earlier`: the latest entry about this no from a previous visit (None if none)."""
    page = ft.context.page
    if mood:
        said = "Noted. Naming it is a real step; let the feeling be there for a while."
    elif earlier is not None:
        said = f"You felt {mood_label(earlier.mood)} {on_day(earlier.day, today)}. How is it now? Any face is fine."
    else:
        said = "Pick the face that fits. Feeling hurt or flat after a no is normal."
    return ft.Column(
        [
            FacePicker(mood, on_pick),
            Muted(said, key="feel-note"),
            ft.TextButton(
                "Add feelings and a note",
                icon=ft.Icons.EDIT_NOTE,
                on_click=lambda: page.navigate(f"/mood/entry/{entry_id}" if entry_id else f"/mood/new/{app_id}"),
            ),
        ],
        spacing=8,
        tight=True,
    )


ASK_WORDS = {
    "asked": "Waiting is the hard part. Many people hear back within a week or two, and some never do; "
    "neither says anything about you.",
    "received": "They answered. What they said, what it usually means and your next steps are in the feedback record.",
    "no_reply": "No reply. That's common, and asking was still worth it.",
}


@ft.component
def AskStep(record, application_id: int, version: int, on_changed: Callable[[], None]):
    """Not asked (or no record yet): the message to send. Asked: waiting, with a follow-up if
    wanted. Answered: the way to what they said. No reply: said kindly, asking again possible."""
    today = use_services().clock.today()
    page = ft.context.page
    writing, set_writing = ft.use_state(False)
    status = record.status if record else "not_asked"
    asked_on, received_on = (record.asked_on, record.received_on) if record else (None, None)
    pill = ft.Row([StatusPill(status_line(status, asked_on, received_on, today), status, key="request-status")])
    if record is None or status == "not_asked":
        composer = RequestComposer(record.id if record else None, version, on_changed, application_id=application_id)
        return ft.Column([pill, composer], spacing=10, tight=True)

    actions: list[ft.Control] = []
    if status == "received":
        actions.append(ft.FilledTonalButton("Read what they said", icon=ft.Icons.ARROW_FORWARD,
                                            on_click=lambda: page.navigate(f"/feedback/{record.id}")))
    else:
        label = "Write a follow-up" if status == "asked" else "Ask again"
        actions += [
            ft.TextButton("Hide the message" if writing else label, on_click=lambda: set_writing(not writing)),
            ft.TextButton("They replied", icon=ft.Icons.MARK_EMAIL_READ_OUTLINED,
                          on_click=lambda: page.navigate(f"/feedback/{record.id}")),
        ]
    body: list[ft.Control] = [pill, Muted(ASK_WORDS[status], key="ask-note"), ft.Row(actions, wrap=True, spacing=4)]
    if writing and status != "received":
        body.append(RequestComposer(record.id, version, on_changed, follow_up=status == "asked"))
    return ft.Column(body, spacing=10, tight=True)
