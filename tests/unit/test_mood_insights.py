"""Insights on a constructed history with a fixed clock: with/without comparisons
(including "not enough days yet") and bounce-back times after rejections."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import text

from models.application import ApplicationUpdate
from services.mood.insights import BounceBackReport, bounce_back_days, trend_of
from tests.conftest import LOCAL_TZ
from tests.unit.test_mood import add_application, at

TODAY = date(2026, 3, 4)  # the clock fixture's day


def log(services, clock, day: date, mood: int, **kwargs):
    at(clock, day)
    entry = services.mood.log_entry(mood=mood, **kwargs)
    clock.set(datetime(2026, 3, 4, 9, 30, tzinfo=LOCAL_TZ))
    return entry


def reject(services, app_id: int, on: date) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO status_change (application_id, status, changed_on, created_at) "
                "VALUES (:a, 'rejected', :d, '2026-01-01 00:00:00')"
            ),
            {"a": app_id, "d": on.isoformat()},
        )
        conn.execute(
            text("UPDATE application SET status='rejected', status_on=:d WHERE id=:a"),
            {"a": app_id, "d": on.isoformat()},
        )


def test_walk_days_compared_with_other_days(services, clock):
    for i in range(4):  # four days with a walk at 4
        log(services, clock, TODAY - timedelta(days=i), 4, activities=["walk"])
    for i in range(4, 7):  # three days without at 2, one with rest at 3
        log(services, clock, TODAY - timedelta(days=i), 2)
    log(services, clock, TODAY - timedelta(days=7), 3, activities=["rest"])
    walk, rest = services.mood_insights.self_care_comparisons(days=30)
    assert walk.label == "walk" and walk.ready
    assert (walk.with_days, walk.without_days) == (4, 4)
    assert walk.with_average == 4 and walk.without_average == (2 + 2 + 2 + 3) / 4
    assert walk.difference == 4 - 2.25
    assert rest.label == "rest" and not rest.ready and rest.difference is None  # one day is not enough


def test_a_walk_twice_in_a_day_counts_the_day_once(services, clock):
    log(services, clock, TODAY, 2, activities=["walk"])
    log(services, clock, TODAY, 4, activities=["walk"])
    (walk,) = services.mood_insights.self_care_comparisons(days=30)
    assert walk.with_days == 1 and walk.with_average == 3


def test_not_enough_days_on_one_side(services, clock):
    for i in range(5):
        log(services, clock, TODAY - timedelta(days=i), 3, activities=["walk"])
    log(services, clock, TODAY - timedelta(days=6), 3)
    log(services, clock, TODAY - timedelta(days=7), 3)
    (walk,) = services.mood_insights.self_care_comparisons(days=30)
    assert (walk.with_days, walk.without_days, walk.ready) == (5, 2, False)


def test_days_outside_the_window_are_ignored(services, clock):
    log(services, clock, TODAY - timedelta(days=40), 5, activities=["walk"])
    assert services.mood_insights.self_care_comparisons(days=30) == []


def test_mood_with_and_without_applications(services, clock):
    for i in range(3):
        add_application(services, applied_on=TODAY - timedelta(days=i))
        log(services, clock, TODAY - timedelta(days=i), 4)
    assert not services.mood_insights.applications_comparison(days=30).ready
    for i in range(3, 6):
        log(services, clock, TODAY - timedelta(days=i), 3)
    comparison = services.mood_insights.applications_comparison(days=30)
    assert comparison.ready and comparison.with_average == 4 and comparison.without_average == 3


def test_bounce_back_from_a_tracked_rejection(services, clock):
    rejected_on = TODAY - timedelta(days=10)
    for i in range(11, 21):  # usual: median of 4s and a few 3s = 4
        log(services, clock, TODAY - timedelta(days=i), 4 if i % 3 else 3)
    app_id = add_application(services, applied_on=TODAY - timedelta(days=25), company="Acme")
    reject(services, app_id, rejected_on)
    log(services, clock, rejected_on, 2)
    log(services, clock, rejected_on + timedelta(days=1), 3)
    log(services, clock, rejected_on + timedelta(days=3), 4)  # back on day 3
    report = services.mood_insights.bounce_backs()
    (item,) = report.items
    assert (item.rejected_on, item.usual, item.days, item.label) == (rejected_on, 4, 3, "Acme, Designer")
    assert report.trend is None  # too few to call a trend


def test_rejection_marked_on_a_mood_entry_counts_once(services, clock):
    for i in range(5, 10):
        log(services, clock, TODAY - timedelta(days=i), 3)
    log(services, clock, TODAY - timedelta(days=4), 1, about_rejection=True)
    log(services, clock, TODAY - timedelta(days=4), 2, about_rejection=True)  # same "no", same day
    report = services.mood_insights.bounce_backs()
    (item,) = report.items
    assert item.label == "A rejection" and item.days is None  # not back at the usual 3 yet
    log(services, clock, TODAY, 3)
    assert services.mood_insights.bounce_backs().items[0].days == 4


def test_entry_about_a_tracked_rejection_is_not_a_second_rejection(services, clock):
    app_id = add_application(services, applied_on=TODAY - timedelta(days=9))
    reject(services, app_id, TODAY - timedelta(days=2))
    log(services, clock, TODAY - timedelta(days=1), 2, about_rejection=True, application_id=app_id)
    (item,) = services.mood_insights.bounce_backs().items
    assert item.rejected_on == TODAY - timedelta(days=2) and item.usual is None  # no history before it


def test_bounce_back_rule_on_plain_lists():
    days = [date(2026, 1, d) for d in (1, 2, 3, 10, 11, 14)]
    moods = [4.0, 3.0, 5.0, 2.0, 3.5, 4.0]
    assert bounce_back_days(days, moods, date(2026, 1, 10), date(2026, 2, 1)) == (4.0, 4)
    assert bounce_back_days(days, moods, date(2026, 1, 2), date(2026, 2, 1)) == (None, None)  # 1 day before


def test_trend_of_bounce_back_times():
    assert trend_of([5, 6, 2, 1]) == "shorter"
    assert trend_of([1, 2, 6, 7]) == "longer"
    assert trend_of([3, 2, 3, 3]) == "steady"
    assert trend_of([3, 1, 2]) is None


# ---------------------------------------------------------------- the cached report
def history_with_a_rejection(services, clock) -> date:
    """A usual of 4 over ten days, a 'no' marked on a low entry, not yet bounced back."""
    rejected_on = TODAY - timedelta(days=5)
    for i in range(6, 16):
        log(services, clock, TODAY - timedelta(days=i), 4)
    log(services, clock, rejected_on, 1, about_rejection=True)
    return rejected_on


def test_repeat_call_with_nothing_changed_is_served_from_the_cache(services, clock, monkeypatch):
    history_with_a_rejection(services, clock)
    insights = services.mood_insights
    first = insights.bounce_backs()
    calls = []
    monkeypatch.setattr(insights, "_rejections", lambda s: calls.append(1) or [])
    assert insights.bounce_backs() == first and calls == []
    assert insights.bounce_backs(limit=None) == BounceBackReport((), None) and calls == [1]  # another shape


def test_cache_sees_a_new_mood_entry(services, clock):
    rejected_on = history_with_a_rejection(services, clock)
    assert services.mood_insights.bounce_backs().items[0].days is None
    log(services, clock, rejected_on + timedelta(days=2), 4)
    assert services.mood_insights.bounce_backs().items[0].days == 2


def test_cache_sees_an_edit_even_when_the_clock_has_not_moved(services, clock):
    rejected_on = history_with_a_rejection(services, clock)
    entry = log(services, clock, rejected_on + timedelta(days=1), 2)
    assert services.mood_insights.bounce_backs().items[0].days is None
    # Same frozen instant as the last write: updated_at alone would not tell.
    services.mood.edit_entry(entry_id=entry.id, mood=5)
    assert services.mood_insights.bounce_backs().items[0].days == 1
    services.mood.edit_entry(entry_id=entry.id, mood=2)
    assert services.mood_insights.bounce_backs().items[0].days is None


def test_cache_sees_an_edit_that_unmarks_the_rejection(services, clock):
    rejected_on = history_with_a_rejection(services, clock)
    (entry,) = services.mood.entries_on(day=rejected_on)
    assert services.mood_insights.bounce_backs().total == 1
    services.mood.edit_entry(entry_id=entry.id, mood=1, about_rejection=False)
    report = services.mood_insights.bounce_backs()
    assert report.total == 0 and report.items == ()


def test_cache_sees_a_deleted_entry(services, clock):
    rejected_on = history_with_a_rejection(services, clock)
    back = log(services, clock, rejected_on + timedelta(days=3), 5)
    assert services.mood_insights.bounce_backs().items[0].days == 3
    services.mood.delete_entry(entry_id=back.id)
    assert services.mood_insights.bounce_backs().items[0].days is None
    (marked,) = services.mood.entries_on(day=rejected_on)
    services.mood.delete_entry(entry_id=marked.id)
    assert services.mood_insights.bounce_backs().items == ()


def test_cache_sees_a_status_change_and_a_deleted_application(services, clock):
    for i in range(6, 16):
        log(services, clock, TODAY - timedelta(days=i), 3)
    app_id = add_application(services, applied_on=TODAY - timedelta(days=20), company="Initech")
    assert services.mood_insights.bounce_backs().items == ()
    services.applications.change_status(application_id=app_id, status="rejected", on=TODAY - timedelta(days=4))
    (item,) = services.mood_insights.bounce_backs().items
    assert (item.label, item.rejected_on, item.usual) == ("Initech, Designer", TODAY - timedelta(days=4), 3)
    services.applications.update_application(application_id=app_id, changes=ApplicationUpdate(company="Initrode"))
    assert services.mood_insights.bounce_backs().items[0].label == "Initrode, Designer"
    services.applications.delete_application(application_id=app_id)
    assert services.mood_insights.bounce_backs().items == ()


def test_cache_sees_an_application_set_to_rejected_without_a_status_change(services, clock):
    for i in range(6, 16):
        log(services, clock, TODAY - timedelta(days=i), 3)
    app_id = add_application(services, applied_on=TODAY - timedelta(days=4))
    assert services.mood_insights.bounce_backs().items == ()
    with services.db.engine.begin() as conn:  # an older copy of the app, say: no history row, same updated_at
        conn.execute(text("UPDATE application SET status = 'rejected' WHERE id = :a"), {"a": app_id})
    (item,) = services.mood_insights.bounce_backs().items
    assert (item.rejected_on, item.application_id) == (TODAY - timedelta(days=4), app_id)


def test_cache_is_worked_out_again_on_a_new_day(services, clock, monkeypatch):
    history_with_a_rejection(services, clock)
    insights = services.mood_insights
    insights.bounce_backs()
    real, calls = insights._rejections, []
    monkeypatch.setattr(insights, "_rejections", lambda s: calls.append(1) or real(s))
    insights.bounce_backs()
    assert calls == []
    clock.advance(days=1)
    assert insights.bounce_backs().total == 1 and calls == [1]


def test_only_the_shown_items_are_built_but_all_are_counted(services, clock):
    for i in range(30, 60):
        log(services, clock, TODAY - timedelta(days=i), 3)
    apps = [add_application(services, applied_on=TODAY - timedelta(days=60), company=f"Co{i}") for i in range(12)]
    for i, app_id in enumerate(apps):  # twelve "no"s on six days, each followed by a good day
        reject(services, app_id, TODAY - timedelta(days=28 - 2 * (i // 2)))
        log(services, clock, TODAY - timedelta(days=27 - 2 * (i // 2)), 4)
    full = services.mood_insights.bounce_backs(limit=None)
    report = services.mood_insights.bounce_backs(limit=3, bars=5)
    assert (full.total, len(full.items)) == (12, 12)
    assert (report.total, len(report.items), len(report.recent_known)) == (12, 3, 5)
    assert report.items == full.items[:3] and report.recent_known == full.items[:5]
    assert report.items[0].label == "Co11, Designer" and report.items[0].rejected_on == TODAY - timedelta(days=18)
    assert report.known_count == 12 and report.average_days == 1 and report.trend == "steady"
