"""A practice session: today's due cards one by one, answered aloud, then rated."""

from __future__ import annotations

import time

import flet as ft

from models.practice import PracticeCardUpdate
from services.errors import NotFound, ValidationError
from services.practice import STAR_FIELDS
from views.common.guard import use_advance
from views.common.layout import EmptyState, Screen
from views.context import use_services
from views.keyboard import use_shortcut
from views.practice.common import AnswerTimer, BackButton, CategoryChip, StarAnswer, Stretch
from views.practice.fields import StarFields

HOME = "/practice"
MAX_SHOWS = 3  # a question rated Again comes back, but not forever in one sitting
RATING_STYLE = {
    1: (ft.Colors.SURFACE_CONTAINER_HIGHEST, ft.Colors.ON_SURFACE),  # calm, not alarming: forgetting is normal
    2: (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
    3: (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER),
    4: (ft.Colors.SECONDARY_CONTAINER, ft.Colors.ON_SECONDARY_CONTAINER),
}


def Summary(
    rated: list[tuple[int, int]], next_count: int, home: str = HOME, back_label: str = "Back to Practice"
) -> ft.Control:
    """`rated`: (card id, rating) in order; a question shown again counts once."""
    names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
    ratings = [r for _, r in rated]
    n = len({card_id for card_id, _ in rated})
    parts = [f"{ratings.count(r)} {names[r]}" for r in (4, 3, 2, 1) if ratings.count(r)]
    lines = [
        ft.Icon(ft.Icons.CELEBRATION_OUTLINED, size=48, color=ft.Colors.PRIMARY),
        ft.Text(
            f"You practised {n} question{'s' if n != 1 else ''}",
            theme_style=ft.TextThemeStyle.TITLE_LARGE,
            text_align=ft.TextAlign.CENTER,
        ),
        ft.Text(" · ".join(parts), color=ft.Colors.ON_SURFACE_VARIANT, text_align=ft.TextAlign.CENTER),
        ft.Text(
            "Saying answers out loud is how they get easy. The ones that felt shaky will come back sooner."
            if ratings.count(1) or ratings.count(2)
            else "Every answer you rehearse is one you'll have ready when it counts.",
            text_align=ft.TextAlign.CENTER,
        ),
    ]
    if next_count:
        lines.append(
            ft.Text(f"{next_count} more are still due today, whenever you like.", text_align=ft.TextAlign.CENTER)
        )
    lines.append(
        ft.Row(
            [ft.FilledButton(back_label, on_click=lambda: ft.context.page.navigate(home))],
            alignment=ft.MainAxisAlignment.CENTER,
        )
    )
    return ft.Container(
        content=ft.Column(lines, horizontal_alignment=ft.CrossAxisAlignment.CENTER, spacing=12, tight=True),
        padding=24,
        key="summary",
    )


def when_text(p) -> str:
    """What the rating really does. FSRS gives Again and a new card's Hard the same day, so
    Again also brings the question back before this session ends: the one that didn't come."""
    return "back this session" if p.rating == 1 else f"in {p.label}"


def RatingButtons(previews, rate) -> ft.Control:
    buttons = []
    for p in previews:
        bg, fg = RATING_STYLE[p.rating]
        buttons.append(
            ft.Container(
                col={"xs": 6, "md": 3},
                content=ft.Button(
                    content=ft.Column(
                        [
                            ft.Text(p.name, weight=ft.FontWeight.W_600, color=fg),
                            ft.Text(when_text(p), size=12, color=fg),
                        ],
                        spacing=0,
                        tight=True,
                        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
                    ),
                    bgcolor=bg,
                    height=56,
                    on_click=lambda _, r=p.rating: rate(r),
                    key=f"rate-{p.rating}",
                ),
            )
        )
    return ft.ResponsiveRow(buttons, spacing=8, run_spacing=8)


@ft.component
def SessionScreen(
    queue_of=None, home: str = HOME, back_label: str = "Back to Practice", empty_title: str = "Nothing is due right now",
    empty_text: str = "Your answers are resting. A mock interview is a good way to practise anyway.",
):
    """Today's due cards; or the cards `queue_of()` gives (an interview's prep plan), back to `home`."""
    services = use_services()
    practice = services.practice
    queue, set_queue = ft.use_state(lambda: (queue_of or practice.schedule.due_queue)())
    index, set_index = ft.use_state(0)
    advance = use_advance(index)  # one rating per question shown, however fast the keys come
    revealed, set_revealed = ft.use_state(False)
    writing, set_writing = ft.use_state(False)
    rated, set_rated = ft.use_state(list)  # (card id, rating)
    draft, set_draft = ft.use_state(dict)
    errors, set_errors = ft.use_state(dict)
    version, set_version = ft.use_state(0)  # bumps when the card is edited inline
    shown_at = ft.use_ref(time.monotonic())
    keys = ft.use_ref(None)  # the KeyboardListener around the session
    first_field = ft.use_ref(None)  # the first STAR field while writing

    card_id = queue[index] if index < len(queue) else None
    card = ft.use_memo(lambda: _card(practice, card_id), [card_id, version])
    previews = ft.use_memo(lambda: practice.schedule.previews(card_id=card_id) if card else [], [card_id, version])

    def reveal(_=None):
        if card and not revealed and not writing:
            set_revealed(True)

    def rate(rating: int, _=None):
        if not card or not revealed or writing or not advance.claim():
            return
        duration = int((time.monotonic() - shown_at.current) * 1000)
        try:
            practice.schedule.review_card(card_id=card.id, rating=rating, duration_ms=duration)
        except Exception:
            advance.release()
            raise
        if rating == 1 and queue.count(card.id) < MAX_SHOWS:
            set_queue(lambda q: [*q, card.id])  # back before the session ends
        set_rated(lambda old: [*old, (card.id, rating)])
        set_revealed(False)
        set_draft({})
        shown_at.current = time.monotonic()
        set_index(lambda i: i + 1)

    for n in (1, 2, 3, 4):
        use_shortcut(str(n), lambda e, n=n: rate(n))
    use_shortcut(" ", reveal)

    def start_writing():
        set_draft({f: getattr(card, f) for f in STAR_FIELDS})
        set_errors({})
        set_writing(True)

    def save_answer():
        try:
            practice.deck.update_card(card_id=card.id, changes=PracticeCardUpdate(**draft))
        except ValidationError as exc:
            set_errors(exc.errors)
            return
        set_writing(False)
        set_version(lambda v: v + 1)

    if not queue:
        return Screen(
            "Practice",
            [
                BackButton(back_label, home),
                EmptyState(ft.Icons.CHECK_CIRCLE_OUTLINE, empty_title, empty_text),
            ],
        )
    if card_id is None:
        left = practice.schedule.due_count()
        return Screen("Session done", [Summary(rated, left, home, back_label)])
    if card is None:  # deleted meanwhile: skip it
        return Screen("Practice", [ft.FilledButton("Next question", on_click=lambda: set_index(index + 1))])

    body: list[ft.Control] = [
        ft.Row(
            [
                ft.Text(f"Question {index + 1} of {len(queue)}", color=ft.Colors.ON_SURFACE_VARIANT, expand=True),
                CategoryChip(card.category),
            ]
        ),
        ft.ProgressBar(value=index / len(queue), border_radius=4),
        ft.Text(card.question, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, key="question"),
        AnswerTimer(key=f"timer-{card.id}"),
    ]
    if not revealed:
        body += [
            ft.Text(
                "Answer out loud as if you were in the room, then check your notes.", color=ft.Colors.ON_SURFACE_VARIANT
            ),
            ft.Row(
                [ft.FilledButton("Show my answer", icon=ft.Icons.VISIBILITY_OUTLINED, on_click=reveal, key="reveal")],
                wrap=True,
            ),
            ft.Text("Tip: press Space to show, then 1–4 to rate.", size=12, color=ft.Colors.ON_SURFACE_VARIANT),
        ]
    elif writing:
        star_fields = StarFields(draft, errors, lambda n, v: set_draft(lambda d: {**d, n: v}), first_ref=first_field)
        body += [
            ft.Text("Your answer", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            *star_fields,
            ft.Row(
                [
                    ft.FilledButton("Save answer", icon=ft.Icons.CHECK, on_click=save_answer),
                    ft.TextButton("Cancel", on_click=lambda: set_writing(False)),
                ],
                wrap=True,
            ),
        ]
    else:
        if card.has_answer or card.notes.strip():
            answer = ft.Card(semantic_container=False, content=ft.Container(StarAnswer(card), padding=16), margin=0, key="answer")
        else:
            answer = ft.Container()
        body.append(answer)
        if not card.has_answer:
            body.append(
                ft.Container(
                    key="no-answer",
                    content=ft.Column(
                        [
                            ft.Text("You haven't written an answer yet. Write one now?", weight=ft.FontWeight.W_600),
                            ft.Text(
                                "A few lines for each STAR step is plenty. Or rate how it went and write it later.",
                                color=ft.Colors.ON_SURFACE_VARIANT,
                            ),
                            ft.Row(
                                [
                                    ft.OutlinedButton(
                                        "Write my answer", icon=ft.Icons.EDIT_OUTLINED, on_click=start_writing
                                    )
                                ]
                            ),
                        ],
                        spacing=8,
                        tight=True,
                    ),
                    padding=16,
                    border_radius=12,
                    bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
                )
            )
        body += [
            ft.Text("How did that go?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            RatingButtons(previews, rate),
            ft.Text(
                "Again brings it back before this session ends; the others say when it's next due. "
                "Keys 1–4 work too.",
                size=12,
                color=ft.Colors.ON_SURFACE_VARIANT,
            ),
        ]

    def end():
        if rated:
            set_index(len(queue))
        else:
            ft.context.page.navigate(home)

    async def take_focus():
        # Space and 1-4 are the session's keys, but a key goes first to the focused control.
        # Focus was left on what started the session (or, once that button is gone, on an
        # earlier one such as the Practice tab or Settings), so Space pressed that control
        # and left the session. Keep the focus inside the session instead; while writing,
        # on the first field (autofocus can't take it from the session).
        target = first_field.current if writing else keys.current
        if target is not None and card is not None:
            await target.focus()

    ft.use_effect(take_focus, [card_id, revealed, writing])

    return Screen(
        "Practice session",
        [ft.KeyboardListener(content=Stretch(body), ref=keys, include_semantics=False)],
        actions=[ft.TextButton("End session", on_click=end)],
    )


def _card(practice, card_id):
    if card_id is None:
        return None
    try:
        card = practice.deck.get_card(card_id=card_id)
    except NotFound:
        return None
    return None if card.archived else card
