"""Moving an application to a new status: on which day, the company if the status needs one,
and one plain question when it leaves "rejected" (what that undoes)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from models.application import NEEDS_COMPANY
from services.dates import day_text, on_day
from services.errors import ValidationError
from views.applications.dates import DateField, parse_day
from views.applications.format import status_label
from views.common.fields import TextInput
from views.common.guard import use_advance
from views.context import use_services

# (title, what the date means) per status: said the way a person would say it.
WORDING = {
    "heard_back": ("They got back to you", "The day they replied"),
    "interview": ("An interview", "The day they invited you"),
    "offer": ("An offer", "The day it came"),
    "rejected": ("It was a no", "The day you heard"),
    "no_reply": ("No reply came", "Marked on"),
    "withdrawn": ("You withdrew", "The day you withdrew"),
}


def status_dialog(app, status: str, on_done: Callable[[str], None], on_cancel: Callable[[], None]) -> ft.AlertDialog:
    title = WORDING.get(status, (status_label(status), "On"))[0]
    if app.status == "rejected" and status != "rejected":
        title = f"Move it from “Rejected” to “{status_label(status)}”?"
    return ft.AlertDialog(
        title=ft.Text(title),
        content=StatusForm(app, status, on_done, on_cancel),
        on_dismiss=on_cancel,
    )


def leaving_rejection_text(app, status: str, today) -> str:
    undone = f" and clears the day set to apply again ({day_text(app.reapply_after, today)})" if app.reapply_after else ""
    return (
        f"It was marked as a no {on_day(app.status_on, today)}. Moving it to “{status_label(status)}” keeps "
        f"that in its history{undone}. Its feedback record and mood entries stay as they are."
    )


@ft.component
def StatusForm(app, status: str, on_done: Callable[[str], None], on_cancel: Callable[[], None]):
    services = use_services()
    today = services.clock.today()
    day_text_value, set_day_text = ft.use_state(today.isoformat())
    company, set_company = ft.use_state(app.company or "")
    errors, set_errors = ft.use_state({})
    once = use_advance(status)  # a double tap on Save moves it once
    needs_company = status in NEEDS_COMPANY and not app.company
    leaving_no = app.status == "rejected" and status != "rejected"

    def save():
        if not once.claim():
            return
        try:
            on = parse_day(day_text_value) or today
        except ValueError as exc:
            once.release()
            set_errors({"on": str(exc)})
            return
        try:
            # One action: the company (when the status needs one) and the status land together.
            services.applications.change_status(
                application_id=app.id, status=status, on=on, company=company if needs_company else None
            )
        except ValidationError as exc:
            once.release()
            set_errors(exc.errors)
            return
        on_done(status)

    fields: list[ft.Control] = []
    if leaving_no:
        fields.append(ft.Text(leaving_rejection_text(app, status, today), key="leaving-rejection"))
    if needs_company:
        fields.append(TextInput(label="Company", value=company, error=errors.get("company"), autofocus=True,
                                on_change=set_company, key="status-company"))
    if status == "rejected":  # care before the form
        fields.append(ft.Text(
            "Sorry it's a no. After saving, a few gentle next steps, each one optional: how you feel, "
            "asking for feedback, and when you might apply there again.",
        ))
    fields.append(DateField(label=WORDING.get(status, ("", "On"))[1], value=day_text_value, clock=services.clock,
                            on_change=set_day_text, error=errors.get("on"), first=app.applied_on, last=today,
                            key="status-day"))
    save_label = "Yes, move it" if leaving_no else "Save"  # the title says where to
    fields.append(ft.Row([ft.TextButton("Cancel", on_click=on_cancel), ft.FilledButton(save_label, on_click=save)],
                         alignment=ft.MainAxisAlignment.END))
    return ft.Column(fields, tight=True, spacing=12, width=320)
