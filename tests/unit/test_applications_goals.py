"""Counts per local day and week, goals, and progress as Today reads it.

The score itself is checked against Loop's algorithm in test_consistency.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from services.applications.goals import GoalService
from services.applications.service import ApplicationService
from services.errors import ValidationError
from services.settings import SettingsService
from tests.conftest import LOCAL_TZ
from tests.unit import loop_reference as loop


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


def test_progress_brings_it_together(apps, goals, clock):
    goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[])
    clock.advance(days=-2)
    apps.log_application()
    clock.advance(days=1)
    apps.log_application()
    clock.advance(days=1)
    p = goals.progress()
    assert (p.today, p.week, p.daily_target, p.weekly_target, p.rest_day) == (0, 2, 1, 5, False)
    # Two met days of a daily yes/no habit in Loop; today (nothing yet) doesn't lower it.
    assert p.consistency == pytest.approx(loop.recompute([loop.YES_MANUAL] * 2)[-1], abs=1e-9)
    assert p.streak == 2 and p.show_streak is False
    goals.set_show_streak(show=True)
    assert goals.progress().show_streak is True


def test_a_long_once_a_week_history_is_not_cut_at_a_year(apps, goals, clock):
    # Only Wednesdays are applying days. 80 perfect weeks: Loop's daily habit with six
    # skipped days a week gives 1 - 0.5 ** (80 / 13); a one-year window would stop at 52 steps.
    goals.set_goals(daily_target=1, weekly_target=1, rest_weekdays=[0, 1, 3, 4, 5, 6])
    wednesday = clock.now()  # 4 March 2026 is a Wednesday
    for weeks_ago in range(80, 0, -1):
        clock.set(wednesday - timedelta(weeks=weeks_ago))
        apps.log_application()
    clock.set(wednesday)
    expected = loop.recompute([loop.YES_MANUAL] * 80)[-1]
    assert goals.progress().consistency == pytest.approx(expected, abs=1e-9)
    assert expected > 0.98 > 1 - 0.5 ** (52 / 13)  # 98.6% against 93.8%


def test_the_day_of_a_no_is_a_care_day_that_never_lowers_the_score(apps, goals, clock):
    goals.set_goals(daily_target=1, weekly_target=5, rest_weekdays=[])
    monday = clock.now() - timedelta(days=2)
    clock.set(monday)
    app = apps.add_application(applied_on=clock.today(), company="Acme")
    clock.advance(days=1)
    apps.log_application()
    clock.advance(days=1)  # Wednesday: a no, nothing sent
    apps.change_status(application_id=app.id, status="rejected")
    assert goals.progress().care_day is True
    clock.advance(days=1)  # Thursday morning
    p = goals.progress()
    assert p.care_day is False
    # Loop: Monday and Tuesday met, Wednesday skipped (Thursday not started).
    assert p.consistency == pytest.approx(loop.recompute([loop.YES_MANUAL, loop.YES_MANUAL, loop.SKIP])[-1], abs=1e-9)
    assert p.streak == 2
    # A no logged today for last week makes both days care days.
    old = apps.add_application(applied_on=clock.today() - timedelta(days=20), company="Globex")
    apps.change_status(application_id=old.id, status="rejected", on=clock.today() - timedelta(days=6))
    assert goals.care_days(start=clock.today() - timedelta(days=10), end=clock.today()) == {
        clock.today() - timedelta(days=6), clock.today() - timedelta(days=1), clock.today(),
    }
