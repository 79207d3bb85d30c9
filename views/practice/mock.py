"""Mock interview: a few random questions against the clock, no notes, then a look back."""

from __future__ import annotations

import time
from dataclasses import dataclass

import flet as ft

from views.common.fields import TextInput
from views.common.guard import use_advance
from views.common.layout import Screen, Section
from views.common.named import NamedDropdown
from views.context import use_services
from views.practice.common import AnswerTimer, BackButton, CategoryChip, Stretch, category_options, format_seconds

HOME = "/practice"
SIZES = (3, 5, 8, 10)
AIM_SECONDS = 120


@dataclass(frozen=True)
class Answered:
    card_id: int
    question: str
    seconds: float
    hard: bool
    note: str


def Setup(size: int, set_size, category: str, set_category, begin, available: int) -> ft.Control:
    return Section(
        "Set up your mock interview",
        Stretch(
            [
                ft.Text("How many questions?"),
                ft.SegmentedButton(
                    key="mock-size",
                    selected=[str(size)],
                    segments=[ft.Segment(value=str(n), label=ft.Text(str(n), semantics_label=f"{n} questions")) for n in SIZES],
                    on_change=lambda e: set_size(int(e.control.selected[0])),
                ),
                NamedDropdown(
                    key="mock-category",
                    label="Questions from",
                    value=category,
                    options=category_options(any_label="Any category"),
                    on_select=lambda e: set_category(e.control.value or ""),
                ),
                ft.Text(
                    "You'll see one question at a time with a clock running, and not your written answer. "
                    "Tick the ones that felt hard; they'll come back in practice soon.",
                    color=ft.Colors.ON_SURFACE_VARIANT,
                ),
                ft.Row(
                    [
                        ft.FilledButton(
                            "Begin", icon=ft.Icons.PLAY_ARROW, on_click=begin, disabled=not available, key="begin"
                        )
                    ]
                ),
            ],
            spacing=12,
        ),
    )


def Review(answers: list[Answered]) -> ft.Control:
    hard = [a for a in answers if a.hard]
    total = sum(a.seconds for a in answers)
    rows = [
        ft.ListTile(
            key=f"done-{a.card_id}",
            leading=ft.Icon(
                ft.Icons.FLAG if a.hard else ft.Icons.CHECK, color=ft.Colors.TERTIARY if a.hard else ft.Colors.PRIMARY
            ),
            title=ft.Text(a.question),
            subtitle=ft.Text(format_seconds(a.seconds) + (f" · {a.note}" if a.note else "")),
        )
        for a in answers
    ]
    headline = f"{len(answers)} question{'s' if len(answers) != 1 else ''} answered in {format_seconds(total)}"
    text = (
        f"{len(hard)} felt hard. That's useful to know: they'll come back in your practice from tomorrow."
        if hard
        else "None felt hard. Good sign that your answers are settling in."
    )
    return Stretch(
        [
            Section(headline, Stretch(rows, spacing=0), subtitle=text),
            ft.Row(
                [ft.FilledButton("Back to Practice", on_click=lambda: ft.context.page.navigate(HOME))],
                wrap=True,
            ),
        ],
        key="mock-review",
    )


@ft.component
def MockScreen():
    practice = use_services().practice
    size, set_size = ft.use_state(5)
    category, set_category = ft.use_state("")
    picked, set_picked = ft.use_state(None)  # list of cards once begun
    index, set_index = ft.use_state(0)
    advance = use_advance(index)  # a double tap on "Next question" must not skip one
    answers, set_answers = ft.use_state(list)
    hard, set_hard = ft.use_state(False)
    note, set_note = ft.use_state("")
    shown_at = ft.use_ref(0.0)
    available = ft.use_memo(lambda: practice.deck.card_count(), [])

    def begin():
        cards = practice.schedule.pick_mock(count=size, category=category or None)
        if not cards:
            ft.context.page.show_dialog(ft.SnackBar(ft.Text("No questions in that category yet. Try another one.")))
            return
        shown_at.current = time.monotonic()
        set_picked(cards)

    def next_question():
        if not advance.claim():
            return
        card = picked[index]
        seconds = time.monotonic() - shown_at.current
        practice.schedule.record_mock_answer(card_id=card.id, hard=hard, note=note, duration_ms=int(seconds * 1000))
        set_answers(lambda old: [*old, Answered(card.id, card.question, seconds, hard, note.strip())])
        set_hard(False)
        set_note("")
        shown_at.current = time.monotonic()
        set_index(lambda i: i + 1)

    back = BackButton("Back to Practice", HOME)
    if picked is None:
        return Screen("Mock interview", [back, Setup(size, set_size, category, set_category, begin, available)])
    if index >= len(picked):
        return Screen("Mock interview", [Review(answers)])

    card = picked[index]
    last = index == len(picked) - 1
    return Screen(
        "Mock interview",
        [
            Stretch(
                [
                    ft.Row(
                        [
                            ft.Text(
                                f"Question {index + 1} of {len(picked)}",
                                color=ft.Colors.ON_SURFACE_VARIANT,
                                expand=True,
                            ),
                            CategoryChip(card.category),
                        ]
                    ),
                    ft.ProgressBar(value=index / len(picked), border_radius=4),
                    ft.Text(card.question, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, key="mock-question"),
                    AnswerTimer(autostart=True, aim_seconds=AIM_SECONDS, resettable=False, key=f"mock-timer-{card.id}"),
                    ft.Checkbox(
                        label="This one felt hard",
                        value=hard,
                        on_change=lambda e: set_hard(bool(e.control.value)),
                        key="hard",
                    ),
                    TextInput(
                        key="mock-note",
                        label="A note for later (optional)",
                        value=note,
                        max_length=500,
                        on_change=set_note,
                    ),
                    ft.Row(
                        [
                            ft.FilledButton(
                                "Finish" if last else "Next question",
                                icon=ft.Icons.ARROW_FORWARD,
                                on_click=next_question,
                                key="next",
                            )
                        ],
                        wrap=True,
                    ),
                ]
            )
        ],
    )
