"""What each reminder says, on data built through the real services (fixed clock, UTC-5)."""

from datetime import date, datetime, timedelta

import pytest

from tests.conftest import LOCAL_TZ

WED = date(2026, 3, 4)


def rule(services, kind):
    return next(r for r in services.reminders.rules if r.kind == kind)


def at(clock, day: date, hour: int = 21):
    clock.set(datetime(day.year, day.month, day.day, hour, 0, tzinfo=LOCAL_TZ))


def test_every_kind_is_registered(services):
    assert {r.kind for r in services.reminders.rules} == {
        "apply", "selfcare", "mood", "practice", "feedback", "reapply", "interview_evening", "interview_hour"}


def test_apply_nudge_only_until_the_goal_is_met(services, clock):
    services.goals.set_goals(daily_target=2, weekly_target=10, rest_weekdays=[5, 6])
    at(clock, WED)
    assert "2 more applications" in rule(services, "apply").compose(WED)[1]
    services.applications.log_application(count=1)
    assert "one more application" in rule(services, "apply").compose(WED)[1]
    services.applications.log_application(count=1)
    assert rule(services, "apply").compose(WED) is None


def test_apply_nudge_never_on_a_rest_day(services, clock):
    services.goals.set_goals(daily_target=2, weekly_target=10, rest_weekdays=[5, 6])
    saturday = date(2026, 3, 7)
    at(clock, saturday)
    assert rule(services, "apply").compose(saturday) is None


def test_day_after_a_rejection_gets_self_care_not_apply(services, clock):
    at(clock, WED - timedelta(days=1), hour=15)
    app = services.applications.add_application(applied_on=WED - timedelta(days=20), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected")
    at(clock, WED, hour=21)
    assert rule(services, "apply").compose(WED) is None
    assert "something kind for yourself" in rule(services, "selfcare").compose(WED)[1]
    at(clock, WED + timedelta(days=1))
    assert rule(services, "selfcare").compose(WED + timedelta(days=1)) is None


def test_mood_check_in_only_when_nothing_logged_today(services, clock):
    at(clock, WED, hour=20)
    assert rule(services, "mood").compose(WED) is not None
    services.mood.log_entry(mood=3)
    assert rule(services, "mood").compose(WED) is None


def test_practice_only_when_cards_are_due(services, clock):
    at(clock, WED, hour=12)
    due = services.practice.schedule.due_count()
    message = rule(services, "practice").compose(WED)
    assert (message is None) == (due == 0)


def test_feedback_follow_up_after_a_week_without_reply(services, clock):
    at(clock, WED, hour=10)
    record = services.feedback.record_feedback(company="Globex")
    services.feedback.mark_asked(feedback_id=record.id, on=WED)
    assert rule(services, "feedback").compose(WED) is None
    later = WED + timedelta(days=7)
    at(clock, later, hour=11)
    assert "Globex" in rule(services, "feedback").compose(later)[1]


def test_reapply_note_on_the_day_the_wait_ends(services, clock):
    at(clock, WED, hour=9)
    app = services.applications.add_application(applied_on=WED - timedelta(days=10), company="Initech")
    services.applications.set_reapply_after(application_id=app.id, on=WED + timedelta(days=2))
    assert rule(services, "reapply").compose(WED) is None
    arrival = WED + timedelta(days=2)
    at(clock, arrival, hour=10)
    assert "Initech" in rule(services, "reapply").compose(arrival)[1]


@pytest.mark.parametrize("company", ["", "  ", "😀 Émoji Café", "شركة", "'); DROP TABLE application;--"])
def test_odd_company_names_never_break_a_reminder(services, clock, company):
    at(clock, WED, hour=9)
    app = services.applications.add_application(applied_on=WED - timedelta(days=10), company=company or None)
    services.applications.set_reapply_after(application_id=app.id, on=WED)
    title, body = rule(services, "reapply").compose(WED)
    assert body and title == "Bounceback"


def test_run_due_sends_through_the_notifier(services, clock, notifier):
    services.settings.set("reminders.first_day", "2026-01-01")
    at(clock, WED, hour=21)
    sent = services.reminders.run_due()
    assert "mood" in sent and "apply" in sent
    assert len(notifier.sent) == len(sent)
