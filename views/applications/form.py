"""Add or edit an application: only the date is required; messages appear at the field."""

from __future__ import annotations

import flet as ft

from models.application import COMPANY_SIZES, SOURCES, STATUS_LABELS, STATUSES, ApplicationUpdate
from services.dates import day_text, on_day
from services.errors import NotFound, ValidationError
from views.applications.dates import DateField, parse_day
from views.applications.detail import BackLink
from views.applications.format import snack
from views.common.fields import TextInput
from views.common.guard import use_advance
from views.common.layout import EmptyState, Screen
from views.common.named import NamedDropdown
from views.context import use_services

TEXT_FIELDS = ("company", "role", "source", "industry", "company_size", "link", "notes")


def _initial(app, today) -> dict[str, str]:
    if app is None:
        return {"applied_on": today.isoformat(), "status": "applied", **{f: "" for f in TEXT_FIELDS}}
    return {"applied_on": app.applied_on.isoformat(), "status": app.status,
            **{f: getattr(app, f) or "" for f in TEXT_FIELDS}}


@ft.component
def ApplicationForm():
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    params = ft.use_route_params()
    app_id = int(params["id"]) if params.get("id", "").isdigit() else None

    def load():
        if app_id is None:
            return None, False
        try:
            return services.applications.get(application_id=app_id), False
        except NotFound:
            return None, True

    app, missing = ft.use_memo(load, [app_id])
    values, set_values = ft.use_state(lambda: _initial(app, today))
    errors, set_errors = ft.use_state({})
    note, set_note = ft.use_state(None)
    fill_in, set_fill_in = ft.use_state("fill")  # when that day has +1 entries: fill one in, or add another
    once = use_advance(app_id)  # a double tap on Save adds one application, not two

    try:
        chosen_day = parse_day(values["applied_on"])
    except ValueError:
        chosen_day = None
    quick_logs = ft.use_memo(
        lambda: services.applications.queries.quick_logged_on(day=chosen_day) if app is None and chosen_day else [],
        [chosen_day, app is None],
    )

    if missing:
        return Screen("Edit application", [BackLink(), EmptyState(ft.Icons.SEARCH_OFF, "Not found", "This application was deleted.")])

    def setter(name):
        return lambda e: set_values(lambda v: {**v, name: e.control.value or ""})

    def typing(name):
        return lambda text: set_values(lambda v: {**v, name: text})

    def check_company(_=None):
        until = services.applications.waiting_period(company=values["company"], exclude_id=app_id)
        set_note(
            f"You applied to {values['company'].strip()} before; the wait you set runs until {day_text(until, today)}. "
            "If this role fits you better, go ahead." if until else None
        )

    def save():
        if not once.claim():
            return
        try:
            applied_on = parse_day(values["applied_on"])
        except ValueError as exc:
            once.release()
            set_errors({"applied_on": str(exc)})
            return
        details = {f: values[f] for f in TEXT_FIELDS}
        filled = app is None and quick_logs and fill_in == "fill" and applied_on == chosen_day
        try:
            if filled:
                saved = services.applications.fill_in_quick_log(
                    application_id=quick_logs[0].id, status=values["status"], **details
                )
            elif app is None:
                saved = services.applications.add_application(applied_on=applied_on, status=values["status"], **details)
            else:
                saved = services.applications.update_application(
                    application_id=app.id, changes=ApplicationUpdate(applied_on=applied_on, **details)
                )
        except ValidationError as exc:
            once.release()
            set_errors(exc.errors)
            return
        set_errors({})
        page.navigate(f"/applications/{saved.id}")
        if filled:
            snack(f"Details added to the one you logged with +1 {on_day(applied_on, today)}. Still counted once.")
        else:
            snack("Saved." if app else "Application added. Well done for sending it.")

    def field(name: str, label: str, **kw) -> ft.Control:
        return TextInput(label=label, value=values[name], error=errors.get(name), on_change=typing(name),
                         key=f"field-{name}", **kw)

    def dropdown(name: str, label: str, options: list[tuple[str, str]]) -> ft.Control:
        return NamedDropdown(
            label=label, value=values[name] or None, error_text=errors.get(name), key=f"field-{name}",
            options=[ft.DropdownOption(key=k, text=t) for k, t in options],
            on_select=setter(name), expand=True,
        )

    half = {"xs": 12, "md": 6}
    grid = ft.ResponsiveRow(
        [
            ft.Container(field("company", "Company", on_blur=check_company, helper=note), col=half),
            ft.Container(field("role", "Role"), col=half),
            ft.Container(DateField(label="Date applied", value=values["applied_on"], clock=services.clock, error=errors.get("applied_on"),
                                   on_change=lambda text: set_values(lambda v: {**v, "applied_on": text}),
                                   first=today.replace(year=today.year - 30), last=today, key="field-applied_on"), col=half),
            ft.Container(
                dropdown("status", "Status", [(s, STATUS_LABELS[s]) for s in STATUSES]) if app is None
                else ft.Text("Change the status from the application's page; each change keeps its date.",
                             size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                col=half,
            ),
            ft.Container(dropdown("source", "Source", [(s, s) for s in SOURCES]), col=half),
            ft.Container(field("industry", "Industry"), col=half),
            ft.Container(dropdown("company_size", "Company size", [(s, f"{s} people") for s in COMPANY_SIZES]), col=half),
            ft.Container(field("link", "Link to the listing"), col=half),
            ft.Container(field("notes", "Notes", multiline=True, min_lines=3, max_lines=10), col=12),
        ],
        spacing=16,
        run_spacing=16,
    )
    buttons = ft.Row(
        [ft.TextButton("Cancel", on_click=lambda: page.navigate(f"/applications/{app.id}" if app else "/applications")),
         ft.FilledButton("Save", icon=ft.Icons.CHECK, on_click=save)],
        alignment=ft.MainAxisAlignment.END,
    )
    hint = ft.Text("Only the date is needed; add the rest now or later.", color=ft.Colors.ON_SURFACE_VARIANT)
    offer = [QuickLogChoice(len(quick_logs), on_day(chosen_day, today), fill_in, set_fill_in)] if quick_logs else []
    return Screen("Edit application" if app else "New application", [BackLink(), hint, *offer, grid, buttons])


def QuickLogChoice(count: int, when: str, value: str, on_change) -> ft.Control:
    """The day already has +1 entries without details: is this one of them?"""
    logged = "one application" if count == 1 else f"{count} applications"
    return ft.Container(
        key="quick-log-choice",
        content=ft.Column(
            [
                ft.Text(f"You logged {logged} with +1 {when}, still without details. Is this one of them?",
                        weight=ft.FontWeight.W_500),
                ft.RadioGroup(
                    value=value,
                    on_change=lambda e: on_change(e.control.value or "fill"),
                    content=ft.Column(
                        [
                            ft.Radio(value="fill", label="Yes: add these details to it (counted once)"),
                            ft.Radio(value="new", label="No: this is another application"),
                        ],
                        spacing=0,
                        tight=True,
                    ),
                ),
            ],
            spacing=6,
            tight=True,
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        padding=ft.Padding.symmetric(horizontal=16, vertical=12),
    )
