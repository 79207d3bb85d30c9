"""The consistency score against Loop Habit Tracker's published algorithm.

`loop_reference` is a transliteration of uhabits-core's ScoreList.recompute
and Score.compute (iSoron/uhabits, commit 5aa8744e). It is checked first
against the values Loop's own tests publish (ScoreTest.kt, ScoreListTest.kt),
so it can be trusted as a reference; then our score is checked against it on
calendars a job seeker has: every day, weekdays only, once a week, with
misses and partial days.

The mapping (see services/applications/consistency.py for why): applying is
a daily Loop habit, a rest day is Loop's SKIP entry, and a goal of N a day is
a numerical "at least N" habit (goal 1: a yes/no habit).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.applications import consistency
from services.applications.consistency import DayPlan
from tests.unit import loop_reference as loop
from tests.unit.loop_reference import NO, SKIP, YES_MANUAL

E = 1e-6  # Loop's own tolerance
START = date(2026, 3, 2)  # a Monday
WEEKENDS = (5, 6)
ONLY_WEDNESDAY = (0, 1, 3, 4, 5, 6)


# ---- the reference reproduces Loop's published numbers --------------------------


def test_reference_compute_matches_loop_score_test():
    # ScoreTest.test_compute_withDailyHabit / withNonDailyHabit
    assert loop.compute(1.0, 0.0, 1) == pytest.approx(0.051922, abs=E)
    assert loop.compute(1.0, 0.5, 1) == pytest.approx(0.525961, abs=E)
    assert loop.compute(1.0, 0.75, 0) == pytest.approx(0.711058, abs=E)
    assert loop.compute(1 / 3, 0.5, 1) == pytest.approx(0.515157, abs=E)
    assert loop.compute(1 / 3, 0.75, 0) == pytest.approx(0.727263, abs=E)


def _newest_first(n_days: int, skips: set[int]) -> list[int]:
    """Loop's tests count days back from today: offset 0 is today."""
    return [SKIP if off in skips else YES_MANUAL for off in range(n_days - 1, -1, -1)]


def test_reference_matches_loop_score_list_tests():
    # YesNoScoreListTest.test_getValue: 20 checked days, newest first.
    daily = loop.recompute(_newest_first(20, set()))[::-1]
    assert daily[:4] == pytest.approx([0.655747, 0.636894, 0.617008, 0.596033], abs=E)
    assert daily[-1] == pytest.approx(0.051922, abs=E)
    # YesNoScoreListTest.test_getValueWithSkip: skips at 5, 10 and 11 days ago hold the score.
    skipped = loop.recompute(_newest_first(20, {5, 10, 11}))[::-1]
    assert skipped[:7] == pytest.approx([0.596033, 0.573910, 0.550574, 0.525961, 0.5, 0.472617, 0.472617], abs=E)
    assert skipped[10:14] == pytest.approx([0.347244, 0.347244, 0.347244, 0.311495], abs=E)
    # YesNoScoreListTest.test_imperfectNonDaily: two of three a week converges to 2/3.
    weeks = [YES_MANUAL, YES_MANUAL, NO, NO, NO, NO, NO] * 100
    assert loop.recompute(weeks[::-1], numerator=3, denominator=7)[-1] == pytest.approx(2 / 3, abs=E)
    # NumericalAtLeastScoreListWithSkipTest.test_getValue (target 2, amounts times 1000).
    amounts = [SKIP if off in (10, 15) else 2000 for off in range(19, -1, -1)]
    numeric = loop.recompute(amounts, numerical=True, target=2.0)[::-1]
    assert numeric[:2] == pytest.approx([0.617008, 0.596033], abs=E)
    assert numeric[15:17] == pytest.approx([0.192067, 0.192067], abs=E)
    # NumericalAtLeastScoreListTest.shouldAchieveComparableScoreToProgress: half the target, forever.
    assert loop.recompute([1000] * 500, numerical=True, target=2.0)[-1] == pytest.approx(0.5, abs=E)


# ---- our score against the reference --------------------------------------------


def _calendar(counts: list[int]) -> dict[date, int]:
    # Rest-day counts stay in: what is sent on a rest day is kept, and the score must skip it.
    return {START + timedelta(days=i): n for i, n in enumerate(counts)}


def ours(counts: list[int], *, target: int = 1, rest: tuple[int, ...] = (), today_offset: int | None = None) -> float:
    """Our score the morning after the last listed day (or on `today_offset`)."""
    today = START + timedelta(days=len(counts) if today_offset is None else today_offset)
    plan = DayPlan(target, frozenset(rest))
    return consistency.score(_calendar(counts), start=START, today=today, plan_for=lambda d: plan)


def loops(counts: list[int], *, target: int = 1, rest: tuple[int, ...] = ()) -> float:
    """Loop's score at the end of the last listed day: a daily habit, rest days skipped."""
    values = []
    for i, n in enumerate(counts):
        if (START + timedelta(days=i)).weekday() in rest:
            values.append(SKIP)
        elif target == 1:
            values.append(YES_MANUAL if n >= 1 else NO)
        else:
            values.append(n * 1000)
    if target == 1:
        return loop.recompute(values)[-1]
    return loop.recompute(values, numerical=True, target=float(target))[-1]


def weeks_of(pattern: list[int], n: int) -> list[int]:
    return pattern * n


CALENDARS = {
    # name: (counts from Monday START on, target, rest weekdays)
    "daily, 20 days met": ([1] * 20, 1, ()),
    "daily, misses": ([1, 1, 0, 1, 2, 0, 0, 1, 1, 1, 0, 1, 1, 1], 1, ()),
    "daily, goal 3, partial days": ([3, 2, 0, 4, 1, 3, 3, 0, 2, 3], 3, ()),
    "weekdays only, 4 weeks met": (weeks_of([1, 1, 1, 1, 1, 0, 0], 4), 1, WEEKENDS),
    "weekdays only, a miss a week": (weeks_of([1, 0, 1, 1, 1, 0, 0], 6), 1, WEEKENDS),
    "weekdays only, sent at the weekend too": (weeks_of([1, 1, 1, 1, 1, 2, 1], 3), 1, WEEKENDS),
    "weekdays only, goal 2, uneven": (weeks_of([2, 1, 3, 0, 2, 0, 0], 5), 2, WEEKENDS),
    "once a week, 12 weeks met": (weeks_of([0, 0, 1, 0, 0, 0, 0], 12), 1, ONLY_WEDNESDAY),
    "once a week, two missed": (weeks_of([0, 0, 1, 0, 0, 0, 0], 5) + weeks_of([0, 0, 0, 0, 0, 0, 0], 2)
                                + weeks_of([0, 0, 1, 0, 0, 0, 0], 3), 1, ONLY_WEDNESDAY),
    "once a week, goal 5, partial": (weeks_of([0, 0, 3, 0, 0, 0, 0], 4) + weeks_of([0, 0, 6, 0, 0, 0, 0], 4),
                                     5, ONLY_WEDNESDAY),
}


@pytest.mark.parametrize("name", CALENDARS)
def test_score_equals_loops_daily_habit_with_rest_days_skipped(name):
    counts, target, rest = CALENDARS[name]
    assert ours(counts, target=target, rest=rest) == pytest.approx(loops(counts, target=target, rest=rest), abs=1e-9)


def test_published_and_worked_values():
    # Loop's published value for 20 checked days in a row.
    assert ours([1] * 20) == pytest.approx(0.655747, abs=E)
    # Twelve perfect weeks at one applying day a week: the same as twelve perfect days
    # (21% when rest days were skipped and the multiplier slowed as well).
    assert ours(weeks_of([0, 0, 1, 0, 0, 0, 0], 12), rest=ONLY_WEDNESDAY) == pytest.approx(1 - 0.5 ** (12 / 13), abs=E)
    # A perfect first week with the weekend off: five steps.
    assert ours([1, 1, 1, 1, 1, 0, 0], rest=WEEKENDS) == pytest.approx(0.234017, abs=E)


def test_rest_days_never_cost_anything():
    friday_night = ours([1, 1, 0, 1, 1], rest=WEEKENDS)
    monday_morning = ours([1, 1, 0, 1, 1, 0, 0], rest=WEEKENDS)
    assert monday_morning == friday_night
    # Loop: "skipped days should be treated as if they never existed".
    assert loops([1, 1, 0, 1, 1, 0, 0], rest=WEEKENDS) == pytest.approx(loops([1, 1, 0, 1, 1]), abs=1e-12)


def test_today_counts_only_once_it_helps():
    counts = [1, 1, 0, 1]  # Monday to Thursday; "today" is Thursday
    morning = ours(counts[:3] + [0], today_offset=3)
    assert morning == pytest.approx(loops(counts[:3]), abs=1e-12)  # nothing yet today: yesterday's score
    assert ours(counts, today_offset=3) == pytest.approx(loops(counts), abs=1e-12)  # met: today's step counts
    assert ours(counts, today_offset=3) > morning


def test_streak_skips_rest_days_and_waits_for_today():
    plan = DayPlan(1, frozenset(WEEKENDS))
    counts = {START + timedelta(days=i): 1 for i in range(5)}  # Monday to Friday met, weekend rest
    monday_after = START + timedelta(days=7)

    def streak():
        return consistency.streak(counts, start=START, today=monday_after, plan_for=lambda d: plan)

    assert streak() == 5
    counts[monday_after] = 1
    assert streak() == 6
    del counts[START + timedelta(days=2)]  # a missed Wednesday breaks it
    assert streak() == 3
