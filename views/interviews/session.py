"""'Practise for this interview': the normal practice session on the prep plan's cards.
Route /interviews/:interview_id/practice. Ratings are ordinary FSRS reviews."""

from __future__ import annotations

import flet as ft

from views.context import use_services
from views.interviews.format import parse_id
from views.practice.session import SessionScreen


@ft.component
def PrepSessionScreen():
    services = use_services()
    interview_id = parse_id(ft.use_route_params().get("interview_id"))
    return SessionScreen(
        queue_of=lambda: services.interviews.plans.queue(interview_id=interview_id) if interview_id else [],
        home=f"/interviews/{interview_id}" if interview_id else "/",
        back_label="Back to the interview",
        empty_title="Nothing left to practise for this interview today",
        empty_text="Today's share is done. Rest counts as preparation too.",
    )
