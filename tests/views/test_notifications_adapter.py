"""The phone backend's adapter over flet-notifications, with the extension replaced by a stand-in module.

The real package exists only in a built app (it is a `[tool.flet.<platform>]` dependency);
these tests check the guard (which platforms try it, what a missing or silent Dart half does)
and that our calls match its API as read from the 0.1.4 wheel.
"""

from __future__ import annotations

import asyncio
import sys
import types
from datetime import datetime, timedelta, timezone
from enum import StrEnum

import flet as ft
import pytest

from views.notifications import FletNotifications, system_notifications

pytestmark = pytest.mark.asyncio


class Mode(StrEnum):
    INEXACT_ALLOW_WHILE_IDLE = "inexactAllowWhileIdle"


class StandIn:
    """Mirrors LocalNotifications' async methods (names and arguments from the wheel)."""

    answers = True

    def __init__(self):
        self.calls = []
        self.on_tap = None

    async def are_notifications_enabled(self):
        if self.answers is None:
            await asyncio.sleep(3600)  # a client without the Dart half never answers
        return self.answers

    async def request_permissions(self):
        self.calls.append(("request_permissions",))
        return True

    async def show(self, id, title=None, body=None, payload=""):
        self.calls.append(("show", id, title, body, payload))

    async def schedule(self, id, when, title=None, body=None, payload="", schedule_mode=None):
        self.calls.append(("schedule", id, when, title, body, payload, schedule_mode))

    async def cancel(self, id, tag=None):
        self.calls.append(("cancel", id))

    async def open_app_notification_settings(self):
        self.calls.append(("open_settings",))


@pytest.fixture
def extension(monkeypatch):
    module = types.ModuleType("flet_notifications")
    module.LocalNotifications = StandIn
    module.AndroidScheduleMode = Mode
    monkeypatch.setitem(sys.modules, "flet_notifications", module)
    monkeypatch.setattr("views.notifications.PROBE_TIMEOUT_S", 0.05)
    return module


def page(platform, web=False):
    return types.SimpleNamespace(web=web, platform=platform, navigate=lambda route: None)


async def test_only_phone_and_mac_builds_try_it(extension):
    assert await system_notifications(page(ft.PagePlatform.LINUX)) is None
    assert await system_notifications(page(ft.PagePlatform.WINDOWS)) is None
    assert await system_notifications(page(ft.PagePlatform.ANDROID, web=True)) is None, "the browser view never"
    assert isinstance(await system_notifications(page(ft.PagePlatform.ANDROID)), FletNotifications)
    assert isinstance(await system_notifications(page(ft.PagePlatform.MACOS)), FletNotifications)


async def test_without_the_package_there_is_no_phone_backend(monkeypatch):
    monkeypatch.setitem(sys.modules, "flet_notifications", None)  # import fails
    assert await system_notifications(page(ft.PagePlatform.ANDROID)) is None


async def test_a_client_without_the_dart_half_is_noticed(extension, monkeypatch):
    monkeypatch.setattr(StandIn, "answers", None)
    assert await system_notifications(page(ft.PagePlatform.IOS)) is None


async def test_calls_match_the_extension_api():
    service = StandIn()
    phone = FletNotifications(service, Mode.INEXACT_ALLOW_WHILE_IDLE)
    when = datetime(2026, 3, 5, 18, 0, tzinfo=timezone(timedelta(hours=-5)))
    await phone.schedule(id=7, when=when, title="T", body="B", payload="/mood")
    await phone.cancel(id=7)
    await phone.show(id=8, title="T", body="B", payload="/")
    assert await phone.permission(ask=True) is True
    assert await phone.permission(ask=False) is True
    await phone.open_settings()
    assert service.calls == [
        ("schedule", 7, when, "T", "B", "/mood", Mode.INEXACT_ALLOW_WHILE_IDLE),
        ("cancel", 7),
        ("show", 8, "T", "B", "/"),
        ("request_permissions",),
        ("open_settings",),
    ]
