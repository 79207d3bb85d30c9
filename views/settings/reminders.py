import flet as ft

from services.errors import ValidationError
from views.common.layout import Section
from views.context import use_services

BACKEND_WORDS = {
    "system": "Sent. It should appear in your system's notifications.",
    "in-app": "This device has no notification service we can use, so reminders show inside Bounceback while it's open.",
    "recording": "Sent.",
    "none": "We couldn't show a notification here. Reminders will wait for you inside the app.",
}


@ft.component
def ReminderRow(kind: str, label: str):
    services = use_services()
    reminders = services.reminders
    on, set_on = ft.use_state(lambda: reminders.kind_enabled(kind))
    at, set_at = ft.use_state(lambda: reminders.time_for(kind))
    error, set_error = ft.use_state(None)

    def toggle(e: ft.Event):
        reminders.set_kind_enabled(kind=kind, on=bool(e.control.value))
        set_on(bool(e.control.value))

    def save_time(e: ft.Event):
        try:
            set_at(reminders.set_time(kind=kind, at=e.control.value or ""))
            set_error(None)
        except ValidationError as exc:
            set_error(exc.errors.get("time"))

    return ft.Row(
        [
            ft.Switch(label=label, value=on, on_change=toggle, expand=True),
            ft.TextField(
                value=at,
                label="At",
                width=96,
                dense=True,
                error=error,
                on_blur=save_time,
                on_submit=save_time,
                disabled=not on,
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


@ft.component
def RemindersSection():
    services = use_services()
    reminders = services.reminders
    enabled, set_enabled = ft.use_state(reminders.enabled)
    result, set_result = ft.use_state("")

    def toggle_all(e: ft.Event):
        reminders.set_enabled(on=bool(e.control.value))
        set_enabled(bool(e.control.value))

    def test():
        set_result(BACKEND_WORDS.get(reminders.send_test(), BACKEND_WORDS["system"]))

    rows = [ReminderRow(r.kind, r.label, key=r.kind) for r in reminders.rules] if enabled else []
    return Section(
        "Reminders",
        ft.Column(
            [
                ft.Switch(label="Gentle reminders", value=enabled, on_change=toggle_all),
                *rows,
                ft.Row([ft.OutlinedButton("Send a test notification", icon=ft.Icons.NOTIFICATIONS_OUTLINED, on_click=test)]),
                ft.Text(result, size=13, visible=bool(result)),
            ],
            spacing=8,
            tight=True,
        ),
        subtitle="At most one of each a day, and never once you've done the thing. On rest days the nudge to apply stays quiet.",
    )
