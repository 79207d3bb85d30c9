"""When reminders go out: the catch-up at start, the check while open, the phone's schedule.

Two ways, chosen by what the platform has:
- the system schedules (a phone or Mac build with the flet-notifications extension
  and permission given): the next `PLAN_DAYS` of reminders are handed to it and
  kept up to date whenever the data or the settings change;
- show-now only (Linux, Windows, the browser view, or permission refused): this
  loop shows each reminder when its time comes while the app is open.

Either way, the first check after start catches up, once, on what came due while
the app was closed: today's daily reminders and once-each ones from the last
`CATCH_UP_DAYS`. Nothing is shown in quiet hours: the catch-up waits for the
morning (by then yesterday's daily nudges have lapsed; once-each ones still come).
A reminder whose moment passed before its rule had anything to say (a rejection
logged at 15:00 and the 10:00 self-care note) is not sent late.

Views only start the loop (`run`) and attach their window; time comes from the
injected clock, so tests drive `tick()` directly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from services.clock import Clock
from services.reminders.notify import ShowMessage
from services.reminders.os_schedule import PLAN_DAYS, Changes, OsNotifications, SystemNotifier, reconcile
from services.reminders.plan import Occurrence
from services.reminders.prefs import Snapshot
from services.reminders.rules import CATCH_UP_DAYS, ReminderRule

if TYPE_CHECKING:
    from services.reminders.service import ReminderService

log = logging.getLogger(__name__)

CHECK_EVERY_S = 60.0


class ReminderScheduler:
    def __init__(self, reminders: ReminderService, clock: Clock):
        self._reminders = reminders
        self._clock = clock
        self._os: OsNotifications | None = None
        self._os_allowed = False
        self._detach_os: Callable[[], None] | None = None
        self._caught_up = False
        self._checked_until: datetime | None = None
        self._dirty = True  # the system's set needs re-planning
        self._planned_on: date | None = None
        self._running = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self.last_changes = Changes()  # what the last check handed to / took from the system

    # -- what the view attaches ------------------------------------------------------
    def attach_window(self, show: ShowMessage) -> Callable[[], None]:
        """An open window shows in-app messages; returns the call that detaches it."""
        detach = self._reminders.in_app.attach(show)

        def close() -> None:
            detach()
            self.changed()  # the loop notices the last window went and stops

        return close

    async def attach_system(self, os: OsNotifications) -> str:
        """The phone's notifications are here; returns the permission state (see `permission`)."""
        self._os = os
        return await self.permission()

    @property
    def uses_system_schedule(self) -> bool:
        return self._os is not None and self._os_allowed

    # -- permission (phones) -----------------------------------------------------------
    async def permission(self, *, ask: bool = False) -> str:
        """"not-needed" (no phone scheduler here), "granted", "refused", or "not-asked"."""
        if self._os is None:
            return "not-needed"
        try:
            allowed = await self._os.permission(ask=ask)
        except Exception as exc:
            log.warning("could not read the notification permission: %s", exc)
            allowed = False
        if ask:
            self._reminders.prefs.mark_permission_asked()
        self._set_allowed(allowed)
        if allowed:
            return "granted"
        return "refused" if self._reminders.prefs.permission_asked() else "not-asked"

    async def open_system_settings(self) -> None:
        if self._os is not None:
            await self._os.open_settings()

    def _set_allowed(self, allowed: bool) -> None:
        if allowed == self._os_allowed and (self._detach_os is not None) == allowed:
            return
        self._os_allowed = allowed
        if self._detach_os is not None:
            self._detach_os()
            self._detach_os = None
        if allowed and self._os is not None:
            self._detach_os = self._reminders.notifier.put_first(SystemNotifier(self._os))
        self.changed()

    # -- the checks ------------------------------------------------------------------------
    async def tick(self) -> list[Occurrence]:
        """One check: show what is due now (the first time: catch up), keep the system's set current."""
        now = self._clock.now()
        today = now.date()
        prefs = self._reminders.prefs.read()  # one read of every preference for the whole check
        if prefs.first_day() is None:
            self._reminders.prefs.mark_first_day(today)
            prefs = self._reminders.prefs.read()
        shown = await self._show_due(now, today, prefs)
        if self.uses_system_schedule and (self._dirty or self._planned_on != today):
            self._dirty, self._planned_on = False, today  # changes from here on mark it dirty again
            days = [today + timedelta(days=i) for i in range(PLAN_DAYS)]
            handled = self._reminders.log.handled_since(today)
            pending = {p.identity for p in self._reminders.log.pending(after=now)}
            wanted = [o for o in self._reminders.plan(days, prefs=prefs) if o.identity not in handled or o.identity in pending]
            assert self._os is not None
            self.last_changes = await reconcile(self._os, self._reminders.log, wanted, now)
        return shown

    async def _show_due(self, now: datetime, today: date, prefs: Snapshot) -> list[Occurrence]:
        if prefs.quiet_hours().contains(now.time().replace(tzinfo=None)):
            return []  # nothing now; the window stays open so the morning check catches up
        catching_up = not self._caught_up
        since = self._checked_until
        self._caught_up, self._checked_until = True, now
        if self.uses_system_schedule and not catching_up:
            return []  # the system shows them at their time

        def due_now(rule: ReminderRule, day: date, moment: datetime) -> bool:
            if moment > now or not (rule.once_each or day == today):
                return False  # not yet; or a daily nudge from a past day, which has lapsed
            return catching_up or since is None or moment > since

        lookback = [today - timedelta(days=i) for i in range(CATCH_UP_DAYS, -1, -1)]
        handled = self._reminders.log.handled_since(lookback[0])
        due = [
            o
            for o in self._reminders.plan(lookback, prefs=prefs, keep=due_now)
            if o.identity not in handled and (o.expires_at is None or now <= o.expires_at)
        ]
        shown = []
        for occ in due:
            backend = await self._reminders.notifier.deliver(title=occ.title, message=occ.body)
            if backend is None:
                log.info("reminder %s not delivered: no backend could show it", occ.kind)
                continue
            self._reminders.log.record(occ, backend=backend)
            shown.append(occ)
        return shown

    # -- the loop while the app is open -------------------------------------------------------
    def changed(self) -> None:
        """Data or settings changed (any thread): re-plan at the next check, and check soon."""
        self._dirty = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            loop.call_soon_threadsafe(wake.set)

    async def run(self) -> None:
        """Check now and then every minute, or sooner after a change, while a window is open."""
        if self._running:
            return
        self._running = True
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        try:
            while self._reminders.in_app.attached:
                self._wake.clear()
                try:
                    await self.tick()
                except Exception:  # a reminder must never take the app down; try again later
                    log.exception("reminder check failed")
                try:
                    await asyncio.wait_for(self._wake.wait(), CHECK_EVERY_S)
                except TimeoutError:
                    pass
        finally:
            self._running = False
            self._loop = self._wake = None
