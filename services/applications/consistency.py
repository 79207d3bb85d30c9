"""The consistency score and the streak: pure functions over per-day counts.

The score is Loop Habit Tracker's habit score for a daily habit whose rest
days are marked "skip" (uhabits-core ScoreList.recompute and Score.compute):
each applying day moves an exponential moving average of that day's goal
completion, min(count / goal, 1), by the daily multiplier m = 0.5 ** (1 / 13),
so half of the score comes from the last 13 applying days. A rest day is
Loop's skip: the score stays exactly as it was, so resting never costs
anything (and never earns anything either).

Why not Loop's frequency factor m = 0.5 ** (sqrt(f) / 13): Loop uses it for a
"k times a week" habit because it steps through every calendar day and
credits each day with the share of checks in a rolling window, so a slower
multiplier keeps that many steps from moving the score too fast. Rest days
here are named weekdays, not a weekly quota, so they are skipped outright;
slowing the multiplier as well would count them twice (twelve perfect weeks
at one applying day a week scored 21% that way, against 47% now, the same as
twelve perfect applying days for anyone). One applying day counts the same
whatever the plan, which is also the easiest rule to explain on Today.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

# Loop's daily multiplier: a score of 0 reaches 50% after 13 applying days at the goal.
MULTIPLIER = 0.5 ** (1 / 13)


@dataclass(frozen=True)
class DayPlan:
    daily_target: int
    rest_weekdays: frozenset[int]  # Monday=0 ... Sunday=6

    def is_rest(self, day: date) -> bool:
        return day.weekday() in self.rest_weekdays

    @property
    def applying_days_a_week(self) -> int:
        return 7 - len(self.rest_weekdays)


def completion(count: int, target: int) -> float:
    return min(count / target, 1.0) if target > 0 else 1.0


def score(
    counts: Mapping[date, int], *, start: date, today: date, plan_for: Callable[[date], DayPlan]
) -> float:
    """0.0-1.0. Days from `start` up to yesterday always count; today counts only
    when it lifts the score, so a morning that hasn't started yet isn't a drop."""
    value = 0.0
    day = start
    while day < today:
        value = _step(value, day, counts.get(day, 0), plan_for(day))
        day += timedelta(days=1)
    if start <= today:
        value = max(value, _step(value, today, counts.get(today, 0), plan_for(today)))
    return value


def _step(value: float, day: date, count: int, plan: DayPlan) -> float:
    if plan.is_rest(day):
        return value
    return value * MULTIPLIER + completion(count, plan.daily_target) * (1 - MULTIPLIER)


def streak(counts: Mapping[date, int], *, start: date, today: date, plan_for: Callable[[date], DayPlan]) -> int:
    """Applying days in a row that met the goal, counted back from today.
    Rest days are skipped (they neither add nor break); today only adds once met."""
    days = 0
    day = today
    while day >= start:
        plan = plan_for(day)
        if not plan.is_rest(day):
            if counts.get(day, 0) >= plan.daily_target:
                days += 1
            elif day != today:
                break
        day -= timedelta(days=1)
    return days
