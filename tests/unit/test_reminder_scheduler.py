"""When reminders go out while the app is open: catch-up once, at their time, never in quiet hours, DST.

The scheduler is driven through `tick()` on a fixed clock; the notifier records what was shown.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.clock import FixedClock
from services.container import AppServices
from services.reminders import ReminderRule, ReminderScheduler
from services.reminders.notify import RecordingNotifier

pytestmark = pytest.mark.asyncio

WED, THU, FRI = date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)


def at(clock, day: date, hour: int, minute: int = 0) -> None:
    clock.set(datetime(day.year, day.month, day.day, hour, minute, tzinfo=clock.current.tzinfo))


def only(services, *kinds: str) -> None:
    """Switch every other rule off, so each test hears only what it is about."""
    for rule in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=rule.kind, on=rule.kind in kinds)
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))


def sent_kinds(shown) -> list[str]:
    return [o.kind for o in shown]


async def test_nothing_before_its_time_then_once_at_it(services, clock, notifier):
    only(services, "apply")
    at(clock, WED, 17, 59)
    assert await services.reminders.scheduler.tick() == []
    at(clock, WED, 18, 0)
    assert sent_kinds(await services.reminders.scheduler.tick()) == ["apply"]
    at(clock, WED, 18, 1)
    assert await services.reminders.scheduler.tick() == []
    assert notifier.sent == [
        ("A small step today?", "There's still time for 2 more applications today, if you have it in you. Small steps count.")
    ]


async def test_catch_up_at_start_is_once_even_after_a_restart(db, services, clock, notifier):
    only(services, "apply", "mood")
    at(clock, WED, 20, 45)  # opened after both times: 18:00 and 20:30
    assert sorted(sent_kinds(await services.reminders.scheduler.tick())) == ["apply", "mood"]
    restarted = AppServices(db, clock, notifier=notifier)
    assert await restarted.reminders.scheduler.tick() == []
    assert len(notifier.sent) == 2


async def test_a_reminder_that_becomes_true_after_its_time_is_not_sent_late(services, clock, notifier):
    only(services, "apply", "selfcare")
    scheduler = services.reminders.scheduler
    at(clock, WED, 15, 0)
    await scheduler.tick()  # the start: nothing to catch up
    app = services.applications.add_application(applied_on=WED - timedelta(days=9), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected")
    at(clock, WED, 15, 1)
    assert await scheduler.tick() == [], "no 10:00 self-care note at 15:01"
    at(clock, WED, 18, 0)
    assert await scheduler.tick() == [], "no apply nudge on the day of a rejection"
    at(clock, THU, 10, 0)
    assert sent_kinds(await scheduler.tick()) == ["selfcare"]
    at(clock, THU, 18, 0)
    assert await scheduler.tick() == []
    assert "Yesterday brought a no" in notifier.sent[0][1]


async def test_a_once_each_reminder_missed_while_closed_comes_later_but_a_daily_one_lapses(services, clock, notifier):
    only(services, "apply", "reapply")
    at(clock, WED, 8, 0)
    app = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Initech")
    services.applications.set_reapply_after(application_id=app.id, on=WED)
    at(clock, THU, 9, 0)  # closed all Wednesday: its apply nudge lapsed, the reapply date did not
    assert sent_kinds(await services.reminders.scheduler.tick()) == ["reapply"]
    assert "Initech" in notifier.sent[0][1]


async def test_catch_up_waits_for_the_morning(services, clock, notifier):
    only(services, "apply", "reapply")
    at(clock, WED, 8, 0)
    app = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Initech")
    services.applications.set_reapply_after(application_id=app.id, on=WED)
    scheduler = services.reminders.scheduler
    at(clock, WED, 22, 0)  # first opened at night: quiet hours (21:00-08:00)
    assert await scheduler.tick() == []
    at(clock, THU, 7, 59)
    assert await scheduler.tick() == []
    at(clock, THU, 8, 0)
    assert sent_kinds(await scheduler.tick()) == ["reapply"], "yesterday's apply nudge has lapsed"
    at(clock, THU, 18, 0)
    assert sent_kinds(await scheduler.tick()) == ["apply"]


async def test_a_time_inside_quiet_hours_waits_or_stays_silent(services, clock, notifier):
    only(services, "mood", "reapply")
    services.reminders.set_time(kind="mood", at="22:15")
    services.reminders.set_time(kind="reapply", at="06:30")
    at(clock, WED, 7, 0)
    app = services.applications.add_application(applied_on=WED - timedelta(days=100), company="Acme")
    services.applications.set_reapply_after(application_id=app.id, on=THU)
    scheduler = services.reminders.scheduler
    sent = []
    for day, hour, minute in [(WED, 7, 30), (WED, 21, 59), (WED, 22, 15), (WED, 23, 0), (THU, 6, 30), (THU, 8, 0)]:
        at(clock, day, hour, minute)
        sent += [(o.kind, f"{clock.now():%a %H:%M}") for o in await scheduler.tick()]
    assert sent == [("reapply", "Thu 08:00")], "the daily check-in stays silent; the once-each note waits"
    services.reminders.set_quiet_hours(on=False)
    at(clock, THU, 22, 15)
    assert sent_kinds(await scheduler.tick()) == ["mood"]


async def test_switched_off_means_silent(services, clock, notifier):
    only(services, "apply", "mood")
    services.reminders.set_enabled(on=False)
    at(clock, WED, 20, 45)
    assert await services.reminders.scheduler.tick() == []
    services.reminders.set_enabled(on=True)
    services.reminders.set_kind_enabled(kind="apply", on=False)
    at(clock, WED, 20, 45)
    assert sent_kinds(await ReminderScheduler(services.reminders, clock).tick()) == ["mood"]


async def test_no_nudges_on_the_very_first_day(services, clock, notifier):
    at(clock, WED, 20, 45)
    assert await services.reminders.scheduler.tick() == []
    at(clock, THU, 20, 45)
    assert "apply" in sent_kinds(await services.reminders.scheduler.tick())


async def test_with_no_system_notifications_the_in_app_message_shows(services, clock, notifier):
    only(services, "mood")
    notifier.works = False
    shown = []
    detach = services.reminders.scheduler.attach_window(lambda title, body: shown.append(body))
    at(clock, WED, 20, 30)
    assert sent_kinds(await services.reminders.scheduler.tick()) == ["mood"]
    assert shown == ["A five-second check-in helps you see your own pattern."]
    assert [r.backend for r in services.reminders.log.recent()] == ["in-app"]
    detach()


async def test_when_nothing_could_show_it_the_next_start_tries_again(db, services, clock, notifier):
    only(services, "mood")
    notifier.works = False  # and no window attached: nothing can show it
    at(clock, WED, 20, 30)
    assert await services.reminders.scheduler.tick() == []
    notifier.works = True
    restarted = AppServices(db, clock, notifier=notifier)
    at(clock, WED, 20, 45)
    assert sent_kinds(await restarted.reminders.scheduler.tick()) == ["mood"]


async def test_the_test_notification_reports_its_backend(services, notifier):
    assert await services.reminders.send_test() == "recording"
    notifier.works = False
    assert await services.reminders.send_test() == "none"
    services.reminders.scheduler.attach_window(lambda title, body: None)
    assert await services.reminders.send_test() == "in-app"


# ---- daylight saving time ---------------------------------------------------------------------

NEW_YORK = ZoneInfo("America/New_York")  # clocks go forward 8 March 2026, back 1 November 2026


@pytest.fixture
def ny_clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 6, 12, 0, tzinfo=NEW_YORK))


async def test_a_daily_time_stays_local_across_the_spring_change(db, ny_clock):
    services = AppServices(db, ny_clock, notifier=RecordingNotifier())
    only(services, "mood")
    days = [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]
    moments = [o.deliver_at.astimezone(UTC) for o in services.reminders.plan(days)]
    # 20:30 in New York: EST (UTC-5) on the 7th, EDT (UTC-4) from the 8th.
    assert moments == [
        datetime(2026, 3, 8, 1, 30, tzinfo=UTC),
        datetime(2026, 3, 9, 0, 30, tzinfo=UTC),
        datetime(2026, 3, 10, 0, 30, tzinfo=UTC),
    ]


async def test_each_day_once_while_the_clocks_change(db, ny_clock):
    notifier = RecordingNotifier()
    services = AppServices(db, ny_clock, notifier=notifier)
    only(services, "mood")
    services.reminders.set_quiet_hours(on=False)
    scheduler = services.reminders.scheduler
    sent = []
    # Every 15 real minutes from Saturday noon to Monday noon, and from 31 Oct to 2 Nov (the autumn change).
    for start, hours in [(datetime(2026, 3, 7, 17, 0, tzinfo=UTC), 48), (datetime(2026, 10, 31, 16, 0, tzinfo=UTC), 48)]:
        moment = start
        while moment < start + timedelta(hours=hours):
            ny_clock.set(moment.astimezone(NEW_YORK))
            sent += [f"{ny_clock.now():%d %b %H:%M}" for _ in await scheduler.tick()]
            moment += timedelta(minutes=15)
    assert sent == ["07 Mar 20:30", "08 Mar 20:30", "31 Oct 20:30", "01 Nov 20:30"]


async def test_a_time_the_clocks_skip_or_repeat_comes_once(db, ny_clock):
    notifier = RecordingNotifier()
    services = AppServices(db, ny_clock, notifier=notifier)
    only(services, "mood")
    services.reminders.set_quiet_hours(on=False)
    services.reminders.set_time(kind="mood", at="02:30")
    scheduler = services.reminders.scheduler
    sent = []
    for start in (datetime(2026, 3, 8, 5, 0, tzinfo=UTC), datetime(2026, 11, 1, 4, 0, tzinfo=UTC)):
        for step in range(4 * 6):  # six hours around each change, every 15 minutes
            ny_clock.set((start + timedelta(minutes=15 * step)).astimezone(NEW_YORK))
            sent += [ny_clock.now().isoformat() for _ in await scheduler.tick()]
    # 02:30 does not exist on 8 March (02:00 -> 03:00): it comes at 03:30 EDT. On 1 November
    # 01:00-02:00 happens twice but 02:30 once, at EST.
    assert sent == ["2026-03-08T03:30:00-04:00", "2026-11-01T02:30:00-05:00"]


# ---- the loop while the app is open ---------------------------------------------------------------


async def wait_until(condition, timeout_s: float = 30) -> None:
    """Wait for a condition (never for a length of time); fail if it never comes."""

    async def poll():
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout_s)


async def test_the_loop_runs_while_a_window_is_open_and_wakes_on_a_change(services, clock, notifier):
    only(services, "apply")
    scheduler = services.reminders.scheduler
    at(clock, WED, 17, 0)
    detach = scheduler.attach_window(lambda title, body: None)
    task = asyncio.create_task(scheduler.run())
    await wait_until(lambda: services.reminders.prefs.first_day() is not None and scheduler._checked_until is not None)
    at(clock, WED, 18, 5)
    services.goals.set_goals(daily_target=3, weekly_target=10, rest_weekdays=[5, 6])  # a change: check now
    await wait_until(lambda: notifier.sent)  # well before the minute's check would have come
    assert "3 more applications" in notifier.sent[0][1]
    await scheduler.run()  # a second start while running does nothing
    detach()  # the window closes: the loop ends
    await asyncio.wait_for(task, 30)
    assert len(notifier.sent) == 1


async def test_a_failing_rule_never_silences_the_others(services, clock, notifier):
    def broken(day):
        raise RuntimeError("boom")

    class Broken:
        def reminder_rules(self):
            return [ReminderRule("broken", "Always fails", broken, time(9, 0))]

    services.reminders.register(Broken())
    only(services, "broken", "mood")
    at(clock, WED, 20, 45)
    assert sent_kinds(await services.reminders.scheduler.tick()) == ["mood"]


async def test_times_in_settings_are_normalised_and_bad_ones_refused(services):
    from services.errors import ValidationError

    for text, stored in [("7:05", "07:05"), ("19.30", "19:30"), ("٠٧:٠٥", "07:05"), (" 23:59 ", "23:59")]:
        assert services.reminders.set_time(kind="apply", at=text) == stored
        assert services.reminders.time_for("apply") == stored
    for bad in ["", "25:00", "noon", "12:60", "'; DROP TABLE setting;--", "18:00 😀", "9" * 5000]:
        with pytest.raises(ValidationError):
            services.reminders.set_time(kind="apply", at=bad)
    assert services.reminders.time_for("apply") == "23:59"
    with pytest.raises(ValidationError):
        services.reminders.set_kind_enabled(kind="nope", on=True)
    with pytest.raises(ValidationError):
        services.reminders.set_quiet_hours(on=True, start="22:00", end="22:00")
    assert services.reminders.quiet_hours().start == time(21, 0)

