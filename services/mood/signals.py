"""What mood tells the reminders: an evening check-in on days with nothing logged.

Today has its own check-in card, so mood adds nothing to "needs attention".
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import func, select
from sqlmodel import col

from models.mood import MoodEntry
from services.attention import AttentionItem
from services.reminders.rules import Reminder, ReminderRule, one
from services.storage.db import SessionFactory


class MoodSignals:
    def __init__(self, sessions: SessionFactory):
        self._sessions = sessions

    def logged_on(self, day: date) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(MoodEntry).where(col(MoodEntry.day) == day)) or 0

    def check_in(self, day: date) -> list[Reminder]:
        if self.logged_on(day):
            return []
        return one(Reminder("How was today?", "A five-second check-in helps you see your own pattern.", route="/mood"))

    def reminder_rules(self) -> list[ReminderRule]:
        return [ReminderRule("mood", "Evening mood check-in, if you haven't logged one", self.check_in, time(20, 30))]

    def attention(self, today: date) -> list[AttentionItem]:
        return []
