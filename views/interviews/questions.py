"""'Questions they asked': a list you add to, each one a practice card with one tap."""

from __future__ import annotations

import flet as ft

from services.errors import NotFound, ValidationError
from views.applications.format import snack
from views.common.fields import TextInput
from views.common.named import NamedIconButton
from views.context import use_services
from views.interviews.format import Muted


@ft.component
def QuestionsAsked(interview_id: int):
    services = use_services()
    page = ft.context.page
    version, set_version = ft.use_state(0)
    typed = ft.use_ref("")
    field_key, set_field_key = ft.use_state(0)  # a new key clears the field after adding
    error, set_error = ft.use_state(None)
    questions = ft.use_memo(lambda: services.interviews.after.questions(interview_id=interview_id), [version])

    def add(text: str | None = None) -> None:
        try:
            services.interviews.after.add_question(interview_id=interview_id, text=typed.current if text is None else text)
        except ValidationError as exc:
            set_error(next(iter(exc.errors.values())))
            return
        typed.current = ""
        set_error(None)
        set_field_key(lambda k: k + 1)
        set_version(lambda v: v + 1)

    def to_card(question_id: int) -> None:
        try:
            card_id = services.interviews.after.question_to_card(question_id=question_id)
        except (NotFound, ValidationError):
            snack("That question isn't there any more.")
            set_version(lambda v: v + 1)
            return
        set_version(lambda v: v + 1)
        snack("Added to your practice deck. It comes up in your next session.", action="Open",
              on_action=lambda: page.navigate(f"/practice/cards/{card_id}"))

    def remove(question_id: int) -> None:
        services.interviews.after.delete_question(question_id=question_id)
        set_version(lambda v: v + 1)

    rows: list[ft.Control] = []
    for n, q in enumerate(questions, start=1):
        action: ft.Control = (
            ft.TextButton("In your deck", icon=ft.Icons.CHECK, key=f"question-card-{q.id}",
                          on_click=lambda _, c=q.card_id: page.navigate(f"/practice/cards/{c}"))
            if q.card_id else
            ft.OutlinedButton("Practise this", icon=ft.Icons.STYLE_OUTLINED, key=f"question-to-card-{q.id}",
                              on_click=lambda _, q=q: to_card(q.id))
        )
        rows.append(ft.Container(
            key=f"question-{q.id}",
            content=ft.Column(
                [ft.Text(q.text),
                 ft.Row([action, NamedIconButton(f"Remove question {n}", ft.Icons.DELETE_OUTLINE,
                                                 lambda _, q=q: remove(q.id))], spacing=4, wrap=True)],
                spacing=2, tight=True,
            ),
            border=ft.Border.only(bottom=ft.BorderSide(1, ft.Colors.OUTLINE_VARIANT)),
            padding=ft.Padding.only(bottom=6),
        ))
    return ft.Column(
        [
            *(rows or [Muted("None yet. Jot them down while you remember: the hard ones are worth practising.")]),
            ft.Row(
                [TextInput(key=f"new-question-{field_key}", label="A question they asked", expand=True,
                              max_length=500, error=error, on_submit=lambda e: add(e.control.value or ""),
                              on_change=lambda text: setattr(typed, "current", text)),
                 ft.FilledButton("Add", icon=ft.Icons.ADD, on_click=lambda: add(), key="add-question")],
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
        ],
        spacing=10,
        tight=True,
    )
