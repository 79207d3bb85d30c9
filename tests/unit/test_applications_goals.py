"""Counts per local day and week, goals, and the consistency score against hand-computed values."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from services.applications import consistency
from services.applications.consistency import DayPlan
from services.applications.goals import GoalService
from services.applications.service import ApplicationService
from services.errors import ValidationError
from services.settings import SettingsService
from tests.conftest import LOCAL_TZ

M_DAILY = 0.5 ** (1 / 13)  # every day an applying day: f = 1


@pytest.fixture
def apps(db, clock):
    return ApplicationService(db.session, clock)


@pytest.fixture
def goals(db, clock):
    return GoalService(db.session, clock, SettingsService(db.session, clock))


def test_counts_follow_the_local_day_across_midnight(apps, goals, clock):
    clock.set(datetime(2026, 3, 4, 23, 59, tzinfo=LOCAL_TZ))  # 04:59 UTC on the 5th
    apps.log_application(count=2)
    clock.set(datetime(2026, 3, 5, 0, 1, tzinfo=LOCAL_TZ))
    apps.log_application()
    assert goals.count_on(day=date(2026, 3, 4)) == 2
    assert goals.count_on(day=date(2026, 3, 5)) == 1
    assert goals.progress().today == 1


def test_week_runs_monday_to_sunday(apps, goals, clock):
    clock.set(datetime(2026, 3, 8, 23, 30, tzinfo=LOCAL_TZ))  # Sunday night
    apps.log_application(count=3)
    clock.set(datetime(2026, 3, 9, 0, 30, tzinfo=LOCAL_TZ))  # Monday: a new week
    apps.log_application()
    assert goals.count_in_week(day=date(2026, 3, 8)) == 3
    assert goals.count_in_week(day=date(2026, 3, 9)) == 1
    assert goals.progress().week == 1
    assert goals.counts_by_week(start=date(2026, 3, 1), end=date(2026, 3, 9)) == {date(2026, 3, 2): 3, date(2026, 3, 9): 1}


def test_goals_apply_from_the_day_they_are_set(goals, clock):
    assert goals.current_goals().daily_target == 2
    goals.set_goals(daily_target=5, weekly_target=20, rest_weekdays=[6])
    clock.advance(days=3)
    goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[])
    assert goals.goal_on(day=date(2026, 3, 5)).daily_target == 5
    assert goals.current_goals().daily_target == 1
    with pytest.raises(ValidationError) as err:
        goals.set_goals(daily_target=0, weekly_target=0, rest_weekdays=list(range(7)))
    assert set(err.value.errors) == {"daily_target", "weekly_target", "rest_weekdays"}


# ---- the score, by hand -------------------------------------------------------

START = date(2026, 3, 2)  # a Monday


def plan(target=1, rest=()):
    return lambda day: DayPlan(target, frozenset(rest))


def run(counts_by_offset, target=1, rest=(), days=None):
    days = days if days is not None else len(counts_by_offset)
    counts = {START + timedelta(days=i): n for i, n in enumerate(counts_by_offset)}
    today = START + timedelta(days=days)  # the day after the last one: today itself not started
    return consistency.score(counts, start=START, today=today, plan_for=plan(target, rest))


def test_multiplier_matches_loop_habit_tracker():
    assert consistency.multiplier(1.0) == pytest.approx(0.948078, abs=1e-6)
    assert consistency.multiplier(5 / 7) == pytest.approx(0.5 ** ((5 / 7) ** 0.5 / 13))


def test_all_days_met():
    # s_n = 1 - m^n when every day is complete.
    assert run([1, 1, 1]) == pytest.approx(1 - M_DAILY**3)
    assert run([1] * 3) == pytest.approx(0.14782, abs=1e-5)  # m = 0.948078, m^3 = 0.852180


def test_a_missed_day_only_nudges_the_score():
    met = 1 - M_DAILY
    after_two = met * M_DAILY + (1 - M_DAILY)
    assert run([1, 1, 0]) == pytest.approx(after_two * M_DAILY)
    assert run([1, 1, 0]) > run([1, 0, 0]) > 0


def test_rest_days_leave_the_score_unchanged():
    # Saturday (offset 5) and Sunday (offset 6) are rest days; f = 5/7.
    m = consistency.multiplier(5 / 7)
    five = 1 - m**5
    assert run([1, 1, 1, 1, 1, 0, 0], rest=(5, 6)) == pytest.approx(five)
    assert run([1, 1, 1, 1, 1, 0, 0], rest=(5, 6)) == run([1] * 5, rest=(5, 6))


def test_goal_one_versus_goal_three():
    # Two applications a day: a full day at goal 1, two thirds of a day at goal 3.
    assert run([2, 2], target=1) == pytest.approx(1 - M_DAILY**2)
    two_thirds = 2 / 3 * (1 - M_DAILY)
    assert run([2, 2], target=3) == pytest.approx(two_thirds * M_DAILY + two_thirds)


def test_today_counts_only_when_it_helps():
    counts = {START: 1, START + timedelta(days=1): 0}
    yesterday_only = consistency.score(counts, start=START, today=START + timedelta(days=1), plan_for=plan())
    assert yesterday_only == pytest.approx(1 - M_DAILY)  # nothing yet today: no drop
    counts[START + timedelta(days=1)] = 1
    assert consistency.score(counts, start=START, today=START + timedelta(days=1), plan_for=plan()) > yesterday_only


def test_streak_skips_rest_days_and_waits_for_today():
    counts = {START + timedelta(days=i): 1 for i in range(5)}  # Mon-Fri met, weekend rest
    monday_after = START + timedelta(days=7)
    assert consistency.streak(counts, start=START, today=monday_after, plan_for=plan(rest=(5, 6))) == 5
    counts[monday_after] = 1
    assert consistency.streak(counts, start=START, today=monday_after, plan_for=plan(rest=(5, 6))) == 6
    del counts[START + timedelta(days=2)]
    assert consistency.streak(counts, start=START, today=monday_after, plan_for=plan(rest=(5, 6))) == 3


def test_progress_brings_it_together(apps, goals, clock):
    goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[])
    clock.advance(days=-2)
    apps.log_application()
    clock.advance(days=1)
    apps.log_application()
    clock.advance(days=1)
    p = goals.progress()
    assert (p.today, p.week, p.daily_target, p.weekly_target, p.rest_day) == (0, 2, 1, 5, False)
    assert p.consistency == pytest.approx(1 - M_DAILY**2)
    assert p.streak == 2 and p.show_streak is False
    goals.set_show_streak(show=True)
    assert goals.progress().show_streak is True
