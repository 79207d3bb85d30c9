"""Moving an application to a new status: on which day, and the company if the status needs one."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from models.application import NEEDS_COMPANY
from services.errors import ValidationError
from views.applications.dates import DateField, parse_day
from views.applications.format import status_label
from views.context import use_services


def status_dialog(app, status: str, on_done: Callable[[str], None], on_cancel: Callable[[], None]) -> ft.AlertDialog:
    return ft.AlertDialog(
        title=ft.Text(f"Mark as {status_label(status).lower()}"),
        content=StatusForm(app, status, on_done, on_cancel),
        on_dismiss=on_cancel,
    )


@ft.component
def StatusForm(app, status: str, on_done: Callable[[str], None], on_cancel: Callable[[], None]):
    services = use_services()
    today = services.clock.today()
    day_text, set_day_text = ft.use_state(today.isoformat())
    company, set_company = ft.use_state(app.company or "")
    errors, set_errors = ft.use_state({})
    needs_company = status in NEEDS_COMPANY and not app.company

    def save():
        try:
            on = parse_day(day_text) or today
        except ValueError as exc:
            set_errors({"on": str(exc)})
            return
        try:
            # One action: the company (when the status needs one) and the status land together.
            services.applications.change_status(
                application_id=app.id, status=status, on=on, company=company if needs_company else None
            )
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        on_done(status)

    fields: list[ft.Control] = []
    if needs_company:
        fields.append(ft.TextField(label="Company", value=company, error=errors.get("company"), autofocus=True,
                                   on_change=lambda e: set_company(e.control.value or "")))
    fields.append(DateField(label="On", value=day_text, clock=services.clock, on_change=set_day_text, error=errors.get("on"),
                            first=app.applied_on, last=today))
    if status == "rejected":
        fields.append(ft.Text("We'll suggest waiting three months before applying there again; you can change that.",
                              size=12, color=ft.Colors.ON_SURFACE_VARIANT))
    fields.append(ft.Row([ft.TextButton("Cancel", on_click=on_cancel), ft.FilledButton("Save", on_click=save)],
                         alignment=ft.MainAxisAlignment.END))
    return ft.Column(fields, tight=True, spacing=12, width=320)
