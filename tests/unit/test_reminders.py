"""The reminder engine: once a day, only after its time, only with something to say."""

from datetime import datetime

import pytest

from services.errors import ValidationError
from services.reminders.notify import ChainNotifier, InAppNotifier, PlyerNotifier
from services.reminders.service import ReminderRule
from tests.conftest import LOCAL_TZ


@pytest.fixture
def engine(services, clock, notifier):
    state = {"say": True}
    rule = ReminderRule("apply", "A nudge to apply", "18:00", lambda d: ("Bounceback", f"nudge {d}") if state["say"] else None)
    services.reminders.rules = [rule]
    services.settings.set("reminders.first_day", "2026-01-01")
    return services.reminders, state


def at(clock, hour, minute=0, day=4):
    clock.set(datetime(2026, 3, day, hour, minute, tzinfo=LOCAL_TZ))


def test_not_before_its_time(engine, clock, notifier):
    reminders, _ = engine
    at(clock, 17, 59)
    assert reminders.run_due() == []
    at(clock, 18, 0)
    assert reminders.run_due() == ["apply"]
    assert notifier.sent == [("Bounceback", "nudge 2026-03-04")]


def test_once_a_day_then_again_tomorrow(engine, clock, notifier):
    reminders, _ = engine
    at(clock, 19)
    reminders.run_due()
    reminders.run_due()
    assert len(notifier.sent) == 1
    at(clock, 18, 30, day=5)
    assert reminders.run_due() == ["apply"]
    assert len(notifier.sent) == 2


def test_catch_up_at_start_is_once(engine, clock, notifier):
    """The app was closed at 18:00; opened at 21:00 it catches up one reminder, not more."""
    reminders, _ = engine
    at(clock, 21)
    assert reminders.run_due() == ["apply"]
    assert reminders.run_due() == []


def test_quiet_when_nothing_to_say(engine, clock, notifier):
    reminders, state = engine
    state["say"] = False  # e.g. today's goal is met
    at(clock, 20)
    assert reminders.run_due() == []
    assert notifier.sent == []


def test_switched_off_means_silent(engine, clock, notifier):
    reminders, _ = engine
    reminders.set_enabled(on=False)
    at(clock, 20)
    assert reminders.run_due() == []
    reminders.set_enabled(on=True)
    reminders.set_kind_enabled(kind="apply", on=False)
    assert reminders.run_due() == []


@pytest.mark.parametrize("text, stored", [("7:05", "07:05"), ("19.30", "19:30"), (" 23:59 ", "23:59")])
def test_times_are_normalised(engine, text, stored):
    reminders, _ = engine
    assert reminders.set_time(kind="apply", at=text) == stored
    assert reminders.time_for("apply") == stored


@pytest.mark.parametrize("bad", ["", "25:00", "noon", "12:60", "'; DROP TABLE setting;--"])
def test_bad_times_are_refused_and_keep_the_old_one(engine, bad):
    reminders, _ = engine
    with pytest.raises(ValidationError):
        reminders.set_time(kind="apply", at=bad)
    assert reminders.time_for("apply") == "18:00"


def test_missing_system_backend_falls_back_to_in_app(monkeypatch):
    in_app = InAppNotifier()
    shown = []
    in_app.show = lambda title, body: shown.append(body)

    class Broken:
        name = "system"

        def notify(self, *, title, message):
            raise NotImplementedError("no backend")

    chain = ChainNotifier([Broken(), in_app])
    assert chain.notify(title="t", message="hello")
    assert shown == ["hello"] and chain.name == "in-app"


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_plyer_without_backend_reports_false_not_crash(monkeypatch):
    import plyer

    def boom(**kwargs):
        raise NotImplementedError

    monkeypatch.setattr(plyer.notification, "notify", boom)
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/notify-send")
    assert PlyerNotifier().notify(title="t", message="m") is False


def test_test_notification_names_the_backend(services, notifier):
    assert services.reminders.send_test() == "recording"
    assert notifier.sent


def test_no_nudges_on_the_very_first_day(services, clock, notifier):
    services.reminders.rules = [ReminderRule("apply", "x", "09:00", lambda d: ("t", "m"))]
    at(clock, 21)
    assert services.reminders.run_due() == []
    at(clock, 21, day=5)
    assert services.reminders.run_due() == ["apply"]
