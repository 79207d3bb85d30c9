"""The prep plan as shown on Today and on the interview's page: today's questions and the way in."""

from __future__ import annotations

import flet as ft

from services.dates import on_day
from services.interviews import InterviewInfo, PrepPlan
from views.interviews.format import Muted
from views.practice.common import category_label


def plan_summary(plan: PrepPlan, i: InterviewInfo, today) -> str:
    if plan.warm_up:
        return "A light warm-up today: a couple of questions out loud, no more."
    until = on_day(i.starts.date(), today)
    share = f"{plan.daily} questions a day until the day before" if plan.days_left > 1 else "a few questions today"
    return f"Your {i.phrase} is {until}: {share} ({plan.total} in all, {plan.practised} done so far)."


def _line(card) -> ft.Control:
    tags = []
    if card.from_feedback:
        tags.append("from your feedback")
    elif card.due:
        tags.append("due today")
    tags.append(category_label(card.category))
    return ft.Row(
        [
            ft.Icon(ft.Icons.CHECK_CIRCLE if card.done else ft.Icons.RADIO_BUTTON_UNCHECKED, size=20,
                    color=ft.Colors.PRIMARY if card.done else ft.Colors.OUTLINE),
            ft.Column(
                [ft.Text(card.question, max_lines=3, overflow=ft.TextOverflow.ELLIPSIS),
                 Muted(" · ".join(tags), size=12)],
                spacing=2, tight=True, expand=True,
            ),
        ],
        key=f"plan-card-{card.id}",
        vertical_alignment=ft.CrossAxisAlignment.START,
        spacing=10,
    )


def PrepPlanView(i: InterviewInfo, plan: PrepPlan | None, today, *, compact: bool = False) -> ft.Control:
    page = ft.context.page
    if plan is None:
        return Muted("The prep plan ends when the interview begins.")
    if not plan.today:
        return ft.Column(
            [Muted("No questions in your deck fit this round yet. Add a few of your own in Practice: "
                   "tag them with the round's name (say, technical) and they'll show up here."),
             ft.Row([ft.OutlinedButton("Open the deck", icon=ft.Icons.STYLE_OUTLINED,
                                       on_click=lambda: page.navigate("/practice/cards"))])],
            spacing=8, tight=True,
        )
    done, share = plan.done_today, len(plan.today)
    finished = not plan.to_do
    rows: list[ft.Control] = [
        ft.Text(plan_summary(plan, i, today), key=f"plan-summary-{i.id}"),
        ft.Row([Muted(f"Today: {done} of {share} done", key=f"plan-progress-{i.id}"),
                ft.Container(ft.ProgressBar(value=done / share if share else 0, border_radius=4), expand=True)],
               spacing=10, vertical_alignment=ft.CrossAxisAlignment.CENTER),
    ]
    if not compact or not finished:
        rows.append(ft.Column([_line(c) for c in plan.today], spacing=8, tight=True))
    if finished:
        rows.append(Muted("Today's share is done. Resting is part of preparing too."))
    rows.append(ft.Row(
        [ft.FilledButton("Practise a few more" if finished else "Practise for this interview",
                         icon=ft.Icons.PLAY_ARROW_ROUNDED, key=f"practise-{i.id}",
                         on_click=lambda: page.navigate(f"/interviews/{i.id}/practice"))],
        wrap=True,
    ))
    return ft.Column(rows, spacing=10, tight=True)
