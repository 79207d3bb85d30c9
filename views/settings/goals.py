"""Goals in Settings: daily and weekly targets, rest days, and whether to show a streak."""

from __future__ import annotations

import flet as ft

from services.errors import ValidationError
from views.applications.format import snack
from views.common.layout import Section
from views.context import use_services

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _whole(text: str | None, field: str) -> int:
    raw = (text or "").strip()
    if not raw.isdigit():
        raise ValidationError.single(field, "Please enter a whole number, like 3.")
    return int(raw)


@ft.component
def GoalsSection():
    services = use_services()
    goals = ft.use_memo(services.goals.current_goals, [])
    daily, set_daily = ft.use_state(str(goals.daily_target))
    weekly, set_weekly = ft.use_state(str(goals.weekly_target))
    rest, set_rest = ft.use_state(set(goals.rest_weekdays))
    streak, set_streak = ft.use_state(services.goals.show_streak)
    errors, set_errors = ft.use_state({})

    def save():
        try:
            found: dict[str, str] = {}
            values = {}
            for name, text in (("daily_target", daily), ("weekly_target", weekly)):
                try:
                    values[name] = _whole(text, name)
                except ValidationError as exc:
                    found.update(exc.errors)
            if found:
                raise ValidationError(found)
            services.goals.set_goals(rest_weekdays=sorted(rest), **values)
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_errors({})
        snack("Goals saved. They count from today; earlier days keep the goals they had.")

    def toggle_rest(day: int, on: bool):
        set_rest(lambda r: (r | {day}) if on else (r - {day}))

    def toggle_streak(e):
        services.goals.set_show_streak(show=bool(e.control.value))
        set_streak(bool(e.control.value))

    return Section(
        "Goals",
        ft.Column(
            [
                ft.Row(
                    [
                        ft.TextField(key="goal-daily", label="Applications a day", value=daily, width=180,
                                     error=errors.get("daily_target"), keyboard_type=ft.KeyboardType.NUMBER,
                                     on_change=lambda e: set_daily(e.control.value or "")),
                        ft.TextField(key="goal-weekly", label="Applications a week", value=weekly, width=180,
                                     error=errors.get("weekly_target"), keyboard_type=ft.KeyboardType.NUMBER,
                                     on_change=lambda e: set_weekly(e.control.value or "")),
                    ],
                    wrap=True, spacing=12, run_spacing=12,
                ),
                ft.Text("Rest days (they never lower your consistency)", size=13),
                ft.Row(
                    [
                        ft.Chip(label=ft.Text(name), selected=i in rest, key=f"rest-{i}",
                                on_select=lambda e, i=i: toggle_rest(i, bool(e.control.selected)))
                        for i, name in enumerate(WEEKDAYS)
                    ],
                    wrap=True, spacing=6, run_spacing=6,
                ),
                ft.Text(errors.get("rest_weekdays", ""), color=ft.Colors.ERROR, size=12, visible="rest_weekdays" in errors),
                ft.Switch(label="Show a streak on Today", value=streak, on_change=toggle_streak),
                ft.Row([ft.FilledButton("Save goals", on_click=save)]),
            ],
            spacing=10,
            tight=True,
        ),
        subtitle="Pick goals you can keep on an ordinary day; consistency matters more than big bursts.",
    )
