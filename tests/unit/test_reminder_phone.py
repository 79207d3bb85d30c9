"""The phone's schedule: after each change, which reminders are handed to the system and which cancelled.

The flet-notifications extension is faked at the boundary the app talks to
(`tests/reminder_fakes.FakeSystem`: schedule / cancel / show / permission). The
fixed clock is Wednesday 4 March 2026, 09:30 (UTC-5); goals are 2 a day, weekends off.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from services.container import AppServices
from tests.reminder_fakes import FakeSystem

pytestmark = pytest.mark.asyncio

WED = date(2026, 3, 4)


def only(services, *kinds: str) -> None:
    for rule in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=rule.kind, on=rule.kind in kinds)
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))


def plan(phone: FakeSystem) -> set[tuple[str, str]]:
    """What the phone holds, as (local day and time, title): independent of how ids are made."""
    return {(f"{s.when:%a %d %H:%M}", s.title) for s in phone.scheduled.values()}


def ids_for(phone: FakeSystem, title: str, when: str | None = None) -> set[int]:
    return {i for i, s in phone.scheduled.items() if s.title == title and (when is None or f"{s.when:%a %d %H:%M}" == when)}


APPLY, MOOD, CARE = "A small step today?", "How was today?", "Go gently"


@pytest.fixture
async def phone(services, clock):
    only(services, "apply", "selfcare", "mood")
    fake = FakeSystem(allowed=True)
    assert await services.reminders.scheduler.attach_system(fake) == "granted"
    await services.reminders.scheduler.tick()
    return fake


async def test_the_next_seven_days_are_handed_to_the_system(phone):
    weekdays = ["Wed 04", "Thu 05", "Fri 06", "Mon 09", "Tue 10"]  # Saturday and Sunday are rest days
    week = ["Wed 04", "Thu 05", "Fri 06", "Sat 07", "Sun 08", "Mon 09", "Tue 10"]
    assert plan(phone) == {(f"{d} 18:00", APPLY) for d in weekdays} | {(f"{d} 20:30", MOOD) for d in week}
    assert all(s.when.utcoffset() == timedelta(hours=-5) for s in phone.scheduled.values())
    assert all(s.payload in ("/", "/mood") for s in phone.scheduled.values()), "a tap opens the right screen"


async def test_meeting_the_goal_cancels_only_todays_nudge(services, phone):
    [today] = ids_for(phone, APPLY, "Wed 04 18:00")
    phone.take_calls()
    services.applications.log_application(count=2)
    await services.reminders.scheduler.tick()
    assert phone.take_calls() == [("cancel", today)]
    services.applications.log_application(count=1)  # a third: nothing more to change
    await services.reminders.scheduler.tick()
    assert phone.take_calls() == []


async def test_a_rejection_swaps_two_nudges_for_care(services, clock, phone):
    wed, thu = ids_for(phone, APPLY, "Wed 04 18:00"), ids_for(phone, APPLY, "Thu 05 18:00")
    phone.take_calls()
    app = services.applications.add_application(applied_on=WED - timedelta(days=9), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected")
    await services.reminders.scheduler.tick()
    calls = phone.take_calls()
    assert sorted(i for c, i in calls if c == "cancel") == sorted(wed | thu)
    assert {("Wed 04 10:00", CARE), ("Thu 05 10:00", CARE)} <= plan(phone)
    assert {(f"{phone.scheduled[i].when:%a %d %H:%M}", phone.scheduled[i].title) for c, i in calls if c == "schedule"} == {
        ("Wed 04 10:00", CARE),
        ("Thu 05 10:00", CARE),
    }
    assert not ids_for(phone, APPLY, "Wed 04 18:00") and not ids_for(phone, APPLY, "Thu 05 18:00")


async def test_settings_changes_reschedule_and_cancel(services, phone):
    moods = ids_for(phone, MOOD)
    phone.take_calls()
    services.reminders.set_time(kind="mood", at="19:15")
    await services.reminders.scheduler.tick()
    assert {f"{phone.scheduled[i].when:%H:%M}" for i in ids_for(phone, MOOD)} == {"19:15"}
    assert {i for c, i in phone.take_calls() if c == "cancel"} == moods, "each old time is cancelled"
    services.reminders.set_kind_enabled(kind="mood", on=False)
    await services.reminders.scheduler.tick()
    assert not ids_for(phone, MOOD)
    services.reminders.set_enabled(on=False)
    await services.reminders.scheduler.tick()
    assert phone.scheduled == {}, "switched off: nothing is left with the system"


async def test_a_review_that_empties_the_deck_cancels_practice(services, clock):
    from services.practice.starter import SEEDED_KEY

    services.settings.set(SEEDED_KEY, True)
    card = services.practice.deck.create_card(question="Why this role?")
    only(services, "practice")
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    await services.reminders.scheduler.tick()
    assert ("Wed 04 12:00", "Practice, if you like") in plan(phone)
    phone.take_calls()
    services.practice.schedule.review_card(card_id=card.id, rating=3)
    await services.reminders.scheduler.tick()
    assert ("Wed 04 12:00", "Practice, if you like") not in plan(phone)
    due_day = services.practice.schedule.local_day(services.practice.deck.get_card(card_id=card.id).due)
    week = [WED + timedelta(days=i) for i in range(7)]
    # Due from its day on (a card left unpractised stays due), none before.
    assert plan(phone) == {(f"{d:%a %d} 12:00", "Practice, if you like") for d in week if d >= due_day}
    assert due_day > WED


async def test_what_the_system_showed_is_not_shown_again_after_a_restart(db, services, clock, phone):
    clock.set(datetime(2026, 3, 4, 20, 45, tzinfo=clock.current.tzinfo))  # 18:00 and 20:30 went by
    restarted = AppServices(db, clock)
    shown_again = FakeSystem()
    await restarted.reminders.scheduler.attach_system(shown_again)
    assert await restarted.reminders.scheduler.tick() == []
    assert shown_again.shown == [] and shown_again.calls == []


async def test_missed_before_the_phone_took_over_is_caught_up_through_it(services, clock):
    only(services, "mood")
    clock.set(datetime(2026, 3, 4, 20, 45, tzinfo=clock.current.tzinfo))
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    assert [o.kind for o in await services.reminders.scheduler.tick()] == ["mood"]
    assert [title for _, title, _ in phone.shown] == [MOOD], "shown now, through the phone"
    assert ("Wed 04 20:30", MOOD) not in plan(phone) and ("Thu 05 20:30", MOOD) in plan(phone)


async def test_without_permission_nothing_is_scheduled_and_reminders_show_in_the_app(services, clock, notifier):
    only(services, "mood")
    phone = FakeSystem(allowed=False, grants_when_asked=False)
    scheduler = services.reminders.scheduler
    assert await scheduler.attach_system(phone) == "not-asked"
    assert await scheduler.permission(ask=True) == "refused"
    clock.set(datetime(2026, 3, 4, 20, 45, tzinfo=clock.current.tzinfo))
    assert [o.kind for o in await scheduler.tick()] == ["mood"]
    assert phone.scheduled == {} and phone.shown == []
    assert notifier.sent, "the next backend showed it"
    phone.allowed = True  # turned on later in the phone's settings
    assert await scheduler.permission() == "granted"
    await scheduler.tick()
    assert ("Thu 05 20:30", MOOD) in plan(phone)


async def test_a_broken_extension_changes_nothing_and_fails_quietly(services, clock):
    only(services, "mood")
    phone = FakeSystem()
    await services.reminders.scheduler.attach_system(phone)
    phone.broken = True
    await services.reminders.scheduler.tick()
    assert phone.scheduled == {}
    assert services.reminders.log.pending(after=clock.now()) == [], "nothing is recorded as scheduled"
    phone.broken = False
    services.reminders.scheduler.changed()
    await services.reminders.scheduler.tick()
    assert len(phone.scheduled) == 7
