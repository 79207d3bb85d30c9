"""The consistency score and the streak: pure functions over per-day counts.

The score follows Loop Habit Tracker's habit score: an exponential moving
average of each day's goal completion, min(count / goal, 1), with the
multiplier m = 0.5 ** (sqrt(f) / 13), where f is the share of the week's days
that are applying days. Rest days leave the score as it was, so resting never
costs anything, and a missed day only nudges it down.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DayPlan:
    daily_target: int
    rest_weekdays: frozenset[int]  # Monday=0 ... Sunday=6

    def is_rest(self, day: date) -> bool:
        return day.weekday() in self.rest_weekdays

    @property
    def frequency(self) -> float:
        return (7 - len(self.rest_weekdays)) / 7


def multiplier(frequency: float) -> float:
    return 0.5 ** (math.sqrt(frequency) / 13.0)


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
    m = multiplier(plan.frequency)
    return value * m + completion(count, plan.daily_target) * (1 - m)


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
