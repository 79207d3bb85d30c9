"""What each reminder says, decided from the data when it is due (never nagging).

- apply: only on applying days, only while today's goal isn't met, and not the
  day after a rejection (that day gets the self-care note instead);
- selfcare: the day after a logged rejection;
- mood: when nothing has been logged today;
- practice: when cards are due;
- feedback: when a request has waited a week without a reply;
- reapply: on the day a company's waiting period ends.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from services.reminders.service import Message, ReminderRule

if TYPE_CHECKING:
    from services.container import AppServices

TITLE = "Bounceback"


def _rejected_yesterday(services: AppServices, today: date) -> bool:
    latest = services.applications.queries.recent_rejection(within_days=1)
    return latest is not None and latest.status_on == today - timedelta(days=1)


def build_rules(services: AppServices) -> list[ReminderRule]:
    def apply(today: date) -> Message | None:
        goals = services.goals.goal_on(day=today)
        if today.weekday() in goals.rest_weekdays or _rejected_yesterday(services, today):
            return None
        done = services.goals.count_on(day=today)
        if done >= goals.daily_target:
            return None
        left = goals.daily_target - done
        one = "one more application" if left == 1 else f"{left} more applications"
        return TITLE, f"There's still time for {one} today, if you have it in you. Small steps count."

    def selfcare(today: date) -> Message | None:
        if not _rejected_yesterday(services, today):
            return None
        return TITLE, "Yesterday brought a no. Today, start with something kind for yourself: a walk, a friend, some rest."

    def mood(today: date) -> Message | None:
        if services.mood.entries_on(day=today):
            return None
        return TITLE, "How was today? A five-second check-in helps you see your own pattern."

    def practice(today: date) -> Message | None:
        due = services.practice.schedule.due_count()
        if not due:
            return None
        cards = "1 practice question is" if due == 1 else f"{due} practice questions are"
        return TITLE, f"{cards} ready whenever you are. A few minutes out loud is plenty."

    def feedback(today: date) -> Message | None:
        waiting = [i for i in services.feedback.attention_items(today) if i.key.startswith("feedback-request:")]
        if not waiting:
            return None
        return TITLE, f"{waiting[0].title}. A short, friendly follow-up is fine, or let it go: asking was the professional part."

    def reapply(today: date) -> Message | None:
        for item in services.applications.queries.attention_items(today):
            if not item.key.startswith("reapply:"):
                continue
            app = services.applications.get(application_id=int(item.key.split(":")[1]))
            if app.reapply_after == today:
                who = app.company or "a company you applied to"
                return TITLE, f"Your wait for {who} ends today. Have a look for a role there that fits you."
        return None

    return [
        ReminderRule("apply", "A nudge to apply, if today's goal isn't met", "18:00", apply),
        ReminderRule("selfcare", "Self-care the day after a rejection", "10:00", selfcare),
        ReminderRule("mood", "Evening mood check-in", "20:30", mood),
        ReminderRule("practice", "Practice cards due", "12:00", practice),
        ReminderRule("feedback", "Feedback requests with no reply for a week", "10:30", feedback),
        ReminderRule("reapply", "A company's waiting period ends", "09:30", reapply),
        *services.interview_signals.legacy_rules(),  # the evening before and an hour before an interview
    ]
