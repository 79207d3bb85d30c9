"""One feedback record: the request, what they said beside the theme guide,
your reflection, action items, and "turn into practice". Route /feedback/:feedback_id."""

from __future__ import annotations

import flet as ft

from models.feedback import FeedbackUpdate
from services.dates import on_day
from services.errors import NotFound, ValidationError
from services.feedback import themes
from views.common.dialogs import confirm
from views.common.fields import TextInput
from views.common.layout import EmptyState, Screen, Section
from views.common.named import NamedIconButton
from views.context import use_services
from views.feedback.actions import ActionList
from views.feedback.common import (
    FullWidth,
    Muted,
    StatusPill,
    parse_id,
    status_line,
    toast,
    use_draft,
)
from views.feedback.guide import GuideCard, SuggestedTheme, ThemeDropdown
from views.feedback.practice import PracticeMaker
from views.feedback.request import RequestComposer
from views.interviews.notes import InterviewNotes


def BackToList() -> ft.Control:
    return ft.TextButton(
        "All feedback", icon=ft.Icons.ARROW_BACK, on_click=lambda: ft.context.page.navigate("/feedback")
    )


@ft.component
def FeedbackDetailScreen():
    services = use_services()
    feedback_id = parse_id(ft.use_route_params().get("feedback_id"))
    version, set_version = ft.use_state(0)

    def load():
        try:
            return services.feedback.get(feedback_id=feedback_id) if feedback_id is not None else None
        except NotFound:
            return None

    record = ft.use_memo(load, [feedback_id, version])
    said, set_said, said_latest = use_draft(record.what_they_said if record else "")
    reflection, set_reflection, reflection_latest = use_draft(record.reflection if record else "")
    errors, set_errors = ft.use_state({})
    show_request, set_show_request = ft.use_state(False)

    if record is None:
        return Screen(
            "Feedback",
            [
                EmptyState(ft.Icons.SEARCH_OFF, "That record isn't here any more", "It may have been deleted."),
                BackToList(),
            ],
        )

    page = ft.context.page
    today = services.clock.today()
    fb = services.feedback

    def refresh():
        set_version(version + 1)

    def save_said():
        said = said_latest.current
        try:
            if record.status == "received":
                fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(what_they_said=said))
            elif said.strip():
                fb.mark_received(feedback_id=record.id, what_they_said=said)
            else:
                set_errors({"what_they_said": "Paste or type what they said first."})
                return
        except ValidationError as err:
            set_errors(err.errors)
            return
        set_errors({})
        refresh()
        toast("Saved. Reading feedback can sting; be as kind to yourself as you would be to a friend.")

    def set_theme(theme: str | None):
        fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(theme=theme))
        refresh()

    def save_reflection():
        try:
            fb.update_feedback(feedback_id=record.id, changes=FeedbackUpdate(reflection=reflection_latest.current))
        except ValidationError as err:
            set_errors(err.errors)
            return
        set_errors({})
        refresh()
        toast("Reflection saved.")

    def set_status(status: str):
        fb.set_status(feedback_id=record.id, status=status)
        refresh()

    def add_guide_steps():
        guide = themes.guide(record.theme)
        if guide:
            fb.actions.add_actions(feedback_id=record.id, texts=guide.fixes)
            refresh()
            toast("Added to your actions. Tick them off as you go.")

    def confirm_delete():
        def really():
            fb.delete_feedback(feedback_id=record.id)
            page.navigate("/feedback")
            toast("Feedback record deleted.")

        confirm(
            title="Delete this record?",
            text="What they said, your reflection and the actions go with it. The application stays.",
            confirm_label="Delete",
            on_confirm=really,
        )

    title = " at ".join(x for x in (record.role, record.company) if x) or "A rejection"
    follow_up = record.status == "asked"
    request_open = record.status in ("not_asked", "no_reply") or show_request

    request_buttons: list[ft.Control] = []
    if record.status == "asked":
        request_buttons += [
            ft.TextButton(
                "Hide follow-up" if show_request else "Write a follow-up",
                on_click=lambda: set_show_request(not show_request),
            ),
            ft.TextButton("Mark as no reply", on_click=lambda: set_status("no_reply")),
        ]
    if record.status == "received":
        request_buttons.append(
            ft.TextButton(
                "Hide message" if show_request else "Show the request message",
                on_click=lambda: set_show_request(not show_request),
            )
        )
    status_help = {
        "not_asked": "You haven't asked yet. It's optional, and often worth it.",
        "asked": "Many people hear back within a week or two, and some never do. Neither says anything about you.",
        "received": "You got an answer. That's more than many do.",
        "no_reply": "No reply. That's common, and it was still worth asking.",
    }[record.status]

    request_section = Section(
        "Asking for feedback",
        FullWidth(
            ft.Column(
                [
                    ft.Row(
                        [
                            StatusPill(
                                status_line(record.status, record.asked_on, record.received_on, today),
                                record.status,
                                key="status-chip",
                            )
                        ]
                        + request_buttons,
                        wrap=True,
                        spacing=8,
                    ),
                    Muted(status_help),
                    *([RequestComposer(record.id, version, refresh, follow_up=follow_up)] if request_open else []),
                ],
                spacing=10,
                tight=True,
            )
        ),
    )

    suggestion = SuggestedTheme(said, record.theme, set_theme)
    said_column = ft.Column(
        [
            TextInput(
                key="what-they-said",
                label="What they said",
                hint_text="Paste their reply, or write it down in your words.",
                value=said,
                multiline=True,
                min_lines=4,
                max_lines=14,
                max_length=20_000,
                on_change=set_said,
                error=errors.get("what_they_said"),
            ),
            ft.Row(
                [ft.FilledButton("Save what they said", icon=ft.Icons.SAVE_OUTLINED, on_click=lambda: save_said())],
                alignment=ft.MainAxisAlignment.END,
            ),
            *([suggestion] if suggestion else []),
            ft.Row([ThemeDropdown(record.theme, set_theme, error=errors.get("theme"))]),
        ],
        spacing=10,
        tight=True,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        col={"xs": 12, "md": 6},
    )
    guide_column = ft.Column(
        [GuideCard(record.theme, on_add_steps=add_guide_steps)], tight=True, col={"xs": 12, "md": 6}
    )

    practice_section = (
        [
            Section(
                "Turn into practice",
                PracticeMaker(record.id, version, refresh),
                subtitle="Rehearse the answers this feedback points at.",
            )
        ]
        if fb.actions.practice_available
        else []
    )
    return Screen(
        title,
        [
            ft.Row([BackToList(), Muted(f"Rejected {on_day(record.rejected_on, today)}")], wrap=True),
            request_section,
            Section(
                "What they said",
                ft.ResponsiveRow([said_column, guide_column], spacing=16, run_spacing=16),
            ),
            InterviewNotes(record.application_id),
            Section(
                "Your reflection",
                ft.Column(
                    [
                        TextInput(
                            key="reflection",
                            label="What do you make of it?",
                            hint_text="Compare your resume, cover letter and notes with the listing. Which questions felt hard?",
                            value=reflection,
                            multiline=True,
                            min_lines=3,
                            max_lines=12,
                            on_change=set_reflection,
                            error=errors.get("reflection"),
                        ),
                        ft.Row(
                            [ft.OutlinedButton("Save reflection", on_click=lambda: save_reflection())],
                            alignment=ft.MainAxisAlignment.END,
                        ),
                    ],
                    spacing=8,
                    tight=True,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
            ),
            Section("Actions", ActionList(record.id, version, refresh)),
            *practice_section,
        ],
        actions=[NamedIconButton("Delete this record", ft.Icons.DELETE_OUTLINE, lambda: confirm_delete())],
    )
