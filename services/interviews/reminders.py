"""Interview reminders: the evening before and an hour before, as pure functions of (rounds, day).

Each takes the coming rounds (already in local time) and a local day, and says what
that day holds: one `Reminder` per round, `about` its id, opening the round's page. The reminder service decides
when to deliver (times, quiet hours, catch-up); these only decide what and for whom.

- evening before: on the day before a round (delivered at the rule's evening time);
- an hour before: on the day the hour-before moment falls (a 00:30 round's reminder
  is at 23:30 the evening before), at that moment, and not after the round begins.
Cancelled rounds never reach here (the caller leaves them out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from services.reminders.rules import Reminder

HOUR_BEFORE = timedelta(hours=1)

TIPS = {
    "video": "Check the link and your sound tonight,",
    "phone": "Charge your phone and think of a quiet spot,",
    "in_person": "Plan the journey with a little time to spare,",
}


@dataclass(frozen=True)
class Round:
    """What a reminder needs to know about a round."""

    id: int
    phrase: str  # "technical interview with Acme"
    starts: datetime  # aware, local
    format: str = "video"


def evening_before(rounds: Iterable[Round], day: date) -> list[Reminder]:
    """A gentle note on `day` for each round on the day after."""
    out = []
    for r in sorted(rounds, key=lambda r: (r.starts, r.id)):
        if r.starts.date() != day + timedelta(days=1):
            continue
        tip = TIPS.get(r.format, "Lay out what you need tonight,")
        out.append(Reminder(
            about=r.id,
            route=f"/interviews/{r.id}",
            title="Interview tomorrow",
            body=f"Your {r.phrase} is tomorrow at {r.starts:%H:%M}. {tip} then rest: you've prepared for this.",
        ))
    return out


def hour_before(rounds: Iterable[Round], day: date) -> list[Reminder]:
    """For each round whose hour-before moment falls on `day`: that moment, until it begins."""
    out = []
    for r in sorted(rounds, key=lambda r: (r.starts, r.id)):
        # Through UTC: wall-clock arithmetic would be off by the change on a daylight-saving day.
        moment = (r.starts.astimezone(UTC) - HOUR_BEFORE).astimezone(r.starts.tzinfo)
        if moment.date() != day:
            continue
        out.append(Reminder(
            about=r.id,
            route=f"/interviews/{r.id}",
            title="Interview in an hour",
            body=f"{r.phrase[:1].upper()}{r.phrase[1:]} at {r.starts:%H:%M}. "
                 "A glass of water, a slow breath. You know your stories.",
            at=moment.time().replace(second=0, microsecond=0),
            until=r.starts.time() if r.starts.date() == day else None,
        ))
    return out
