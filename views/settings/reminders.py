"""Reminders in Settings: on/off for all and for each, their times, quiet hours, a test."""

from __future__ import annotations

from datetime import time

import flet as ft

from services.errors import ValidationError
from services.reminders import QuietHours, RuleChoice
from views.common.fields import TextInput
from views.common.layout import Section
from views.context import use_services
from views.settings.reminder_delivery import BACKEND_WORDS, PermissionStatus, explain_then_ask
from views.settings.toggles import ToggleRow, time_label

TIME_WIDTH = 112


@ft.component
def ReminderRow(choice: RuleChoice, quiet: QuietHours):
    reminders = use_services().reminders
    kind, label = choice.kind, choice.label
    on, set_on = ft.use_state(choice.on)
    at, set_at = ft.use_state(choice.at)
    error, set_error = ft.use_state(None)
    in_quiet = bool(at) and quiet.contains(time.fromisoformat(at))

    def toggle(value: bool):
        reminders.set_kind_enabled(kind=kind, on=value)
        set_on(value)

    def save_time(e: ft.Event):
        if (e.control.value or "").strip() == at and error is None:
            return  # leaving the field unchanged saves nothing (the default stays a default)
        try:
            set_at(reminders.set_time(kind=kind, at=e.control.value or ""))
            set_error(None)
        except ValidationError as exc:
            set_error(exc.errors.get("time"))

    rows: list[ft.Control] = [ToggleRow(label, on, toggle, key=f"reminder-{kind}")]
    if at:
        hint = "In quiet hours: it waits until they end." if choice.once_each else "In quiet hours, so it stays silent."
        rows.append(
            ft.Row(
                [
                    TextInput(
                        key=f"reminder-{kind}-time",
                        value=at,
                        label=time_label("Time", f"Time for: {label}"),
                        width=TIME_WIDTH,
                        dense=True,
                        error=error,
                        on_blur=save_time,
                        on_submit=save_time,
                        disabled=not on,
                    ),
                    ft.Text(hint, size=12, color=ft.Colors.ON_SURFACE_VARIANT, visible=in_quiet and on, expand=True),
                ],
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            )
        )
    return ft.Column(rows, spacing=10, tight=True)


@ft.component
def QuietHoursRow(quiet: QuietHours, set_quiet):
    reminders = use_services().reminders
    errors, set_errors = ft.use_state({})

    def toggle(on: bool):  # keeps the saved times, whatever a field holds
        set_quiet(reminders.set_quiet_hours(on=on))

    def field(name: str, shown: str, spoken: str) -> ft.Control:
        def save(e: ft.Event):
            try:
                set_quiet(reminders.set_quiet_hours(on=quiet.on, **{name: e.control.value or ""}))
                set_errors({})
            except ValidationError as exc:
                set_errors(exc.errors)

        return TextInput(
            key=f"quiet-{name}",
            value=f"{getattr(quiet, name):%H:%M}",
            label=time_label(shown, spoken),
            width=TIME_WIDTH,
            dense=True,
            error=errors.get(f"quiet_{name}"),
            on_blur=save,
            on_submit=save,
            disabled=not quiet.on,
        )

    return ft.Column(
        [
            ToggleRow("Quiet hours: no notifications overnight", quiet.on, toggle, key="quiet-hours"),
            ft.Row(
                [field("start", "From", "Quiet hours from"), field("end", "Until", "Quiet hours until")],
                spacing=12,
                wrap=True,
            ),
        ],
        spacing=10,
        tight=True,
    )


@ft.component
def RemindersSection():
    services = use_services()
    reminders = services.reminders
    scheduler = reminders.scheduler
    page = ft.context.page
    shown, set_shown = ft.use_state(0)  # bumped when the rows come back: read them afresh
    choices = ft.use_memo(reminders.choices, [shown])  # one read for the whole section
    enabled, set_enabled = ft.use_state(choices.enabled)
    quiet, set_quiet = ft.use_state(choices.quiet)
    permission, set_permission = ft.use_state(None)  # None until the phone (if any) has answered
    result, set_result = ft.use_state("")

    async def read_permission():
        set_permission(await scheduler.permission())

    ft.on_mounted(read_permission)

    async def ask():
        set_permission(await scheduler.permission(ask=True))

    def toggle_all(value: bool):
        reminders.set_enabled(on=value)
        set_enabled(value)
        set_shown(lambda n: n + 1)
        if value and permission == "not-asked":  # the moment it makes sense to ask
            explain_then_ask(page, ask)

    async def test():
        backend = await reminders.send_test()
        set_result(BACKEND_WORDS.get(backend, BACKEND_WORDS["system"]))

    controls: list[ft.Control] = [
        ToggleRow("Gentle reminders", enabled, toggle_all, key="reminders-all"),
        PermissionStatus(
            permission,
            on_allow=lambda e: explain_then_ask(page, ask),
            on_open_settings=lambda e: page.run_task(scheduler.open_system_settings),
        ),
    ]
    if enabled:
        controls += [ReminderRow(choice, quiet, key=choice.kind) for choice in choices.rules]
        controls.append(QuietHoursRow(quiet, set_quiet))
    controls += [
        ft.Row([ft.OutlinedButton("Send a test notification", icon=ft.Icons.NOTIFICATIONS_OUTLINED, on_click=test)]),
        ft.Text(result, size=13, visible=bool(result)),
    ]
    return Section(
        "Reminders",
        ft.Column(controls, spacing=18, tight=True),
        subtitle="At most one of each a day, and never once you've done the thing. On rest days the nudge to apply stays quiet.",
    )
