"""Handing reminders to the system's own scheduler (Android, iOS, macOS builds).

There the flet-notifications extension schedules notifications with the
operating system, so they arrive while Bounceback is closed and after a
reboot. The view wraps the extension in an `OsNotifications` (views/notifications.py);
this file keeps the scheduled set equal to what the rules want for the next
few days: whenever something changes, schedule what is new or different and
cancel what no longer applies (the apply nudge once today's goal is met).
Tests fake `OsNotifications`, the boundary with the extension.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from services.reminders.log import DeliveryLog, Identity
from services.reminders.plan import Occurrence

log = logging.getLogger(__name__)

PLAN_DAYS = 7  # today and the next six: enough for a week away from the app


class OsNotifications(Protocol):
    """The system's notifications, as the extension offers them. Methods raise on failure."""

    name: str  # "phone"

    async def permission(self, *, ask: bool) -> bool:
        """Whether notifications may be shown; with ask=True, ask the person first if needed."""

    async def show(self, *, id: int, title: str, body: str, payload: str) -> None: ...

    async def schedule(self, *, id: int, when: datetime, title: str, body: str, payload: str) -> None: ...

    async def cancel(self, *, id: int) -> None: ...

    async def open_settings(self) -> None:
        """The system's notification settings for this app (after a refusal)."""


@dataclass
class Changes:
    scheduled: list[int] = field(default_factory=list)  # notification ids
    cancelled: list[int] = field(default_factory=list)


class SystemNotifier:
    """Show-now through the system's notifications: the "phone" backend of the chain."""

    def __init__(self, os: OsNotifications):
        self._os = os
        self.name = os.name

    async def notify(self, *, title: str, message: str) -> bool:
        try:
            # Its own id per message: shown together (a catch-up), they must not replace each other.
            shown_id = zlib.crc32(f"{title}\n{message}".encode()) & 0x7FFFFFFF
            await self._os.show(id=shown_id, title=title, body=message, payload="/")
            return True
        except Exception as exc:
            log.info("system notification not shown: %s", exc)
            return False


async def reconcile(os: OsNotifications, delivery_log: DeliveryLog, wanted: list[Occurrence], now: datetime) -> Changes:
    """Make the system's scheduled set equal to `wanted` (its future part). Returns what changed."""
    pending = {p.identity: p for p in delivery_log.pending(after=now)}
    future = {o.identity: o for o in wanted if o.deliver_at > now}
    changes = Changes()
    cancelled: list[Identity] = []
    for identity, old in pending.items():
        new = future.get(identity)
        if new is not None and new.text == old.text and new.deliver_at == old.deliver_at:
            continue  # already scheduled as wanted
        try:
            await os.cancel(id=old.notification_id)
        except Exception as exc:
            log.warning("could not cancel reminder %s: %s", old.notification_id, exc)
            continue
        cancelled.append(identity)
        changes.cancelled.append(old.notification_id)
    added: list[Occurrence] = []
    for identity, occ in future.items():
        if identity in pending and identity not in cancelled:
            continue
        try:
            await os.schedule(id=occ.notification_id, when=occ.deliver_at, title=occ.title, body=occ.body, payload=occ.route)
        except Exception as exc:
            log.warning("could not schedule reminder %s: %s", occ.notification_id, exc)
            continue
        added.append(occ)
        changes.scheduled.append(occ.notification_id)
    if cancelled or added:
        delivery_log.replace_scheduled(cancelled=cancelled, added=added, backend=os.name)
    return changes
