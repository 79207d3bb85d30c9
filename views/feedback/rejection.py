"""Right after a "no": how you feel, asking for feedback, and when to try again.

Route /feedback/after-rejection/:application_id (Applications goes here when an
application is marked rejected). Three steps on one screen, each skippable.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

import flet as ft

from services.errors import NotFound, ValidationError
from views.common.layout import EmptyState, Screen
from views.context import use_services
from views.feedback.common import Muted, StatusPill, day, parse_id, picked_day, status_line, toast
from views.feedback.request import RequestComposer
from views.interviews.notes import InterviewNotes
from views.mood.faces import FacePicker

REFRAME = (
    "A no often comes down to things you never see: budget, timing, who is already on the team, "
    "a role that quietly changed. It isn't a verdict on your worth."
)


def add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


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
            ft.TextButton("Undo skip" if skipped else "Skip", on_click=lambda: on_skip(not skipped), key=f"{key}-skip"),
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


@ft.component
def AfterRejectionScreen():
    services = use_services()
    application_id = parse_id(ft.use_route_params().get("application_id"))
    version, set_version = ft.use_state(0)

    def load():
        if application_id is None:
            return None
        try:
            return services.applications.get(application_id=application_id)
        except NotFound:
            return None

    app = ft.use_memo(load, [application_id])
    # Only read here: the record is started by the first request step the user takes.
    current = ft.use_memo(
        lambda: services.feedback.for_application(application_id=application_id) if app else None,
        [app, version],
    )
    reapply, set_reapply = ft.use_state(lambda: app.reapply_after if app else None)
    mood, set_mood = ft.use_state(None)
    entry_id, set_entry_id = ft.use_state(None)
    entry_ref = ft.use_ref(None)  # a second quick tap must edit, not log twice
    skipped, set_skipped = ft.use_state(frozenset())
    error, set_error = ft.use_state(None)
    page = ft.context.page

    if app is None:
        return Screen(
            "After a no",
            [EmptyState(ft.Icons.SEARCH_OFF, "That application isn't here any more", "It may have been deleted.")],
        )

    today = services.clock.today()
    who = app.company or "this company"

    def skip(step: str, on: bool):
        set_skipped(skipped | {step} if on else skipped - {step})

    def pick_mood(value: int):
        fields = dict(mood=value, application_id=app.id, about_rejection=True)
        if entry_ref.current is None:
            entry_ref.current = services.mood.log_entry(**fields).id
            set_entry_id(entry_ref.current)
        else:
            services.mood.edit_entry(entry_id=entry_ref.current, **fields)
        set_mood(value)

    def save_reapply(on: date | None):
        try:
            services.applications.set_reapply_after(application_id=app.id, on=on)
        except ValidationError as err:
            set_error(next(iter(err.errors.values())))
            return
        set_error(None)
        set_reapply(on)
        toast(f"We'll let you know on {day(on, today=today)}." if on else "No reapply date set.")

    def open_record():
        record = services.feedback.start_for_application(application_id=app.id)  # the user asked for it
        page.navigate(f"/feedback/{record.id}")

    def open_picker():
        page.show_dialog(
            ft.DatePicker(
                value=datetime.combine(reapply or add_months(today, 3), datetime.min.time()),
                first_date=datetime.combine(max(today, app.applied_on), datetime.min.time()),
                last_date=datetime.combine(add_months(today, 36), datetime.min.time()),
                help_text="Apply again from",
                on_change=lambda e: save_reapply(picked_day(e.control.value)),
            )
        )

    feel = ft.Column(
        [
            FacePicker(mood, pick_mood),
            Muted(
                "Noted. Naming it is a real step; let the feeling be there for a while."
                if mood
                else "Pick the face that fits. Feeling hurt or flat after a no is normal."
            ),
            ft.TextButton(
                "Add feelings and a note",
                icon=ft.Icons.EDIT_NOTE,
                on_click=lambda: page.navigate(f"/mood/entry/{entry_id}" if entry_id else f"/mood/new/{app.id}"),
            ),
        ],
        spacing=8,
        tight=True,
    )
    ask = ft.Column(
        [
            ft.Row(
                [
                    StatusPill(
                        status_line(current.status, current.asked_on, current.received_on, today),
                        current.status,
                        key="request-status",
                    )
                    if current
                    else StatusPill(status_line("not_asked", None, None, today), "not_asked", key="request-status")
                ]
            ),
            RequestComposer(
                current.id if current else None, version, lambda: set_version(version + 1), application_id=app.id
            ),
        ],
        spacing=10,
        tight=True,
    )
    when = ft.Column(
        [
            ft.Text(
                f"You can apply to {who} again from {day(reapply, today=today)}."
                if reapply
                else "No reapply date set.",
                weight=ft.FontWeight.W_600,
                key="reapply-date",
            ),
            Muted(
                "Three to six months is usual, unless a role that fits you better opens sooner. "
                "We'll remind you on Today when the day comes."
            ),
            *([ft.Text(error, color=ft.Colors.ERROR)] if error else []),
            ft.Row(
                [
                    ft.OutlinedButton("Pick a date", icon=ft.Icons.EVENT, on_click=lambda: open_picker()),
                    ft.TextButton("3 months", on_click=lambda: save_reapply(add_months(today, 3))),
                    ft.TextButton("6 months", on_click=lambda: save_reapply(add_months(today, 6))),
                    *([ft.TextButton("No date", on_click=lambda: save_reapply(None))] if reapply else []),
                ],
                wrap=True,
                spacing=4,
                run_spacing=4,
            ),
        ],
        spacing=8,
        tight=True,
    )
    if app.role:
        sorry = f"Sorry about the {app.role} role" + (f" at {app.company}." if app.company else ".")
    else:
        sorry = f"Sorry about {app.company}." if app.company else "Sorry it was a no this time."
    return Screen(
        "After a no",
        [
            ft.Container(
                key="reframe",
                content=ft.Row(
                    [
                        ft.Icon(ft.Icons.FAVORITE_OUTLINE, color=ft.Colors.PRIMARY),
                        ft.Column(
                            [
                                ft.Text(sorry, weight=ft.FontWeight.W_600),
                                ft.Text(REFRAME),
                                Muted("Three small steps below, at your pace. Skip any of them."),
                            ],
                            spacing=6,
                            tight=True,
                            expand=True,
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                bgcolor=ft.Colors.PRIMARY_CONTAINER,
                border_radius=12,
                padding=16,
            ),
            InterviewNotes(app.id),
            Step(
                1,
                "How do you feel?",
                feel,
                done=mood is not None,
                skipped="feel" in skipped,
                on_skip=lambda on: skip("feel", on),
                key="step-feel",
            ),
            Step(
                2,
                "Ask for feedback",
                ask,
                done=current is not None and current.status != "not_asked",
                skipped="ask" in skipped,
                on_skip=lambda on: skip("ask", on),
                key="step-ask",
            ),
            Step(
                3,
                "When to try again",
                when,
                done=reapply is not None,
                skipped="when" in skipped,
                on_skip=lambda on: skip("when", on),
                key="step-when",
            ),
            ft.Row(
                [
                    ft.TextButton("Open the feedback record", on_click=lambda: open_record()),
                    ft.FilledButton("Done", icon=ft.Icons.CHECK, on_click=lambda: page.navigate("/applications")),
                ],
                alignment=ft.MainAxisAlignment.END,
                wrap=True,
            ),
        ],
    )
