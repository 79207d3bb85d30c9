"""Goals in Settings: daily and weekly targets, rest days, and whether to show a streak.

Everything saves as it changes, like the theme and the reminders: a number when
its field loses focus (or on Enter), a rest day when its chip is tapped. A bad
number is explained at its field and nothing else is touched; a small "Saved"
confirms the rest.
"""

from __future__ import annotations

import flet as ft

from services.errors import ValidationError
from views.common.fields import TextInput
from views.common.layout import Section
from views.context import use_services

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TARGET_FIELDS = ("daily_target", "weekly_target")


def _whole(text: str | None, field: str) -> int:
    raw = (text or "").strip()
    if not raw.isdigit():
        raise ValidationError.single(field, "Please enter a whole number, like 3.")
    return int(raw)


@ft.component
def GoalsSection():
    services = use_services()
    saved, set_saved = ft.use_state(services.goals.current_goals)
    typed = ft.use_ref(lambda: {"daily_target": str(saved.daily_target), "weekly_target": str(saved.weekly_target)})
    streak, set_streak = ft.use_state(services.goals.show_streak)
    errors, set_errors = ft.use_state({})
    note, set_note = ft.use_state("")

    def store(**change) -> None:
        """Save one change on top of the goals as last saved."""
        values = {
            "daily_target": saved.daily_target, "weekly_target": saved.weekly_target,
            "rest_weekdays": list(saved.rest_weekdays), **change,
        }
        if values == {"daily_target": saved.daily_target, "weekly_target": saved.weekly_target,
                      "rest_weekdays": list(saved.rest_weekdays)}:
            set_errors(lambda e: {k: v for k, v in e.items() if k not in change})
            return
        try:
            goals = services.goals.set_goals(**values)
        except ValidationError as exc:
            found = exc.errors  # `exc` is gone once the except block ends; the update may run later
            set_errors(lambda e: {**e, **found})
            set_note("")
            return
        set_errors(lambda e: {k: v for k, v in e.items() if k not in change})
        set_saved(goals)
        set_note("Saved. New goals count from today; earlier days keep theirs.")

    def save_target(name: str) -> None:
        try:
            store(**{name: _whole(typed.current[name], name)})
        except ValidationError as exc:
            found = exc.errors  # `exc` is gone once the except block ends; the update may run later
            set_errors(lambda e: {**e, **found})
            set_note("")

    def typing(name: str, text: str) -> None:
        typed.current = {**typed.current, name: text}

    def toggle_rest(day: int, on: bool) -> None:
        rest = set(saved.rest_weekdays)
        store(rest_weekdays=sorted(rest | {day} if on else rest - {day}))

    def toggle_streak(e) -> None:
        services.goals.set_show_streak(show=bool(e.control.value))
        set_streak(bool(e.control.value))

    def target_field(name: str, label: str, key: str) -> ft.TextField:
        return TextInput(
            key=key, label=label, value=typed.current[name], width=180, error=errors.get(name),
            keyboard_type=ft.KeyboardType.NUMBER,
            on_change=lambda text: typing(name, text),
            on_blur=lambda e: save_target(name),
            on_submit=lambda e: save_target(name),
        )

    return Section(
        "Goals",
        ft.Column(
            [
                ft.Row(
                    [
                        target_field("daily_target", "Applications a day", "goal-daily"),
                        target_field("weekly_target", "Applications a week", "goal-weekly"),
                    ],
                    wrap=True, spacing=12, run_spacing=12,
                ),
                ft.Text("Rest days (they never lower your consistency)", size=13),
                ft.Row(
                    [
                        ft.Chip(label=ft.Text(name), selected=i in saved.rest_weekdays, key=f"rest-{i}",
                                on_select=lambda e, i=i: toggle_rest(i, bool(e.control.selected)))
                        for i, name in enumerate(WEEKDAYS)
                    ],
                    wrap=True, spacing=6, run_spacing=6,
                ),
                ft.Text(errors.get("rest_weekdays", ""), color=ft.Colors.ERROR, size=12, visible="rest_weekdays" in errors),
                ft.Switch(label="Show a streak on Today", value=streak, on_change=toggle_streak),
                ft.Row(
                    [ft.Icon(ft.Icons.CHECK_CIRCLE_OUTLINE, size=16, color=ft.Colors.PRIMARY),
                     ft.Text(note, size=13, color=ft.Colors.ON_SURFACE_VARIANT, expand=True)],
                    key="goals-saved", visible=bool(note), spacing=6,
                ),
            ],
            spacing=10,
            tight=True,
        ),
        subtitle="Pick goals you can keep on an ordinary day; steady beats big bursts. Changes save as you go.",
    )
