"""Resume vs. listing: paste both, see which of the listing's keywords your resume lacks.

Route /feedback/keywords. Nothing is stored: the texts stay on this screen.
"""

from __future__ import annotations

import flet as ft

from services.errors import ValidationError
from services.feedback import MAX_TEXT_CHARS, KeywordCheck, check_keywords
from views.common.fields import TextInput
from views.common.layout import Screen, Section
from views.feedback.common import Muted, use_draft


def _chip(term: str, count: int, *, missing: bool) -> ft.Control:
    return ft.Container(
        content=ft.Text(
            f"{term}  ×{count}" if count > 1 else term,
            size=13,
            color=ft.Colors.ON_TERTIARY_CONTAINER if missing else ft.Colors.ON_SURFACE_VARIANT,
        ),
        bgcolor=ft.Colors.TERTIARY_CONTAINER if missing else ft.Colors.SURFACE_CONTAINER_HIGHEST,
        border_radius=16,
        padding=ft.Padding.symmetric(horizontal=12, vertical=6),
    )


def Results(result: KeywordCheck) -> ft.Control:
    total, missing = len(result.keywords), result.missing
    if not total:
        return Muted("We couldn't find keywords in that listing. Is it the full description?")
    head = (
        f"Your resume mentions {total - len(missing)} of the listing's {total} keywords."
        if missing
        else f"Your resume mentions all {total} of the listing's keywords. Nicely matched."
    )
    parts: list[ft.Control] = [ft.Text(head, weight=ft.FontWeight.W_600, key="keyword-summary")]
    if missing:
        parts += [
            ft.Text("Not in your resume yet (most used first)", size=13, weight=ft.FontWeight.W_600),
            ft.Row(
                [_chip(k.term, k.count, missing=True) for k in missing],
                wrap=True,
                spacing=6,
                run_spacing=6,
                key="missing",
            ),
            Muted("Where one is true for you, use the listing's own word for it. Leave out what isn't you."),
        ]
    if result.found:
        parts += [
            ft.Text("Already there", size=13, weight=ft.FontWeight.W_600),
            ft.Row(
                [_chip(k.term, k.count, missing=False) for k in result.found],
                wrap=True,
                spacing=6,
                run_spacing=6,
                key="found",
            ),
        ]
    return ft.Column(parts, spacing=10, tight=True)


@ft.component
def KeywordCheckScreen():
    listing, set_listing, listing_latest = use_draft("")
    resume, set_resume, resume_latest = use_draft("")
    result, set_result = ft.use_state(None)
    errors, set_errors = ft.use_state({})

    def check():
        try:
            set_result(check_keywords(listing=listing_latest.current, resume=resume_latest.current))
        except ValidationError as err:
            set_errors(err.errors)
            set_result(None)
            return
        set_errors({})

    def field(key: str, label: str, hint: str, value: str, on_change) -> ft.Control:
        return TextInput(
            key=key,
            label=label,
            hint_text=hint,
            value=value,
            multiline=True,
            min_lines=6,
            max_lines=14,
            max_length=MAX_TEXT_CHARS,
            on_change=on_change,
            error=errors.get(key),
            col={"xs": 12, "md": 6},
        )

    return Screen(
        "Keyword check",
        [
            ft.Row(
                [
                    ft.TextButton(
                        "All feedback", icon=ft.Icons.ARROW_BACK, on_click=lambda: ft.context.page.navigate("/feedback")
                    )
                ]
            ),
            Muted("Paste a job listing and your resume. Everything stays on this device; nothing is saved."),
            ft.ResponsiveRow(
                [
                    field(
                        "listing", "Job listing", "The full description, requirements included", listing, set_listing
                    ),
                    field("resume", "Your resume", "Plain text is fine", resume, set_resume),
                ],
                spacing=12,
                run_spacing=12,
            ),
            ft.Row(
                [ft.FilledButton("Check keywords", icon=ft.Icons.MANAGE_SEARCH, on_click=lambda: check())],
                alignment=ft.MainAxisAlignment.END,
            ),
            *([Section("What we found", Results(result))] if result is not None else []),
        ],
    )
