"""'How did it go?': a face, a few feelings and a line, saved as a mood entry about the application."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.errors import ValidationError
from services.interviews import InterviewInfo
from views.common.fields import TextInput
from views.context import use_services
from views.interviews.format import Muted
from views.mood.faces import FacePicker

# Feelings people often name after an interview, from the mood vocabulary; the Mood form has them all.
AFTER_FEELINGS = ("relieved", "proud", "hopeful", "confident", "curious", "calm",
                  "tired", "drained", "anxious", "doubtful", "frustrated", "disappointed")


@ft.component
def CheckIn(i: InterviewInfo, on_saved: Callable[[], None]):
    services = use_services()
    page = ft.context.page
    entry = ft.use_memo(lambda: services.mood.get_entry(entry_id=i.mood_entry_id) if i.mood_entry_id else None,
                        [i.mood_entry_id])
    mood, set_mood = ft.use_state(lambda: entry.mood if entry else None)
    feelings, set_feelings = ft.use_state(lambda: list(entry.feelings) if entry else [])
    note = ft.use_ref(lambda: entry.note if entry else "")
    error, set_error = ft.use_state(None)

    def toggle(word: str) -> None:
        set_feelings(lambda f: [w for w in f if w != word] if word in f else [*f, word])

    def save() -> None:
        if mood is None:
            set_error("Pick the face that fits first.")
            return
        try:
            services.interviews.after.check_in(interview_id=i.id, mood=mood, feelings=feelings, note=note.current)
        except ValidationError as exc:
            set_error(next(iter(exc.errors.values())))
            return
        set_error(None)
        on_saved()
        page.show_dialog(ft.SnackBar(ft.Text("Saved. However it went, you showed up for it.")))

    shown = [*AFTER_FEELINGS, *(w for w in feelings if w not in AFTER_FEELINGS)]
    return ft.Column(
        [
            FacePicker(mood, set_mood),
            Muted("Feelings (pick any)"),
            ft.Row([ft.Chip(label=w, key=f"feeling-{w}", selected=w in feelings, on_select=lambda _, w=w: toggle(w))
                    for w in shown], wrap=True, spacing=6, run_spacing=6),
            TextInput(label="A line about it (optional)", value=note.current, multiline=True, min_lines=2,
                         max_lines=6, key="checkin-note", on_change=lambda text: setattr(note, "current", text)),
            *([ft.Text(error, color=ft.Colors.ERROR)] if error else []),
            ft.Row(
                [ft.FilledButton("Update check-in" if entry else "Save check-in", icon=ft.Icons.CHECK,
                                 key="save-checkin", on_click=save),
                 *([ft.TextButton("More in Mood", on_click=lambda: page.navigate(f"/mood/entry/{entry.id}"))]
                   if entry else [])],
                wrap=True,
            ),
        ],
        spacing=10,
        tight=True,
    )
