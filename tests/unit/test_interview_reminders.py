"""Interview reminders: the evening before and an hour before, as pure functions of the
rounds and the day, and registered with the reminders as main's contract asks (fixed clock, UTC-5)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from services.interviews.reminders import Round, evening_before, hour_before
from tests.conftest import LOCAL_TZ
from tests.reminder_fakes import FakeSystem

WED, THU, FRI, SAT = (date(2026, 3, d) for d in (4, 5, 6, 7))


def at(day: date, hour: int, minute: int = 0, tz=LOCAL_TZ) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


ROUNDS = [
    Round(1, "technical interview with Acme", at(THU, 15, 30), "video"),
    Round(2, "phone screen with Globex", at(THU, 10, 0), "phone"),
    Round(3, "panel interview with Initech", at(SAT, 0, 30), "in_person"),
]


def test_the_evening_before_says_what_tomorrow_holds():
    found = evening_before(ROUNDS, WED)
    assert [(r.about, r.title) for r in found] == [(2, "Interview tomorrow"), (1, "Interview tomorrow")]
    assert found[0].body == (
        "Your phone screen with Globex is tomorrow at 10:00. Charge your phone and think of a quiet spot, "
        "then rest: you've prepared for this."
    )
    assert found[1].body.startswith("Your technical interview with Acme is tomorrow at 15:30. Check the link")
    assert all(r.at is None for r in found), "delivered at the rule's evening time"
    assert [r.about for r in evening_before(ROUNDS, FRI)] == [3]
    assert evening_before(ROUNDS, THU) == []


def test_an_hour_before_at_its_own_moment_and_not_after_it_begins():
    found = hour_before(ROUNDS, THU)
    assert [(r.about, r.at, r.until) for r in found] == [(2, time(9, 0), time(10, 0)), (1, time(14, 30), time(15, 30))]
    assert found[0].title == "Interview in an hour"
    assert found[0].body == "Phone screen with Globex at 10:00. A glass of water, a slow breath. You know your stories."


def test_a_round_just_after_midnight_is_reminded_the_evening_before_at_23_30():
    [found] = hour_before(ROUNDS, FRI)
    assert (found.about, found.at, found.until) == (3, time(23, 30), None)
    assert hour_before(ROUNDS, SAT) == []


def test_an_hour_before_across_the_clocks_going_forward():
    """29 March 2026, London: clocks go from 01:00 GMT to 02:00 BST. A 02:30 BST round
    (01:30 UTC) is reminded at 00:30 GMT (00:30 UTC), not at a 01:30 that never happens."""
    london = ZoneInfo("Europe/London")
    start = datetime(2026, 3, 29, 2, 30, tzinfo=london)
    [found] = hour_before([Round(9, "final interview with Acme", start)], date(2026, 3, 29))
    assert found.at == time(0, 30) and found.until == time(2, 30)


# ---- registered with the reminders (services/interviews/signals.py) -------------------------
def rule(services, kind):
    return next(r for r in services.reminders.rules if r.kind == kind)


def scheduled(services, clock):
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme")
    return services.interviews.schedule_interview(application_id=app.id, day=SAT, at="14:00", round="technical",
                                                  format="in_person").interview


@pytest.fixture
def only_interviews(services):
    """Every other feature's reminders off, so a tick shows only these."""
    for r in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=r.kind, on=r.kind.startswith("interview"))
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))


def test_both_are_offered_in_settings_the_evening_with_a_time_and_can_be_switched_off(services):
    assert rule(services, "interview-evening").label == "The evening before an interview"
    assert services.reminders.time_for("interview-evening") == "19:00"
    assert services.reminders.time_for("interview-hour") == "", "an hour before times itself"
    services.reminders.set_kind_enabled(kind="interview-hour", on=False)
    assert not services.reminders.kind_enabled("interview-hour")
    assert services.reminders.kind_enabled("interview-evening")


def test_the_rules_speak_for_the_round_on_its_days(services, clock):
    interview = scheduled(services, clock)
    evening, hour = rule(services, "interview-evening"), rule(services, "interview-hour")
    assert evening.decide(THU) == []
    [said] = evening.decide(FRI)
    assert (said.about, said.at, said.route) == (interview.id, None, f"/interviews/{interview.id}")
    assert said.body == (
        "Your technical interview with Acme is tomorrow at 14:00. Plan the journey with a little time to spare, "
        "then rest: you've prepared for this."
    )
    assert hour.decide(FRI) == []
    [soon] = hour.decide(SAT)
    assert (soon.title, soon.at, soon.until) == ("Interview in an hour", time(13, 0), time(14, 0))
    services.interviews.cancel_interview(interview_id=interview.id)
    assert evening.decide(FRI) == [] and hour.decide(SAT) == []


async def test_the_evening_reminder_is_shown_once_at_its_time(services, clock, notifier, only_interviews):
    scheduled(services, clock)
    clock.set(at(FRI, 18, 59))
    assert await services.reminders.scheduler.tick() == []
    clock.set(at(FRI, 19, 0))
    assert [o.kind for o in await services.reminders.scheduler.tick()] == ["interview-evening"]
    clock.set(at(FRI, 21, 0))
    assert await services.reminders.scheduler.tick() == []
    assert len(notifier.sent) == 1 and "tomorrow at 14:00" in notifier.sent[0][1]


async def test_an_hour_before_is_caught_up_until_it_begins_then_dropped(services, clock, only_interviews):
    scheduled(services, clock)
    services.reminders.set_kind_enabled(kind="interview-evening", on=False)
    clock.set(at(SAT, 12, 59))
    assert await services.reminders.scheduler.tick() == []
    clock.set(at(SAT, 13, 40))  # opened after 13:00, before the 14:00 round
    assert [o.kind for o in await services.reminders.scheduler.tick()] == ["interview-hour"]
    assert await services.reminders.scheduler.tick() == [], "once"


async def test_an_hour_before_never_comes_after_the_round_began(services, clock, only_interviews):
    scheduled(services, clock)
    clock.set(at(SAT, 14, 5))
    assert await services.reminders.scheduler.tick() == []


async def test_the_phone_gets_both_at_their_moments(services, clock, only_interviews):
    scheduled(services, clock)
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    await services.reminders.scheduler.tick()
    assert sorted((f"{s.when:%a %H:%M}", s.title) for s in phone.scheduled.values()) == [
        ("Fri 19:00", "Interview tomorrow"),
        ("Sat 13:00", "Interview in an hour"),
    ]
