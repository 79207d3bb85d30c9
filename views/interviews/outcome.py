"""'What happened next?': another round, an offer, or a no (which opens the after-rejection steps)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.interviews import OUTCOMES, InterviewInfo
from views.applications.format import snack
from views.context import use_services
from views.interviews.format import Muted

SAID = {
    "next_round": "Another round: you're through. Schedule it when you know the time.",
    "offer": "An offer. Congratulations: take a moment to enjoy it before you decide anything.",
    "rejected": "A no this time.",
}


@ft.component
def Outcome(i: InterviewInfo, on_changed: Callable[[], None]):
    services = use_services()
    page = ft.context.page

    def choose(outcome: str) -> None:
        services.interviews.after.set_outcome(interview_id=i.id, outcome=outcome)
        on_changed()
        if outcome == "rejected":
            # The usual after-rejection steps; this round's notes are shown there too.
            page.navigate(f"/feedback/after-rejection/{i.application_id}")
        elif outcome == "next_round":
            page.navigate(f"/applications/{i.application_id}/interviews/new")
        else:
            snack(SAID["offer"], seconds=8)

    buttons = [
        ft.OutlinedButton("Next round", icon=ft.Icons.SKIP_NEXT_OUTLINED, key="outcome-next_round",
                          on_click=lambda: choose("next_round")),
        ft.OutlinedButton("An offer", icon=ft.Icons.CELEBRATION_OUTLINED, key="outcome-offer",
                          on_click=lambda: choose("offer")),
        ft.OutlinedButton("A no", icon=ft.Icons.DO_NOT_DISTURB_ON_OUTLINED, key="outcome-rejected",
                          on_click=lambda: choose("rejected")),
    ]
    return ft.Column(
        [
            Muted(SAID[i.outcome] if i.outcome else
                  f"When you hear back, say so here. Options: {', '.join(v.lower() for v in OUTCOMES.values())}."),
            ft.Row(buttons, wrap=True, spacing=8, run_spacing=8),
        ],
        spacing=8,
        tight=True,
    )
