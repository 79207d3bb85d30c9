"""What feedback tells Today and the reminders: requests a week old with no reply.

The reminder comes once per request, on the day its week is up; Today lists
the waiting ones (oldest first) until they are answered or marked "no reply".
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlmodel import col, select

from models import Feedback
from models.feedback import FOLLOW_UP_AFTER_DAYS
from services.attention import AttentionItem
from services.dates import on_day
from services.reminders.rules import Reminder, ReminderRule
from services.storage.db import SessionFactory


def _who(record: Feedback) -> str:
    return (record.company or record.role or "").strip()


class FeedbackSignals:
    def __init__(self, sessions: SessionFactory):
        self._sessions = sessions

    def waiting(self, *, asked_on_or_before: date, exactly: bool = False, limit: int | None = None) -> list[Feedback]:
        day = col(Feedback.asked_on)
        when = day == asked_on_or_before if exactly else day <= asked_on_or_before
        query = select(Feedback).where(Feedback.status == "asked", when).order_by(day, col(Feedback.id))
        with self._sessions() as s:
            return list(s.exec(query.limit(limit) if limit else query).all())

    def follow_up(self, day: date) -> list[Reminder]:
        due = self.waiting(asked_on_or_before=day - timedelta(days=FOLLOW_UP_AFTER_DAYS), exactly=True)
        return [
            Reminder(
                "No reply yet",
                (f"A week since you asked {_who(f)} for feedback. " if _who(f) else "A week since you asked for feedback. ")
                + "A short, friendly follow-up is fine, or let it go: asking was already a good step.",
                about=f.id or 0,
                route=f"/feedback/{f.id}",
            )
            for f in due
        ]

    def reminder_rules(self) -> list[ReminderRule]:
        return [
            ReminderRule(
                "feedback", "A feedback request with no reply for a week", self.follow_up, time(10, 30), once_each=True
            )
        ]

    def attention(self, today: date) -> list[AttentionItem]:
        items = []
        for f in self.waiting(asked_on_or_before=today - timedelta(days=FOLLOW_UP_AFTER_DAYS), limit=5):
            who = _who(f)
            items.append(
                AttentionItem(
                    kind="feedback-waiting",
                    title=f"No reply yet from {who}" if who else "No reply yet to your feedback request",
                    detail=(
                        f"You asked {on_day(f.asked_on, today)}. A short follow-up is fine, "
                        "or mark it “no reply” and let it go: asking was already a good step."
                    ),
                    route=f"/feedback/{f.id}",
                    icon="mark_email_unread",
                    priority=45,
                    about=f.id or 0,
                )
            )
        return items
