"""The phone's own notifications, through the flet-notifications extension, when the build has it.

The extension (`[tool.flet.android|ios|macos] dependencies` in pyproject) exists only
in a built app: a plain `flet run` or `python main.py` has neither the package nor its
Dart half. So the import is guarded, and a first call proves the Dart half answers
before the reminders rely on it. Its API is read from the installed wheel (0.1.4):
`LocalNotifications` is an `ft.Service`; show/schedule/cancel/permission calls are async.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import flet as ft

from services.reminders import OsNotifications

log = logging.getLogger(__name__)

PHONE_PLATFORMS = (ft.PagePlatform.ANDROID, ft.PagePlatform.IOS, ft.PagePlatform.MACOS)
PROBE_TIMEOUT_S = 10


class FletNotifications:
    """`OsNotifications` on top of flet_notifications.LocalNotifications."""

    name = "phone"

    def __init__(self, service: Any, schedule_mode: Any = None):
        self._service = service
        # Inexact "while idle": gentle reminders need no exact-alarm permission (Android 14 denies it by default).
        self._mode = schedule_mode

    async def permission(self, *, ask: bool) -> bool:
        if ask:
            return bool(await self._service.request_permissions())
        return bool(await self._service.are_notifications_enabled())

    async def show(self, *, id: int, title: str, body: str, payload: str) -> None:
        await self._service.show(id=id, title=title, body=body, payload=payload)

    async def schedule(self, *, id: int, when: datetime, title: str, body: str, payload: str) -> None:
        extra = {"schedule_mode": self._mode} if self._mode is not None else {}
        await self._service.schedule(id=id, when=when, title=title, body=body, payload=payload, **extra)

    async def cancel(self, *, id: int) -> None:
        await self._service.cancel(id)

    async def open_settings(self) -> None:
        await self._service.open_app_notification_settings()


async def system_notifications(page: ft.Page) -> OsNotifications | None:
    """The phone's notifications if this is a build that has them, else None (desktop, web, `flet run`)."""
    if page.web or page.platform not in PHONE_PLATFORMS:
        return None
    try:
        from flet_notifications import AndroidScheduleMode, LocalNotifications  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        service = LocalNotifications()  # an ft.Service: it registers itself with the page

        async def opened(e: Any) -> None:  # a tapped reminder opens where it points
            if isinstance(e.payload, str) and e.payload.startswith("/"):
                page.navigate(e.payload)

        service.on_tap = opened
        await asyncio.wait_for(service.are_notifications_enabled(), PROBE_TIMEOUT_S)
    except Exception as exc:  # the Dart half is missing, or the system said no
        log.info("phone notifications unavailable: %s", exc)
        return None
    return FletNotifications(service, AndroidScheduleMode.INEXACT_ALLOW_WHILE_IDLE)
