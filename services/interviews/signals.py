"""What interviews promise Today and the reminders (registered in services/container.py).

Today ("needs attention"), each item about one round (`about` its id, `due_on` its day):
- coming up: a round today or tomorrow that hasn't begun, with today's share of its prep plan;
- follow-ups after a round: "How did it go?" until it is checked in (three days), then the
  thank-you note while it is fresh (through the day after).
Each can be set aside (dismissible); the round's page keeps everything.

Reminders, both optional in Settings:
- the evening before: a daily rule at 19:00 by default, one reminder per round tomorrow;
- an hour before: no time in Settings; each reminder carries its own moment and is dropped
  once the round has begun. services/interviews/reminders.py words both, purely.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from services.attention import AttentionItem
from services.clock import Clock
from services.dates import capitalised, day_text
from services.interviews.after import thank_you_window_ends
from services.interviews.records import InterviewInfo
from services.interviews.reminders import evening_before, hour_before
from services.interviews.service import InterviewService
from services.interviews.times import clock_text
from services.reminders.rules import Reminder, ReminderRule

CHECK_IN_DAYS = 3  # "How did it go?" is asked for this long after a round
EVENING = time(19, 0)


class InterviewSignals:
    def __init__(self, interviews: InterviewService, clock: Clock):
        self._interviews = interviews
        self._clock = clock

    # ---- Today -------------------------------------------------------------------------
    def attention(self, today: date) -> list[AttentionItem]:
        now = self._clock.now()
        rounds = self._interviews.on_days(start=today - timedelta(days=CHECK_IN_DAYS), end=today + timedelta(days=1))
        coming = [self._coming_up(i, today) for i in rounds if i.starts > now]
        after = [item for i in reversed(rounds) if i.ends <= now for item in self._follow_up(i, today)]
        return coming + after

    def _coming_up(self, i: InterviewInfo, today: date) -> AttentionItem:
        plan = self._interviews.plans.plan(interview_id=i.id)
        left = len(plan.to_do) if plan else 0
        if plan is not None and plan.warm_up:
            detail = "A short warm-up from your prep plan, then a slow breath. You've prepared for this."
        elif left:
            detail = f"{left} question{'s' if left != 1 else ''} from your prep plan for today, whenever suits you."
        else:
            detail = "Today's share of your prep plan is done. Rest counts as preparation too."
        when = capitalised(day_text(i.starts.date(), today))
        return AttentionItem(
            kind="interview-soon", title=f"{when} at {clock_text(i.starts)}: {i.phrase}", detail=detail,
            route=f"/interviews/{i.id}", icon="event", priority=15, about=i.id, due_on=i.starts.date(),
            dismissible=True,
        )

    def _follow_up(self, i: InterviewInfo, today: date) -> list[AttentionItem]:
        day = i.starts.date()
        route = f"/interviews/{i.id}/after"
        if i.mood_entry_id is None:
            return [AttentionItem(
                kind="interview-check-in", title=f"How did your {i.phrase} go?",
                detail="A quick check-in while it's fresh: how you feel, and the questions they asked.",
                route=route, icon="forum", priority=20, about=i.id, due_on=day, dismissible=True,
            )]
        if i.thank_you_sent_on is None and today <= thank_you_window_ends(day):
            return [AttentionItem(
                kind="interview-thank-you", title="A thank-you note, while it's fresh?",
                detail=f"A few warm lines after your {i.phrase}. We'll draft it with you.",
                route=route, icon="mail_outline", priority=25, about=i.id, due_on=day, dismissible=True,
            )]
        return []

    # ---- reminders: pure functions of the rounds and the day ----------------------------
    def evening_before(self, day: date) -> list[Reminder]:
        tomorrow = day + timedelta(days=1)
        return evening_before(self._interviews.rounds_between(start=tomorrow, end=tomorrow), day)

    def hour_before(self, day: date) -> list[Reminder]:
        # A round just after midnight is reminded late the evening before: look one day on.
        return hour_before(self._interviews.rounds_between(start=day, end=day + timedelta(days=1)), day)

    def reminder_rules(self) -> list[ReminderRule]:
        return [
            ReminderRule("interview-evening", "The evening before an interview", self.evening_before, EVENING),
            ReminderRule("interview-hour", "An hour before an interview", self.hour_before, None),
        ]
