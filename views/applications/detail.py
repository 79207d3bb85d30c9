"""One application: its details, the status timeline, a quick status change, reapply date, delete."""

from __future__ import annotations

from datetime import timedelta

import flet as ft

from models.application import STATUSES
from services.applications import reapply_date
from services.dates import capitalised, day_text, on_day
from services.errors import NotFound
from views.applications.dates import DateField, parse_day
from views.applications.format import STATUS_ICONS, StatusChip, full_width, snack, status_label, title_of
from views.applications.status_dialog import status_dialog
from views.common.dialogs import confirm
from views.common.layout import EmptyState, Screen, Section
from views.context import use_services
from views.interviews.section import ApplicationInterviews

DETAIL_FIELDS = (("source", "Source"), ("industry", "Industry"), ("company_size", "Company size"), ("link", "Link"))


def _row(label: str, value: str, key: str | None = None) -> ft.Control:
    return ft.Row(
        [ft.Text(label, width=120, color=ft.Colors.ON_SURFACE_VARIANT), ft.Text(value, expand=True, key=key)],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def BackLink() -> ft.Control:
    return ft.Row([ft.TextButton("All applications", icon=ft.Icons.ARROW_BACK,
                                 on_click=lambda: ft.context.page.navigate("/applications"))])


@ft.component
def ApplicationDetail():
    services = use_services()
    page = ft.context.page
    params = ft.use_route_params()
    today = services.clock.today()
    version, set_version = ft.use_state(0)
    moving_to, set_moving_to = ft.use_state(None)
    editing_reapply, set_editing_reapply = ft.use_state(False)
    reapply_text, set_reapply_text = ft.use_state("")
    reapply_error, set_reapply_error = ft.use_state(None)
    try:
        app_id = int(params.get("id", ""))
    except ValueError:
        app_id = -1

    def load():
        try:
            return services.applications.get(application_id=app_id), services.applications.timeline(application_id=app_id)
        except NotFound:
            return None, []

    app, timeline = ft.use_memo(load, [app_id, version])

    def moved(status: str):
        set_moving_to(None)
        set_version(version + 1)
        if status == "rejected":
            # Feedback's after-rejection sheet: how you feel, asking for feedback, the reapply date.
            page.navigate(f"/feedback/after-rejection/{app_id}")
        else:
            snack(f"Moved to “{status_label(status)}”. It is kept in the timeline with its date.")

    ft.use_dialog(status_dialog(app, moving_to, moved, lambda: set_moving_to(None)) if app and moving_to else None)

    if app is None:
        return Screen("Application", [BackLink(), EmptyState(ft.Icons.SEARCH_OFF, "Not found", "This application was deleted or never existed.")])

    def really_delete():
        snapshot = services.applications.delete_application(application_id=app_id)

        def undo():
            services.applications.restore_application(snapshot=snapshot)
            page.navigate(f"/applications/{app_id}")

        page.navigate("/applications")
        snack("Application deleted.", action="Undo", on_action=undo)

    def delete():
        rounds = services.interviews.count_for_application(application_id=app_id)
        if not rounds:
            really_delete()
            return
        their = "its interview" if rounds == 1 else f"its {rounds} interviews"
        confirm(title="Delete this application?",
                text=f"{their[0].upper()}{their[1:]}, with their notes and questions, go with it. "
                     "You can undo straight after.",
                confirm_label="Delete", on_confirm=really_delete)

    def save_reapply(clear: bool = False):
        try:
            on = None if clear else parse_day(reapply_text)
            services.applications.set_reapply_after(application_id=app_id, on=on)
        except ValueError as exc:  # ValidationError is a ValueError too
            set_reapply_error(getattr(exc, "errors", {}).get("reapply_after") or str(exc))
            return
        set_reapply_error(None)
        set_editing_reapply(False)
        set_version(version + 1)

    def start_reapply_edit():
        set_reapply_text((app.reapply_after or reapply_date(today)).isoformat())
        set_editing_reapply(True)

    details = [_row("Applied", capitalised(day_text(app.applied_on, today)))]
    details += [_row(label, getattr(app, name)) for name, label in DETAIL_FIELDS if getattr(app, name)]
    if app.notes:
        details.append(ft.Text(app.notes))

    timeline_rows = [
        ft.Row(
            [ft.Icon(STATUS_ICONS.get(e.status, ft.Icons.CIRCLE), size=20, color=ft.Colors.PRIMARY),
             ft.Text(e.label, weight=ft.FontWeight.W_500, expand=True),
             ft.Text(capitalised(day_text(e.on, today)), color=ft.Colors.ON_SURFACE_VARIANT)],
            key=f"timeline-{i}",
        )
        for i, e in enumerate(timeline)
    ]
    moves = ft.Row(
        [ft.OutlinedButton(status_label(s), icon=STATUS_ICONS[s], on_click=lambda e, s=s: set_moving_to(s))
         for s in STATUSES if s not in (app.status, "applied")],
        wrap=True, spacing=8, run_spacing=8,
    )

    if editing_reapply:
        reapply: ft.Control = ft.Column(
            [
                DateField(label="Apply again from", value=reapply_text, clock=services.clock, on_change=set_reapply_text, error=reapply_error,
                          first=app.applied_on, last=today + timedelta(days=3 * 365), width=260),
                ft.Row([ft.TextButton("Cancel", on_click=lambda: set_editing_reapply(False)),
                        ft.FilledButton("Save date", on_click=lambda: save_reapply())]),
            ],
            tight=True,
        )
    elif app.reapply_after:
        due = app.reapply_after <= today
        reapply = ft.Column(
            [
                ft.Text(
                    f"The wait ended {on_day(app.reapply_after, today)}: a good time to look for a fitting role there."
                    if due else f"Suggested: apply here again from {day_text(app.reapply_after, today)}.",
                    key="reapply-text",
                ),
                ft.Row([ft.TextButton("Change date", on_click=start_reapply_edit),
                        ft.TextButton("Clear", on_click=lambda: save_reapply(clear=True))], wrap=True),
            ],
            tight=True, spacing=4,
        )
    else:
        reapply = ft.TextButton("Set a day to apply again", icon=ft.Icons.EVENT_OUTLINED, on_click=start_reapply_edit)

    return Screen(
        title_of(app.company, app.role),
        [
            BackLink(),
            ft.Row([StatusChip(app.status), ft.Text(f"since {day_text(app.status_on, today)}", color=ft.Colors.ON_SURFACE_VARIANT)]),
            Section("Details", ft.Column(details, spacing=8, tight=True)),
            Section("Timeline", ft.Column(timeline_rows, spacing=10, tight=True)),
            ApplicationInterviews(app.id, version),
            Section("Move to", full_width(moves), subtitle="Each change is kept with its date."),
            Section("Applying there again", full_width(reapply)),
            ft.Row([ft.TextButton("Delete application", icon=ft.Icons.DELETE_OUTLINE, on_click=delete,
                                  style=ft.ButtonStyle(color=ft.Colors.ERROR))]),
        ],
        actions=[ft.OutlinedButton("Edit", icon=ft.Icons.EDIT_OUTLINED, on_click=lambda: page.navigate(f"/applications/{app_id}/edit"))],
    )
