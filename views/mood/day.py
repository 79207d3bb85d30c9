"""One day's entries (/mood/day/:day), each with edit and delete."""

from __future__ import annotations

from datetime import date

import flet as ft

from services.mood import MoodRecord
from views.common.dialogs import confirm
from views.common.layout import EmptyState, Screen
from views.context import use_services
from views.mood.faces import FACE_ICONS, MOOD_COLORS, ON_MOOD_COLOR, mood_label


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def _details(entry: MoodRecord) -> list[ft.Control]:
    out: list[ft.Control] = []
    if entry.feelings:
        out.append(ft.Text("Felt: " + ", ".join(entry.feelings)))
    if entry.intensity:
        out.append(ft.Text(f"Strength: {entry.intensity} of 5", size=13, color=ft.Colors.ON_SURFACE_VARIANT))
    if entry.activities:
        out.append(ft.Text("Self-care: " + ", ".join(entry.activities)))
    if entry.about_rejection:
        out.append(ft.Text("About a rejection", size=13, color=ft.Colors.ON_SURFACE_VARIANT))
    if entry.note:
        out.append(ft.Text(entry.note))
    return out


@ft.component
def EntryCard(entry: MoodRecord, tz, on_delete):
    page = ft.context.page
    at = entry.logged_at.astimezone(tz)
    return ft.Card(
        semantic_container=False,  # keep buttons and fields inside separately addressable
        key=f"entry-{entry.id}",
        margin=0,
        content=ft.Container(
            padding=16,
            content=ft.Column(
                [
                    ft.Row(
                        [
                            ft.Container(
                                content=ft.Icon(FACE_ICONS[entry.mood], size=28, color=ON_MOOD_COLOR),
                                bgcolor=MOOD_COLORS[entry.mood],
                                border_radius=20,
                                padding=4,
                            ),
                            ft.Column(
                                [
                                    ft.Text(
                                        f"{mood_label(entry.mood).capitalize()} ({entry.mood} of 5)",
                                        weight=ft.FontWeight.W_600,
                                    ),
                                    ft.Text(f"{at:%H:%M}", size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                                ],
                                spacing=0,
                                tight=True,
                                expand=True,
                            ),
                        ]
                    ),
                    *_details(entry),
                    ft.Row(
                        [
                            # Named with the time: a day can hold several entries.
                            ft.TextButton(
                                content=ft.Text("Edit", semantics_label=f"Edit the {at:%H:%M} entry"),
                                icon=ft.Icons.EDIT_OUTLINED,
                                on_click=lambda: page.navigate(f"/mood/entry/{entry.id}"),
                            ),
                            ft.TextButton(
                                content=ft.Text("Delete", semantics_label=f"Delete the {at:%H:%M} entry"),
                                icon=ft.Icons.DELETE_OUTLINE,
                                on_click=lambda: on_delete(entry),
                            ),
                        ],
                        alignment=ft.MainAxisAlignment.END,
                        spacing=0,
                    ),
                ],
                spacing=8,
                tight=True,
            ),
        ),
    )


@ft.component
def MoodDayScreen():
    services = use_services()
    day = _parse(ft.use_route_params().get("day"))
    version, set_version = ft.use_state(0)
    entries = ft.use_memo(lambda: services.mood.entries_on(day=day) if day else [], [day, version])
    page = ft.context.page
    tz = services.clock.now().tzinfo

    def delete(entry: MoodRecord):
        def really():
            services.mood.delete_entry(entry_id=entry.id)
            set_version(lambda v: v + 1)
            page.show_dialog(ft.SnackBar(ft.Text("Entry deleted.")))

        confirm(
            title="Delete this entry?",
            text="It will be gone from your history. This can't be undone.",
            confirm_label="Delete",
            on_confirm=really,
        )

    back = ft.TextButton("Back to Mood", icon=ft.Icons.ARROW_BACK, on_click=lambda: page.navigate("/mood"))
    if day is None:
        return Screen("Mood", [ft.Text("That day couldn't be found."), back])
    title = f"{day:%A} {day.day} {day:%B %Y}"
    body: list[ft.Control]
    if entries:
        body = [EntryCard(e, tz, delete, key=f"card-{e.id}") for e in entries]
    else:
        body = [EmptyState(ft.Icons.EVENT_AVAILABLE, "Nothing logged this day", "That's fine: rest days count too.")]
    return Screen(title, [back, *body])
