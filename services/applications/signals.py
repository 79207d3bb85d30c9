"""What applications tell Today and the reminders: reapply dates, silence, nudges, care.

Rules (each a pure function of the data and a day):
- apply: a nudge while the day's goal isn't met; never on rest days, never on the
  day of a rejection or the day after (any rejection in that window);
- selfcare: on those two days, a kind note instead;
- reapply: each company's reapply date, once each, on the day it arrives.
Today lists reapply dates from the last `REAPPLY_SHOWN_DAYS` days (newest
first; older ones expire) until dismissed, and applications waiting a month.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlmodel import col

from models.application import Application, StatusChange
from services.applications.goals import GoalService
from services.applications.queries import WAITING_DAYS
from services.attention import AttentionItem
from services.clock import Clock
from services.dates import on_day
from services.reminders.rules import Reminder, ReminderRule, one
from services.storage.db import SessionFactory

REAPPLY_SHOWN_DAYS = 14  # a reapply date stays on Today for two weeks, or until dismissed
REAPPLY_SHOWN_MAX = 20  # Today itself shows at most a few of each kind


def _who(app: Application) -> str:
    return (app.company or "").strip() or "a company you applied to"


class ApplicationSignals:
    def __init__(self, sessions: SessionFactory, clock: Clock, goals: GoalService):
        self._sessions = sessions
        self._clock = clock
        self._goals = goals

    # ---- the facts the rules rest on ------------------------------------------
    def rejection_days(self, *, start: date, end: date) -> set[date]:
        """Days in [start, end] with a rejection that still stands (a corrected "no" doesn't count)."""
        with self._sessions() as s:
            rows = s.scalars(
                select(col(StatusChange.changed_on))
                .join(Application, col(Application.id) == col(StatusChange.application_id))
                .where(
                    col(StatusChange.status) == "rejected",
                    col(Application.status) == "rejected",
                    col(StatusChange.changed_on) >= start,
                    col(StatusChange.changed_on) <= end,
                )
            ).all()
        return set(rows)

    def reapply_due_on(self, day: date) -> list[Application]:
        with self._sessions() as s:
            return list(
                s.scalars(select(Application).where(col(Application.reapply_after) == day).order_by(col(Application.id))).all()
            )

    # ---- rules -----------------------------------------------------------------------
    def apply_nudge(self, day: date) -> list[Reminder]:
        goals = self._goals.goal_on(day=day)
        if day.weekday() in goals.rest_weekdays or self.rejection_days(start=day - timedelta(days=1), end=day):
            return []
        left = goals.daily_target - self._goals.count_on(day=day)
        if left <= 0:
            return []
        more = "one more application" if left == 1 else f"{left} more applications"
        return one(Reminder(
            "A small step today?",
            f"There's still time for {more} today, if you have it in you. Small steps count.",
            route="/",
        ))  # fmt: skip

    def self_care(self, day: date) -> list[Reminder]:
        days = self.rejection_days(start=day - timedelta(days=1), end=day)
        if not days:
            return []
        if day in days:
            body = (
                "Today brought a no. That stings, and it says little about your worth. "
                "Before anything else, something kind for yourself: a walk, a friend, some rest."
            )
        else:
            body = "Yesterday brought a no. Today, start with something kind for yourself: a walk, a friend, some rest."
        return one(Reminder("Go gently", body, route="/mood"))

    def reapply(self, day: date) -> list[Reminder]:
        return [
            Reminder(
                "A door has reopened",
                f"Your wait for {_who(app)} is over. Have a look for a role there that fits you.",
                about=app.id or 0,
                route=f"/applications/{app.id}",
            )
            for app in self.reapply_due_on(day)
        ]

    def reminder_rules(self) -> list[ReminderRule]:
        return [
            ReminderRule("apply", "A nudge to apply, if today's goal isn't met", self.apply_nudge, time(18, 0)),
            ReminderRule("selfcare", "Self-care on the day of a rejection and the day after", self.self_care, time(10, 0)),
            ReminderRule("reapply", "A company's waiting period ends", self.reapply, time(9, 30), once_each=True),
        ]

    # ---- needs attention ---------------------------------------------------------------
    def attention(self, today: date) -> list[AttentionItem]:
        since = today - timedelta(days=REAPPLY_SHOWN_DAYS)
        with self._sessions() as s:
            due = s.scalars(
                select(Application)
                .where(col(Application.reapply_after) <= today, col(Application.reapply_after) >= since)
                .order_by(col(Application.reapply_after).desc(), col(Application.id).desc())
                .limit(REAPPLY_SHOWN_MAX)
            ).all()
            waiting = s.scalar(
                select(func.count()).select_from(Application)
                .where(col(Application.status) == "applied", col(Application.applied_on) <= today - timedelta(days=WAITING_DAYS))
            ) or 0  # fmt: skip
        items = [
            AttentionItem(
                kind="reapply",
                title=f"You can apply to {_who(app)} again",
                detail=f"The wait you set ended {on_day(app.reapply_after, today)}. Look for a role that fits.",
                route=f"/applications/{app.id}",
                icon="event_available",
                priority=30,
                about=app.id or 0,
                due_on=app.reapply_after,
                dismissible=True,
            )
            for app in due
        ]
        if waiting:
            plural = "application has" if waiting == 1 else "applications have"
            items.append(AttentionItem(
                kind="waiting-30-days",
                title=f"{waiting} {plural} had no reply for over a month",
                detail="After a month, a reply often isn't coming, and that's about their process, not you. "
                "Follow up once if it matters, or mark them “no reply” to clear the list.",
                route="/applications/waiting", icon="hourglass_bottom", priority=60,
            ))  # fmt: skip
        return items
