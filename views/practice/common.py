"""Small pieces the practice screens share: labels, the STAR answer, the answer timer."""

from __future__ import annotations

import asyncio
import time
from datetime import date, timedelta

import flet as ft

from services.dates import on_day
from services.practice import CATEGORIES, card_tags

STAR_LABELS = {
    "situation": ("Situation", "Where and when: set the scene in a sentence or two."),
    "task": ("Task", "What you needed to achieve, or the problem to solve."),
    "action": ("Action", "What you did yourself, step by step. Say 'I', not 'we'."),
    "result": ("Result", "What changed because of it; numbers help if you have them."),
}


def category_label(key: str) -> str:
    return CATEGORIES.get(key, key.replace("_", " ").capitalize())


def category_options(*, any_label: str | None = None) -> list[ft.DropdownOption]:
    head = [ft.DropdownOption(key="", text=any_label)] if any_label else []
    return head + [ft.DropdownOption(key=k, text=v) for k, v in CATEGORIES.items()]


def next_due_text(days: int, due_day: date, *, practised: bool) -> str:
    if not practised:
        return "New: not practised yet"
    if days <= 0:
        return "Due today"
    return f"Next practice {on_day(due_day, due_day - timedelta(days=days))}"


def card_subtitle(card) -> str:
    parts = [category_label(card.category)]
    tags = card_tags(card)
    if tags:
        parts.append(", ".join(f"#{t}" for t in tags[:4]))
    parts.append("answer written" if card.has_answer else "answer to write")
    return " · ".join(parts)


def CategoryChip(key: str) -> ft.Control:
    return ft.Container(
        content=ft.Text(category_label(key), size=12, color=ft.Colors.ON_SECONDARY_CONTAINER),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        padding=ft.Padding.symmetric(horizontal=10, vertical=4),
    )


def StarAnswer(card) -> ft.Control:
    """The written answer, field by field; empty fields are left out."""
    blocks: list[ft.Control] = []
    for name, (label, _) in STAR_LABELS.items():
        text = getattr(card, name).strip()
        if text:
            blocks.append(
                ft.Column(
                    [
                        ft.Text(label, weight=ft.FontWeight.W_600, color=ft.Colors.PRIMARY, size=13),
                        ft.Text(text),
                    ],
                    spacing=2,
                    tight=True,
                )
            )
    if card.notes.strip():
        blocks.append(
            ft.Column(
                [
                    ft.Text("Notes", weight=ft.FontWeight.W_600, color=ft.Colors.ON_SURFACE_VARIANT, size=13),
                    ft.Text(card.notes.strip(), color=ft.Colors.ON_SURFACE_VARIANT),
                ],
                spacing=2,
                tight=True,
            )
        )
    return ft.Column(blocks, spacing=12, tight=True)


def format_seconds(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


@ft.component
def AnswerTimer(autostart: bool = False, aim_seconds: int | None = None, resettable: bool = True):
    """A stopwatch for answering out loud: start/stop, elapsed shown, ticking once a second."""
    running, set_running = ft.use_state(autostart)
    banked, set_banked = ft.use_state(0.0)  # seconds from earlier runs
    started = ft.use_ref(time.monotonic() if autostart else None)
    _, set_tick = ft.use_state(0)

    def tick_while_running():
        if not running:
            return None

        async def tick():
            while True:
                await asyncio.sleep(1)
                set_tick(lambda t: t + 1)

        future = ft.context.page.run_task(tick)
        return future.cancel

    ft.use_effect(tick_while_running, [running])

    elapsed = banked + (time.monotonic() - started.current if running and started.current else 0)

    def start():
        started.current = time.monotonic()
        set_running(True)

    def stop():
        set_banked(elapsed)
        set_running(False)

    def reset():
        started.current = time.monotonic()
        set_banked(0.0)

    over = aim_seconds is not None and elapsed > aim_seconds
    label = format_seconds(elapsed)
    if aim_seconds:
        label += f" · aim for {aim_seconds // 60} min"
    return ft.Row(
        [
            ft.Icon(ft.Icons.TIMER_OUTLINED, color=ft.Colors.TERTIARY if over else ft.Colors.ON_SURFACE_VARIANT),
            ft.Text(label, size=16, weight=ft.FontWeight.W_500, color=ft.Colors.TERTIARY if over else None),
            ft.TextButton(
                "Stop timer" if running else ("Start timer" if not banked else "Resume timer"),
                on_click=stop if running else start,
            ),
            ft.TextButton("Reset", on_click=reset, visible=resettable and (bool(banked) or running)),
        ],
        spacing=8,
        wrap=True,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def BackButton(label: str, route: str) -> ft.Control:
    # In a Row so a stretching parent column doesn't widen (and centre) it.
    return ft.Row([ft.TextButton(label, icon=ft.Icons.ARROW_BACK, on_click=lambda: ft.context.page.navigate(route))])


def Stretch(controls: list[ft.Control], *, spacing: float = 16, key: str | None = None) -> ft.Control:
    """A column whose children take the full width (cards and text fields line up)."""
    return ft.Column(controls, spacing=spacing, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, key=key)
