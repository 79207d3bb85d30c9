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
from views.context import use_services
from views.feedback.common import Muted, toast, use_draft


@ft.component
def RequestComposer(feedback_id: int, version: int, on_changed: Callable[[], None], follow_up: bool = False):
    services = use_services()
    record = ft.use_memo(lambda: services.feedback.get(feedback_id=feedback_id), [feedback_id, version])
    manager, set_manager, manager_latest = use_draft(record.manager_name or "")
    email, set_email, email_latest = use_draft(record.contact_email or "")
    you, set_you, you_latest = use_draft(services.feedback.your_name())
    errors, set_errors = ft.use_state({})

    render = render_follow_up if follow_up else render_request
    try:
        message = render(
            manager_name=manager, role=record.role or "", company=record.company or "", your_name=you, to=email
        )
    except ValidationError as err:  # e.g. a name over the limit, while typing
        message = None
        errors = {**err.errors, **errors}

    def save_details() -> bool:
        try:
            services.feedback.update_feedback(
                feedback_id=feedback_id,
                changes={"manager_name": manager_latest.current, "contact_email": email_latest.current},
            )
            services.feedback.set_your_name(name=you_latest.current)
        except ValidationError as err:
            set_errors(err.errors)
            return False
        set_errors({})
        return True

    def sent(how: str):
        if not save_details():
            return
        before = services.feedback.get(feedback_id=feedback_id).status
        services.feedback.mark_asked(feedback_id=feedback_id)
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
        ft.TextField(
            key="manager-name",
            label="Hiring manager's name",
            value=manager,
            on_change=lambda e: set_manager(e.control.value or ""),
            on_blur=lambda e: save_details(),
            error=errors.get("manager_name"),
            col={"xs": 12, "md": 6},
        ),
        ft.TextField(
            key="contact-email",
            label="Their email (optional)",
            value=email,
            keyboard_type=ft.KeyboardType.EMAIL,
            on_change=lambda e: set_email(e.control.value or ""),
            on_blur=lambda e: save_details(),
            error=errors.get("contact_email") or errors.get("to"),
            col={"xs": 12, "md": 6},
        ),
        ft.TextField(
            key="your-name",
            label="Your name",
            value=you,
            on_change=lambda e: set_you(e.control.value or ""),
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
                "Short, polite and specific works best. Many people never answer, and that's fine: "
                "asking still shows how you work."
                if not follow_up
                else "A single, friendly nudge is plenty. If there's still no answer, let it go."
            ),
            ft.ResponsiveRow(fields, spacing=8, run_spacing=8),
            preview,
            buttons,
        ],
        spacing=12,
        tight=True,
    )
