"""This application's interviews, at hand while writing up feedback after a no:
your notes from each round and the questions they asked."""

from __future__ import annotations

import flet as ft

from views.context import use_services
from views.interviews.format import Muted


@ft.component
def InterviewNotes(application_id: int | None):
    services = use_services()

    def load():
        if application_id is None:
            return []
        rounds = [i for i in services.interviews.for_application(application_id=application_id)
                  if not i.cancelled and i.starts <= services.clock.now()]
        return [(i, services.interviews.after.questions(interview_id=i.id)) for i in rounds]

    rounds = ft.use_memo(load, [application_id])
    rounds = [(i, qs) for i, qs in rounds if i.after_notes or qs]
    if not rounds:
        return ft.Container(visible=False)
    blocks: list[ft.Control] = []
    for i, questions in rounds:
        blocks.append(ft.Text(f"{i.title}, {i.starts.day} {i.starts:%b}", weight=ft.FontWeight.W_600))
        if i.after_notes:
            blocks.append(ft.Text(i.after_notes))
        if questions:
            blocks.append(Muted("They asked: " + "; ".join(q.text for q in questions)))
    return ft.Card(
        key="interview-notes",
        content=ft.Container(
            content=ft.Column([ft.Text("From your interviews", theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                                       weight=ft.FontWeight.W_600),
                               Muted("Your own notes, to compare with what they say."), *blocks],
                              spacing=8, tight=True),
            padding=16,
        ),
        margin=0,
        semantic_container=False,
    )
