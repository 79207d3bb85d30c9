"""What practice tells Today and the reminders: cards due.

`cards_due_on(day)` counts, without writing anything, what a practice session
would hold on a day: reviewed cards due before that local day ends, plus new
cards up to the day's allowance (`Schedule.due_count` for today, any day here).
"""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from models.practice import PracticeCard
from services.attention import AttentionItem
from services.clock import Clock
from services.practice.service import PracticeService
from services.reminders.rules import Reminder, ReminderRule, one
from services.storage.db import SessionFactory


class PracticeSignals:
    def __init__(self, sessions: SessionFactory, clock: Clock, practice: PracticeService):
        self._sessions = sessions
        self._clock = clock
        self._practice = practice

    def cards_due_on(self, day: date) -> int:
        end = self._clock.at(day + timedelta(days=1), time()).astimezone(UTC)  # that local day's end
        allowance = self._practice.schedule.new_per_day()
        live = PracticeCard.archived == False  # noqa: E712  (SQL comparison)
        with self._sessions() as s:
            reviews = s.exec(
                select(func.count()).where(live, col(PracticeCard.last_review).is_not(None), PracticeCard.due < end)
            ).one()
            new = s.exec(select(func.count()).where(live, col(PracticeCard.last_review).is_(None))).one()
            started = s.exec(select(func.count()).where(PracticeCard.first_reviewed_on == day)).one()
        return reviews + min(new, max(0, allowance - started))

    def practice_due(self, day: date) -> list[Reminder]:
        due = self.cards_due_on(day)
        if not due:
            return []
        cards = "1 practice question is" if due == 1 else f"{due} practice questions are"
        return one(Reminder("Practice, if you like", f"{cards} ready whenever you are. A few minutes out loud is plenty.", route="/practice"))

    def reminder_rules(self) -> list[ReminderRule]:
        return [ReminderRule("practice", "Practice questions due", self.practice_due, time(12, 0))]

    def attention(self, today: date) -> list[AttentionItem]:
        n = self._practice.schedule.due_count()
        if not n:
            return []
        title = "1 practice question is due" if n == 1 else f"{n} practice questions are due"
        return [
            AttentionItem(
                kind="practice-due",
                title=title,
                detail="A few minutes saying your answers out loud keeps them ready.",
                route="/practice",
                icon="style",
                priority=40,
            )
        ]
