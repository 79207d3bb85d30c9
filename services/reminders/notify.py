"""Showing a reminder now, through backends tried in order, each honest about delivery.

- "phone": the system's notifications through the flet-notifications extension
  (Android, iOS, macOS builds; see os_schedule.py), added by the view when present;
- "system": plyer on desktops (Windows, macOS, Linux). On Linux a notification
  service must answer on the session bus first (linux_bus.py): plyer itself
  reports success even when nothing is shown;
- "in-app": a message inside the open window, the last resort, used whenever
  nothing else delivered.

A backend returns True only when the message reached the person (or the
system that shows it). A failing backend never crashes the app.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import warnings
from collections.abc import Callable
from typing import Protocol

from services.reminders import linux_bus

log = logging.getLogger(__name__)

ShowMessage = Callable[[str, str], None]  # (title, body): the view shows it


class Notifier(Protocol):
    @property
    def name(self) -> str: ...  # read-only, so ChainNotifier's computed name fits

    async def notify(self, *, title: str, message: str) -> bool:
        """Show it now; False if this backend could not."""


class PlyerNotifier:
    name = "system"

    async def notify(self, *, title: str, message: str) -> bool:
        return await asyncio.to_thread(self.notify_now, title=title, message=message)

    def notify_now(self, *, title: str, message: str) -> bool:
        """Blocking: D-Bus and notify-send run as subprocesses."""
        if sys.platform.startswith("linux"):
            answers = linux_bus.service_answers()
            if answers is False:
                return False
            if answers is None:  # nothing to ask the bus with: notify-send's own exit code decides
                return linux_bus.notify_send(title, message)
        try:
            from plyer import notification

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # plyer warns (no python-dbus) and then uses notify-send
                notification.notify(title=title, message=message, app_name="Bounceback", timeout=10)
            return True
        except Exception as exc:  # NotImplementedError (no backend), pyobjus/win32 errors...
            log.info("system notification unavailable: %s", exc)
            return False


class InAppNotifier:
    """Last resort: a message in the open window (the newest, when several are open)."""

    name = "in-app"

    def __init__(self) -> None:
        self._windows: list[ShowMessage] = []

    def attach(self, show: ShowMessage) -> Callable[[], None]:
        """A window opened; returns the call that detaches it when it closes."""
        self._windows.append(show)
        return lambda: self._windows.remove(show) if show in self._windows else None

    @property
    def attached(self) -> bool:
        return bool(self._windows)

    async def notify(self, *, title: str, message: str) -> bool:
        for show in reversed(self._windows):
            try:
                show(title, message)
                return True
            except Exception as exc:  # that window is closing: try the next
                log.info("in-app message not shown: %s", exc)
        return False


class ChainNotifier:
    """The backends in order; the first that delivers wins."""

    def __init__(self, backends: list[Notifier]):
        self.backends = list(backends)
        self.last_used: str | None = None

    @property
    def name(self) -> str:
        return self.last_used or "none"

    def put_first(self, backend: Notifier) -> Callable[[], None]:
        """A platform backend (the phone's) goes ahead of the others while the app runs."""
        self.backends.insert(0, backend)
        return lambda: self.backends.remove(backend) if backend in self.backends else None

    async def deliver(self, *, title: str, message: str) -> str | None:
        """The name of the backend that delivered, or None if none could."""
        for backend in self.backends:
            try:
                if await backend.notify(title=title, message=message):
                    self.last_used = backend.name
                    return backend.name
            except Exception as exc:  # a broken backend must not stop the next
                log.warning("notifier %s failed: %s", backend.name, exc)
        return None

    async def notify(self, *, title: str, message: str) -> bool:
        return await self.deliver(title=title, message=message) is not None


class RecordingNotifier:
    """For tests: remembers what would have been shown."""

    name = "recording"

    def __init__(self, *, works: bool = True) -> None:
        self.sent: list[tuple[str, str]] = []
        self.works = works

    async def notify(self, *, title: str, message: str) -> bool:
        if self.works:
            self.sent.append((title, message))
        return self.works
