"""Right after a "no": how you feel, asking for feedback, and when to try again.

Route /feedback/after-rejection/:application_id (Applications goes here when an
application is marked rejected). Three steps on one screen, each skippable.
"""

from __future__ import annotations

from datetime import date

import flet as ft

from services.applications import add_months, reapply_date
from services.dates import day_text, on_day
from services.errors import NotFound, ValidationError
from views.common.dates import DayPicker
from views.common.layout import EmptyState, Screen
from views.context import use_services
from views.feedback.common import Muted, parse_id, toast
from views.feedback.rejection_steps import AskStep, Step, feel_step
from views.interviews.notes import InterviewNotes
from views.theme import CARE_ACCENT, CARE_TINT

REFRAME = (
    "A no often comes down to things you never see: budget, timing, who is already on the team, "
    "a role that quietly changed. It isn't a verdict on your worth."
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
    # What was noted about this no before: today's entry is edited, an older one is kept.
    earlier = ft.use_memo(lambda: services.mood.latest_about(application_id=application_id) if app else None, [app])
    today_entry = earlier if earlier is not None and earlier.day == services.clock.today() else None
    mood, set_mood = ft.use_state(lambda: today_entry.mood if today_entry else None)
    entry_id, set_entry_id = ft.use_state(lambda: today_entry.id if today_entry else None)
    entry_ref = ft.use_ref(lambda: entry_id)  # a second quick tap must edit, not log twice
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
    rejected_on = app.status_on if app.status == "rejected" else today  # the wait counts from the no

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
        toast(f"We'll let you know {on_day(on, today)}." if on else "No date set to apply again.")

    def open_record():
        record = services.feedback.start_for_application(application_id=app.id)  # the user asked for it
        page.navigate(f"/feedback/{record.id}")

    def open_picker():
        page.show_dialog(
            DayPicker(
                clock=services.clock,
                value=reapply or reapply_date(rejected_on),
                first=max(today, app.applied_on),
                last=add_months(today, 36),
                help_text="Apply again from",
                on_pick=save_reapply,
            )
        )

    feel = feel_step(earlier=earlier, mood=mood, entry_id=entry_id, app_id=app.id, today=today, on_pick=pick_mood)
    ask = AskStep(current, app.id, version, lambda: set_version(lambda v: v + 1))
    when = ft.Column(
        [
            ft.Text(
                f"You can apply to {who} again from {day_text(reapply, today)}."
                if reapply
                else "No date set to apply again.",
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
                    ft.TextButton("3 months", on_click=lambda: save_reapply(reapply_date(rejected_on))),
                    ft.TextButton("6 months", on_click=lambda: save_reapply(reapply_date(rejected_on, 6))),
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
                        ft.Icon(ft.Icons.FAVORITE_OUTLINE, color=CARE_ACCENT),
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
                bgcolor=CARE_TINT,
                border_radius=12,
                padding=16,
            ),
            Step(
                1,
                "How do you feel?",
                feel,
                done=mood is not None or earlier is not None,
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
                "When to apply there again",
                when,
                done=reapply is not None,
                skipped="when" in skipped,
                on_skip=lambda on: skip("when", on),
                key="step-when",
            ),
            InterviewNotes(app.id),  # after the care and the steps: at hand for the feedback record
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
