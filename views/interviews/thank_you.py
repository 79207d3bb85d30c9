"""The thank-you note: who it's to, something you talked about, your name; copy it or open it
in the mail app. Copying and opening mail happen in the browser inside the tap itself
(`CopyToClipboard` / `OpenUrl` client actions, as the feedback request does); the click
handler then marks the note sent, a small win."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.errors import ValidationError
from services.interviews import InterviewInfo, mailto_url, thank_you_window_ends
from views.common.fields import TextInput
from views.context import use_services
from views.feedback.common import use_draft
from views.interviews.format import Muted


@ft.component
def ThankYouComposer(i: InterviewInfo, on_sent: Callable[[], None]):
    services = use_services()
    page = ft.context.page
    today = services.clock.today()
    default_to = i.thank_you_to or (i.people[0][0] if i.people else "")
    to, set_to, to_latest = use_draft(default_to)
    topic, set_topic, topic_latest = use_draft(i.thank_you_topic)
    you, set_you, you_latest = use_draft(services.feedback.your_name())
    errors, set_errors = ft.use_state({})

    try:
        note = services.interviews.after.thank_you(interview_id=i.id, your_name=you, to=to, topic=topic)
    except ValidationError as exc:  # a name over the limit, while typing
        note, errors = None, {**exc.errors, **errors}

    def keep() -> None:
        try:
            services.interviews.after.save_thank_you(interview_id=i.id, to=to_latest.current, topic=topic_latest.current)
            if you_latest.current != services.feedback.your_name():
                services.feedback.set_your_name(name=you_latest.current)
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_errors({})

    def sent(how: str) -> None:
        try:
            services.interviews.after.thank_you_sent(interview_id=i.id, to=to_latest.current, topic=topic_latest.current)
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_errors({})
        first = i.thank_you_sent_on is None
        on_sent()
        done = "Copied. Paste it into an email and send it when you're ready." if how == "copy" else "Opening your mail app."
        page.show_dialog(ft.SnackBar(ft.Text(done + (" Sending it is a small win: noted." if first else ""))))

    if i.thank_you_sent_on:
        status = f"Sent on {i.thank_you_sent_on.day} {i.thank_you_sent_on:%b}. Nicely done."
    elif today <= thank_you_window_ends(i.starts.date()):
        status = "Best sent within a day, while they remember the conversation. A few warm lines are plenty."
    else:
        status = "It's been a few days; a short note can still be kind."
    fields = [
        TextInput(key="thank-you-to", label="To (their name)", value=to, col={"xs": 12, "md": 6},
                     error=errors.get("to") or errors.get("interviewer"),
                     on_change=lambda text: set_to(text), on_blur=lambda e: keep()),
        TextInput(key="your-name", label="Your name", value=you, col={"xs": 12, "md": 6},
                     error=errors.get("your_name") or errors.get("name"),
                     on_change=lambda text: set_you(text), on_blur=lambda e: keep()),
        TextInput(key="thank-you-topic", label="Something you talked about (optional)", value=topic, col=12,
                     error=errors.get("topic"), on_change=lambda text: set_topic(text),
                     on_blur=lambda e: keep()),
    ]
    preview = (
        ft.Container(
            key="thank-you-message",
            content=ft.Column([ft.Text(f"Subject: {note.subject}", weight=ft.FontWeight.W_600),
                               ft.Text(note.body)], spacing=10, tight=True),
            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, border_radius=12, padding=14,
        )
        if note else Muted("Fix the field above to see the note.")
    )
    buttons = ft.Row(
        [
            ft.FilledButton("Copy note", key="copy-thank-you", icon=ft.Icons.CONTENT_COPY, disabled=note is None,
                            action=ft.CopyToClipboard(note.text) if note else None, on_click=lambda: sent("copy")),
            ft.OutlinedButton("Open in mail app", key="mail-thank-you", icon=ft.Icons.MAIL_OUTLINE,
                              disabled=note is None, action=ft.OpenUrl(mailto_url(note)) if note else None,
                              on_click=lambda: sent("mail")),
        ],
        wrap=True, spacing=8, run_spacing=8,
    )
    return ft.Column([Muted(status, key="thank-you-status"), ft.ResponsiveRow(fields, spacing=8, run_spacing=8),
                      preview, buttons], spacing=12, tight=True)
