"""The full mood form: face, feelings, intensity, note, self-care, a linked application.

Routes: /mood/new, /mood/new/:application_id (about that application, e.g. a
rejection) and /mood/entry/:entry_id (edit).
"""

from __future__ import annotations

import flet as ft

from services.errors import NotFound, ValidationError
from views.common.fields import TextInput
from views.common.layout import Screen, Section
from views.common.named import NamedDropdown
from views.context import use_services, use_viewport
from views.mood.faces import FacePicker
from views.mood.reframe import show_reframe
from views.mood.words import WordPicker

NO_LINK = "none"


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@ft.component
def MoodFormScreen():
    services = use_services()
    narrow = use_viewport().narrow
    params = ft.use_route_params()
    entry_id = _int(params.get("entry_id"))
    linked_id = _int(params.get("application_id"))

    def load():
        if entry_id is None:
            return None
        try:
            return services.mood.get_entry(entry_id=entry_id)
        except NotFound:
            return None

    entry = ft.use_memo(load, [entry_id])
    vocabulary = ft.use_memo(services.mood.vocabulary, [])
    choices = ft.use_memo(lambda: services.mood.application_choices(), [])
    rejected_link = ft.use_memo(
        lambda: linked_id is not None and services.mood.application_is_rejected(application_id=linked_id), [linked_id]
    )

    initial = {
        "mood": entry.mood if entry else None,
        "feelings": list(entry.feelings) if entry else [],
        "intensity": entry.intensity if entry else None,
        "note": entry.note if entry else "",
        "activities": list(entry.activities) if entry else [],
        "application_id": entry.application_id if entry else linked_id,
        "about_rejection": entry.about_rejection if entry else bool(rejected_link),
    }
    # The draft is what Save reads: events can outrun re-renders (type, tap, Save in
    # quick succession), so handlers write here first instead of trusting a closure.
    draft = ft.use_ref(lambda: dict(initial))
    form, set_form = ft.use_state(lambda: dict(initial))
    errors, set_errors = ft.use_state({})

    def put(name: str, value) -> None:
        draft.current[name] = value
        set_form(dict(draft.current))

    def remember_note(value: str) -> None:
        # Typing only updates the draft (what Save reads); nothing on screen depends on it.
        draft.current["note"] = value

    def toggle_word(name: str, word: str) -> None:
        words = draft.current[name]
        put(name, [w for w in words if w != word] if word in words else [*words, word])

    def add_word(name: str, word: str) -> None:
        if word not in draft.current[name]:
            put(name, [*draft.current[name], word])

    page = ft.context.page
    if entry_id is not None and entry is None:
        return Screen("Mood", [ft.Text("That entry isn't there any more."), _BackButton()])

    def save():
        fields = dict(draft.current)
        try:
            if entry is None:
                saved = services.mood.log_entry(**fields)
            else:
                saved = services.mood.edit_entry(entry_id=entry.id, **fields)
        except ValidationError as err:
            set_errors(err.errors)
            return
        set_errors({})
        page.navigate("/mood")
        if saved.about_rejection and entry is None:
            show_reframe(page)
        else:
            page.show_dialog(ft.SnackBar(ft.Text("Saved. Thanks for checking in with yourself.")))

    link_options = [ft.DropdownOption(key=NO_LINK, text="Not linked")] + [
        ft.DropdownOption(key=str(i), text=label) for i, label in choices
    ]
    application_id = form["application_id"]
    if application_id is not None and not any(i == application_id for i, _ in choices):
        link_options.append(ft.DropdownOption(key=str(application_id), text="The linked application"))

    feelings_groups = [*vocabulary.feeling_groups]
    if vocabulary.own_feelings:
        feelings_groups.append(("Your own words", vocabulary.own_feelings))
    activity_groups = [("Ideas", vocabulary.activities)]
    if vocabulary.own_activities:
        activity_groups.append(("Your own", vocabulary.own_activities))

    return Screen(
        "Edit entry" if entry else "How are you feeling?",
        [
            Section(
                "Your mood",
                ft.Column(
                    [
                        FacePicker(form["mood"], lambda m: put("mood", m)),
                        *([ft.Text(errors["mood"], color=ft.Colors.ERROR)] if "mood" in errors else []),
                    ],
                    tight=True,
                ),
                subtitle="Pick the face that fits best right now. Everything else is optional.",
            ),
            Section(
                "Name it",
                ft.Column(
                    [
                        WordPicker(
                            title="Feelings",
                            groups=feelings_groups,
                            selected=form["feelings"],
                            on_toggle=lambda w: toggle_word("feelings", w),
                            on_add=lambda w: add_word("feelings", w),
                            field_label="Find or add a feeling",
                            error=errors.get("feelings"),
                        ),
                        ft.Text("How strong is it?", weight=ft.FontWeight.W_600),
                        ft.SegmentedButton(
                            key="intensity",
                            segments=[
                                ft.Segment(value=str(i), label=ft.Text(str(i), semantics_label=f"Strength {i} of 5"))
                                for i in range(1, 6)
                            ],
                            selected=[str(form["intensity"])] if form["intensity"] else [],
                            allow_empty_selection=True,
                            show_selected_icon=False,
                            on_change=lambda e: put(
                                "intensity", int(e.control.selected[0]) if e.control.selected else None
                            ),
                        ),
                        ft.Text(
                            "1 is a whisper, 5 fills the room. Tap again to clear.",
                            size=12,
                            color=ft.Colors.ON_SURFACE_VARIANT,
                        ),
                    ],
                    spacing=10,
                    tight=True,
                ),
                subtitle="Putting a feeling into words tends to take a little of its weight away.",
            ),
            Section(
                "Journal",
                ft.Row(
                    [
                        TextInput(
                            key="note",
                            label="What's on your mind? (optional)",
                            value=draft.current["note"],
                            multiline=True,
                            min_lines=3,
                            max_lines=10,
                            on_change=remember_note,
                            error=errors.get("note"),
                            expand=True,
                        )
                    ]
                ),
            ),
            Section(
                "Looking after yourself",
                WordPicker(
                    title="Self-care today",
                    groups=activity_groups,
                    selected=form["activities"],
                    on_toggle=lambda w: toggle_word("activities", w),
                    on_add=lambda w: add_word("activities", w),
                    field_label="Find or add self-care",
                    error=errors.get("activities"),
                ),
            ),
            Section(
                "About an application",
                ft.Column(
                    [
                        ft.Row(
                            [
                                NamedDropdown(
                                    key="application",
                                    label="Linked application (optional)",
                                    options=link_options,
                                    fit=30 if narrow else None,  # names can be long; the menu shows them whole
                                    value=str(application_id) if application_id is not None else NO_LINK,
                                    on_select=lambda e: put(
                                        "application_id", _int(e.control.value if e.control.value != NO_LINK else None)
                                    ),
                                    error_text=errors.get("application_id"),
                                    expand=True,
                                )
                            ]
                        ),
                        ft.Checkbox(
                            label="This is about a rejection",
                            value=form["about_rejection"],
                            on_change=lambda e: put("about_rejection", bool(e.control.value)),
                        ),
                    ],
                    tight=True,
                    spacing=8,
                ),
            ),
            ft.Row(
                [
                    _BackButton("Cancel"),
                    ft.FilledButton("Save entry", icon=ft.Icons.CHECK, on_click=lambda: save()),
                ],
                alignment=ft.MainAxisAlignment.END,
            ),
        ],
    )


def _BackButton(text: str = "Back to Mood") -> ft.Control:
    return ft.TextButton(text, on_click=lambda: ft.context.page.navigate("/mood"))
