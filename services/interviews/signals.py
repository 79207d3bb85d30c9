"""What interviews bring to Today's "needs attention" and to the reminders.

- attention: after a round, "How did it go?" until it is checked in (three days), and the
  thank-you note while it is fresh (through the day after);
- reminders: the evening before and an hour before (services/interviews/reminders.py
  decides what each says for a day; this only feeds it the rounds).

`legacy_rules` adapts both reminders to the reminder service on main today (one message
per kind a day, at a set time). The typed per-feature providers being built in
services/reminders take `evening_before` / `hour_before` as they are.
"""

from __future__ import annotations

from datetime import date, timedelta

from services.attention import AttentionItem
from services.clock import Clock
from services.interviews.after import thank_you_window_ends
from services.interviews.reminders import InterviewReminder, evening_before, hour_before
from services.interviews.service import InterviewService
from services.reminders.service import Message, ReminderRule

CHECK_IN_DAYS = 3


class InterviewSignals:
    def __init__(self, interviews: InterviewService, clock: Clock):
        self._interviews = interviews
        self._clock = clock

    # ---- Today -------------------------------------------------------------------------
    def attention_items(self, today: date) -> list[AttentionItem]:
        items = []
        for i in self._interviews.recent(days=CHECK_IN_DAYS):
            thank_you_due = i.thank_you_sent_on is None and today <= thank_you_window_ends(i.starts.date())
            if i.mood_entry_id is None:
                title = f"How did your {i.phrase} go?"
                detail = "A quick check-in while it's fresh: how you feel, and the questions they asked."
            elif thank_you_due:
                title = "A thank-you note, while it's fresh?"
                detail = f"A few warm lines after your {i.phrase}. We'll draft it with you."
            else:
                continue
            items.append(AttentionItem(key=f"interview-after:{i.id}", title=title, detail=detail,
                                       route=f"/interviews/{i.id}/after", icon="forum", priority=20))
        return items

    # ---- reminders (pure of the rounds and the day) ------------------------------------------
    def evening_before(self, day: date) -> list[InterviewReminder]:
        tomorrow = day + timedelta(days=1)
        return evening_before(self._interviews.rounds_between(start=tomorrow, end=tomorrow), day)

    def hour_before(self, day: date) -> list[InterviewReminder]:
        return hour_before(self._interviews.rounds_between(start=day, end=day + timedelta(days=1)), day)

    def legacy_rules(self) -> list[ReminderRule]:
        """Both reminders for today's reminder service (one message per kind and day)."""

        def evening(today: date) -> Message | None:
            found = self.evening_before(today)
            if not found:
                return None
            if len(found) == 1:
                return found[0].title, found[0].body
            return "Interviews tomorrow", " ".join(r.body for r in found)

        def hour(today: date) -> Message | None:
            now = self._clock.now().time()
            for r in self.hour_before(today):
                if r.at is not None and r.at <= now and (r.until is None or now < r.until):
                    return r.title, r.body
            return None

        return [
            ReminderRule("interview_evening", "The evening before an interview", "19:00", evening),
            # Checked every minute from this time on; it speaks only in the hour before a round.
            ReminderRule("interview_hour", "An hour before an interview (from this time of day)", "06:00", hour),
        ]
