"""Ask for feedback: a short message from a template, to copy or open in the mail app.

Copying and opening mail happen in the browser inside the tap itself
(`CopyToClipboard` / `OpenUrl` client actions: browsers only allow those during
a user gesture); the click handler then marks the request "asked" today.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from services.errors import ValidationError
from services.feedback import mailto_url, render_follow_up, render_request
from views.common.fields import TextInput
from views.context import use_services
from views.feedback.common import Muted, toast, use_draft


@ft.component
def RequestComposer(
    feedback_id: int | None,
    version: int,
    on_changed: Callable[[], None],
    follow_up: bool = False,
    application_id: int | None = None,
):
    """The request for a record, or for an application whose record isn't started yet
    (after a no): the record is created by the first thing the user does here."""
    services = use_services()
    record = ft.use_memo(
        lambda: services.feedback.get(feedback_id=feedback_id) if feedback_id is not None else None,
        [feedback_id, version],
    )
    app = ft.use_memo(
        lambda: services.applications.get(application_id=application_id) if record is None and application_id else None,
        [application_id, record is None],
    )
    about = record or app
    manager, set_manager, manager_latest = use_draft(record.manager_name or "" if record else "")
    email, set_email, email_latest = use_draft(record.contact_email or "" if record else "")
    you, set_you, you_latest = use_draft(services.feedback.your_name())
    errors, set_errors = ft.use_state({})

    render = render_follow_up if follow_up else render_request
    try:
        message = render(
            manager_name=manager,
            role=(about.role if about else None) or "",
            company=(about.company if about else None) or "",
            your_name=you,
            to=email,
        )
    except ValidationError as err:  # e.g. a name over the limit, while typing
        message = None
        errors = {**err.errors, **errors}

    def details() -> dict:
        target = {"feedback_id": feedback_id} if feedback_id is not None else {"application_id": application_id}
        return dict(
            target,
            manager_name=manager_latest.current,
            contact_email=email_latest.current,
            your_name=you_latest.current,
        )

    def save_details() -> None:
        if record is None and not (manager_latest.current.strip() or email_latest.current.strip()) and (
            you_latest.current == services.feedback.your_name()
        ):
            return  # nothing typed yet: leaving a field is no reason to start a record
        try:
            services.feedback.save_request_details(**details())
        except ValidationError as err:
            set_errors(err.errors)
            return
        set_errors({})
        if record is None:
            on_changed()  # the record exists now

    def sent(how: str):
        before = record.status if record else "not_asked"
        try:
            services.feedback.send_request(**details())  # names saved and marked asked, together
        except ValidationError as err:
            set_errors(err.errors)
            return
        set_errors({})
        on_changed()
        if how == "copy":
            tail = " We've marked it as asked today." if before in ("not_asked", "no_reply") else ""
            toast("Copied. Paste it into an email and send it when you're ready." + tail)
        else:
            toast(
                "Opening your mail app. We've marked the request as asked today."
                if before in ("not_asked", "no_reply")
                else "Opening your mail app."
            )

    preview = (
        ft.Container(
            key="request-message",
            content=ft.Column(
                [
                    ft.Text(f"Subject: {message.subject}", weight=ft.FontWeight.W_600),
                    ft.Text(message.body),
                ],
                spacing=10,
                tight=True,
            ),
            bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
            border_radius=12,
            padding=14,
        )
        if message
        else Muted("Fix the field above to see the message.")
    )
    fields = [
        TextInput(
            key="manager-name",
            label="Hiring manager's name",
            value=manager,
            on_change=set_manager,
            on_blur=lambda e: save_details(),
            error=errors.get("manager_name"),
            col={"xs": 12, "md": 6},
        ),
        TextInput(
            key="contact-email",
            label="Their email (optional)",
            value=email,
            keyboard_type=ft.KeyboardType.EMAIL,
            on_change=set_email,
            on_blur=lambda e: save_details(),
            error=errors.get("contact_email") or errors.get("to"),
            col={"xs": 12, "md": 6},
        ),
        TextInput(
            key="your-name",
            label="Your name",
            value=you,
            on_change=set_you,
            on_blur=lambda e: save_details(),
            error=errors.get("your_name"),
            col={"xs": 12, "md": 6},
        ),
    ]
    buttons = ft.Row(
        [
            ft.FilledButton(
                "Copy message",
                key="copy-request",
                icon=ft.Icons.CONTENT_COPY,
                action=ft.CopyToClipboard(message.text) if message else None,
                disabled=message is None,
                on_click=lambda: sent("copy"),
            ),
            ft.OutlinedButton(
                "Open in mail app",
                key="mail-request",
                icon=ft.Icons.MAIL_OUTLINE,
                action=ft.OpenUrl(mailto_url(message)) if message else None,
                disabled=message is None,
                on_click=lambda: sent("mail"),
            ),
        ],
        wrap=True,
        spacing=8,
        run_spacing=8,
    )
    return ft.Column(
        [
            Muted(
                "Short, polite and specific works best. Many people never reply, and that's fine: "
                "asking still shows how you work."
                if not follow_up
                else "A single, friendly nudge is plenty. If there's still no reply, let it go."
            ),
            ft.ResponsiveRow(fields, spacing=8, run_spacing=8),
            preview,
            buttons,
        ],
        spacing=12,
        tight=True,
    )
