"""The contract a new feature plugs into: interviews, with their own reminder rules.

Interviews bring "the evening before" and "an hour before" reminders. Their provider
(services/interviews/signals.py) is registered exactly as docs/DEVELOPING.md describes;
this checks that Settings, the catch-up and the phone's schedule treat it like any other
feature, with no other change. (Before interviews landed, a stand-in played its part.)
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.reminder_fakes import FakeSystem

pytestmark = pytest.mark.asyncio

WED, THU = date(2026, 3, 4), date(2026, 3, 5)


@pytest.fixture
def interviews(services, clock):
    """A round on Thursday at 10:00, through the real provider that AppServices registers."""
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme")
    services.interviews.schedule_interview(application_id=app.id, day=THU, at="10:00", round="technical")
    for rule in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=rule.kind, on=rule.kind.startswith("interview"))
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))
    return services.signals[-1]


async def test_settings_offer_a_time_only_for_the_rule_that_has_one(services, interviews):
    assert services.reminders.time_for("interview-evening") == "19:00"
    assert services.reminders.time_for("interview-hour") == ""
    assert [i.title for i in services.attention.items() if i.kind == "interview-soon"] == [
        "Tomorrow at 10:00: technical interview with Acme"
    ]


async def test_the_phone_gets_both_at_their_moments(services, interviews):
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    await services.reminders.scheduler.tick()
    assert sorted((f"{s.when:%a %H:%M}", s.title) for s in phone.scheduled.values()) == [
        ("Thu 09:00", "Interview in an hour"),
        ("Wed 19:00", "Interview tomorrow"),
    ]


async def test_an_hour_before_is_caught_up_until_the_interview_begins(services, clock, interviews):
    clock.set(datetime(2026, 3, 5, 9, 40, tzinfo=clock.current.tzinfo))  # opened after 09:00, before 10:00
    assert [o.kind for o in await services.reminders.scheduler.tick()] == ["interview-hour"]


async def test_an_hour_before_is_dropped_once_the_interview_has_begun(services, clock, interviews):
    clock.set(datetime(2026, 3, 5, 10, 5, tzinfo=clock.current.tzinfo))  # opened just after it began
    assert await services.reminders.scheduler.tick() == []
