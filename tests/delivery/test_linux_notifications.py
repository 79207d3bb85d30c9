"""Real delivery on Linux: our plyer backend against a real notification daemon on a private D-Bus.

A private session bus (dbus-daemon with no activatable services), a virtual X display
(Xvfb) and Debian's dunst as the notification daemon (tests/linux_desktop.py). We send
through `PlyerNotifier` and read the notification back from dunst (`dunstctl history`).
With no daemon on the bus, the backend must report failure and the in-app message must
appear instead. Missing tools skip here, and fail under CI=true.
"""

from __future__ import annotations

import sys
from datetime import date, datetime

import pytest

from services.container import AppServices
from services.reminders import linux_bus
from services.reminders.notify import ChainNotifier, InAppNotifier, PlyerNotifier
from tests.linux_desktop import dunst_history, dunst_on, private_bus, require_tools, wait_for

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux notifications")


@pytest.fixture
def bus(tmp_path, monkeypatch):
    require_tools()
    with private_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)  # our backend finds this bus, as in a session
        yield address


@pytest.fixture
def dunst(bus, tmp_path):
    with dunst_on(bus, tmp_path):
        yield bus


def test_plyer_backend_delivers_to_a_real_daemon_and_it_is_read_back(dunst):
    title, body = "Bounceback", "Your wait for Café Ünïcode 😀 شركة is over."
    assert PlyerNotifier().notify_now(title=title, message=body) is True
    wait_for(lambda: any(n["body"] == body for n in dunst_history(dunst)), "the notification in dunst's history")
    [shown] = [n for n in dunst_history(dunst) if n["body"] == body]
    assert shown == {"summary": title, "body": body, "appname": "Bounceback"}


async def test_with_no_daemon_the_backend_says_so_and_the_app_shows_it(bus):
    assert linux_bus.service_answers() is False
    assert PlyerNotifier().notify_now(title="Bounceback", message="Anyone there?") is False
    in_app = InAppNotifier()
    shown = []
    in_app.attach(lambda title, message: shown.append(message))
    chain = ChainNotifier([PlyerNotifier(), in_app])
    assert await chain.deliver(title="Bounceback", message="Anyone there?") == "in-app"
    assert shown == ["Anyone there?"]


async def test_a_due_reminder_reaches_the_daemon_through_the_whole_app(dunst, db, clock):
    services = AppServices(db, clock)  # the real backends: plyer first, then in-app
    for rule in services.reminders.rules:
        services.reminders.set_kind_enabled(kind=rule.kind, on=rule.kind == "mood")
    services.reminders.prefs.mark_first_day(date(2026, 1, 1))
    clock.set(datetime(2026, 3, 4, 20, 30, tzinfo=clock.current.tzinfo))
    [occ] = await services.reminders.scheduler.tick()
    assert [r.backend for r in services.reminders.log.recent()] == ["system"]
    wait_for(lambda: any(n["body"] == occ.body for n in dunst_history(dunst)), "the check-in in dunst's history")
