"""The contract a new feature plugs into: an interview-like provider with its own reminder rules.

Interviews will bring "the evening before" and "an hour before" reminders; this registers
such a provider exactly as docs/DEVELOPING.md describes and checks that Settings, the
catch-up and the phone's schedule treat it like any other feature, with no other change.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from services.attention import AttentionItem
from services.reminders import Reminder, ReminderRule
from tests.reminder_fakes import FakeSystem

pytestmark = pytest.mark.asyncio

WED, THU = date(2026, 3, 4), date(2026, 3, 5)


class InterviewSignals:
    """Stands in for services/interviews/signals.py: one round, Thursday at 10:00."""

    def __init__(self, rounds: dict[int, datetime]):
        self.rounds = rounds  # round id -> start (local)

    def evening_before(self, day: date) -> list[Reminder]:
        return [
            Reminder("Interview tomorrow", f"Round {rid} at {start:%H:%M}. Lay out what you need tonight.", about=rid)
            for rid, start in self.rounds.items()
            if start.date() == day + timedelta(days=1)
        ]

    def hour_before(self, day: date) -> list[Reminder]:
        return [
            Reminder(
                "In an hour",
                "A glass of water, a slow breath. You know your stories.",
                about=rid,
                at=(start - timedelta(hours=1)).time(),
                until=start.time(),
            )
            for rid, start in self.rounds.items()
            if start.date() == day
        ]

    def reminder_rules(self) -> list[ReminderRule]:
        return [
            ReminderRule("interview-evening", "The evening before an interview", self.evening_before, time(19, 0)),
            ReminderRule("interview-hour", "An hour before an interview", self.hour_before, None),
        ]

    def attention(self, today: date) -> list[AttentionItem]:
        return [AttentionItem(kind="interview", title="Interview soon", about=rid) for rid in self.rounds]


@pytest.fixture
def interviews(services, clock):
    provider = InterviewSignals({7: datetime(2026, 3, 5, 10, 0, tzinfo=clock.current.tzinfo)})
    services.attention.register(provider)  # the one line a feature adds in AppServices
    services.reminders.register(provider)
    for rule in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=rule.kind, on=rule.kind.startswith("interview"))
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))
    return provider


async def test_settings_offer_a_time_only_for_the_rule_that_has_one(services, interviews):
    assert services.reminders.time_for("interview-evening") == "19:00"
    assert services.reminders.time_for("interview-hour") == ""
    assert [i.title for i in services.attention.items() if i.kind == "interview"] == ["Interview soon"]


async def test_the_phone_gets_both_at_their_moments(services, interviews):
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    await services.reminders.scheduler.tick()
    assert sorted((f"{s.when:%a %H:%M}", s.title) for s in phone.scheduled.values()) == [
        ("Thu 09:00", "In an hour"),
        ("Wed 19:00", "Interview tomorrow"),
    ]


async def test_an_hour_before_is_caught_up_until_the_interview_begins(services, clock, interviews):
    clock.set(datetime(2026, 3, 5, 9, 40, tzinfo=clock.current.tzinfo))  # opened after 09:00, before 10:00
    assert [o.kind for o in await services.reminders.scheduler.tick()] == ["interview-hour"]


async def test_an_hour_before_is_dropped_once_the_interview_has_begun(services, clock, interviews):
    clock.set(datetime(2026, 3, 5, 10, 5, tzinfo=clock.current.tzinfo))  # opened just after it began
    assert await services.reminders.scheduler.tick() == []
