"""After an interview: how it went, the questions they asked, your notes, the thank-you note,
and what happened next. Route /interviews/:interview_id/after."""

from __future__ import annotations

import flet as ft

from models.interview import InterviewUpdate
from services.errors import NotFound, ValidationError
from views.applications.format import snack
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen, Section
from views.context import use_services
from views.feedback.common import use_draft
from views.interviews.checkin import CheckIn
from views.interviews.format import Muted, parse_id, when_text
from views.interviews.outcome import Outcome
from views.interviews.questions import QuestionsAsked
from views.interviews.thank_you import ThankYouComposer


@ft.component
def AfterInterviewScreen():
    services = use_services()
    page = ft.context.page
    interview_id = parse_id(ft.use_route_params().get("interview_id"))
    version, set_version = ft.use_state(0)

    def load():
        try:
            return services.interviews.get(interview_id=interview_id)
        except NotFound:
            return None

    i = ft.use_memo(load, [interview_id, version])
    notes, set_notes, notes_latest = use_draft(i.after_notes if i else "")
    error, set_error = ft.use_state(None)
    if i is None:
        return Screen("How did it go?", [EmptyState(ft.Icons.SEARCH_OFF, "Not found", "This interview was deleted.")])
    today = services.clock.today()

    def refresh() -> None:
        set_version(lambda v: v + 1)

    def save_notes() -> None:
        if notes_latest.current.strip() == i.after_notes:
            return
        try:
            services.interviews.update_interview(interview_id=i.id, changes=InterviewUpdate(after_notes=notes_latest.current))
        except ValidationError as exc:
            set_error(next(iter(exc.errors.values())))
            return
        set_error(None)
        refresh()
        snack("Notes saved.")

    upcoming = i.starts > services.clock.now()
    return Screen(
        "How did it go?",
        [
            ft.Row([ft.TextButton("Back to the interview", icon=ft.Icons.ARROW_BACK,
                                  on_click=lambda: page.navigate(f"/interviews/{i.id}"))]),
            ft.Text(f"{i.title} · {when_text(i, today)}", weight=ft.FontWeight.W_600),
            *([Muted("This one hasn't happened yet; come back afterwards.")] if upcoming else []),
            Section("How do you feel?", CheckIn(i, refresh),
                    subtitle="However it went, naming it helps. It's saved in your mood log, linked to this application."),
            Section("Questions they asked", QuestionsAsked(i.id),
                    subtitle="One tap adds any of them to your practice questions."),
            Section(
                "Your notes",
                ft.Column([
                    TextInput(key="after-notes", label="What went well, what was hard (just for you)", value=notes,
                                 multiline=True, min_lines=3, max_lines=10, error=error,
                                 on_change=lambda text: set_notes(text), on_blur=lambda e: save_notes()),
                    ft.Row([ft.TextButton("Save notes", on_click=lambda: save_notes())]),
                ], spacing=4, tight=True),
                subtitle="They'll be at hand if you ask for feedback later.",
            ),
            Section("Thank-you note", ThankYouComposer(i, refresh)),
            Section("What happened next?", Outcome(i, refresh)),
        ],
    )
