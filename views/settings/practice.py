import flet as ft

from services.errors import ValidationError
from views.common.fields import TextInput
from views.common.layout import Section
from views.context import use_services


@ft.component
def PracticeSettingsSection():
    practice = use_services().practice
    per_day, set_per_day = ft.use_state(practice.schedule.new_per_day)
    error, set_error = ft.use_state(None)
    result, set_result = ft.use_state("")

    def save(e: ft.Event):
        raw = (e.control.value or "").strip()
        try:
            if not raw.isdigit():
                raise ValidationError.single("new_per_day", "Please enter a whole number, like 10.")
            practice.schedule.set_new_per_day(limit=int(raw))
        except ValidationError as exc:
            set_error(exc.errors.get("new_per_day"))
            return
        set_error(None)
        set_per_day(int(raw))

    def restore():
        outcome = practice.starter.restore_starter_deck()
        if not outcome.ok:
            set_result(outcome.message or "The built-in questions couldn't be added just now.")
        elif outcome.added:
            set_result(f"Added {outcome.added} built-in question{'s' if outcome.added != 1 else ''} back to your deck.")
        else:
            set_result("All the built-in questions are already in your deck.")

    return Section(
        "Practice",
        ft.Column(
            [
                TextInput(
                    key="new-per-day",
                    label="New questions per day",
                    value=str(per_day),
                    error=error,
                    width=220,
                    keyboard_type=ft.KeyboardType.NUMBER,
                    on_blur=save,
                    on_submit=save,
                ),
                ft.Row(
                    [ft.OutlinedButton("Restore starter questions", icon=ft.Icons.RESTORE, on_click=restore)],
                    wrap=True,
                ),
                ft.Text(result, size=13, visible=bool(result)),
            ],
            spacing=8,
            tight=True,
        ),
        subtitle="How many unseen questions join your practice each day, and the built-in questions if you deleted some.",
    )
