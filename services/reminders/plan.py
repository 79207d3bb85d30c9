"""From rules and preferences to dated reminders: what should reach the person, and when.

Pure planning, no delivery: the scheduler (scheduler.py) decides what to show now,
and the phone's scheduler (os_schedule.py) what to hand to the system.

Times are local wall-clock times on each day, turned into moments by that day's
own UTC offset (`Clock.at`), so 18:00 stays 18:00 across a daylight-saving change.
Quiet hours hold a reminder until they end; a daily reminder that would then fall
on the next day is dropped (yesterday's nudge is noise), a once-each one waits.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from services.clock import Clock
from services.reminders.prefs import QuietHours
from services.reminders.rules import ReminderRule

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ActiveRule:
    """A rule switched on, with its time from Settings (None: each reminder has its own)."""

    rule: ReminderRule
    at: time | None


@dataclass(frozen=True)
class Occurrence:
    """A reminder on a day, at the moment it should be shown."""

    kind: str
    about: int
    due_on: date
    deliver_at: datetime  # aware
    title: str
    body: str
    route: str
    once_each: bool
    expires_at: datetime | None = None  # past this moment it is no use any more

    @property
    def identity(self) -> tuple[str, int, date]:
        return self.kind, self.about, self.due_on

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"

    @property
    def notification_id(self) -> int:
        """A stable id for the system's scheduler (a positive 31-bit int, as Android wants)."""
        return zlib.crc32(f"{self.kind}|{self.about}|{self.due_on.isoformat()}".encode()) & 0x7FFFFFFF


def _moment(clock: Clock, day: date, wall: time, quiet: QuietHours, once_each: bool) -> datetime | None:
    moment = clock.at(day, wall)
    local = moment.time().replace(tzinfo=None)
    if not quiet.contains(local):
        return moment
    end_day = day + timedelta(days=1) if quiet.ends_next_day(local) else day
    if end_day != day and not once_each:
        return None
    return clock.at(end_day, quiet.end)


MomentFilter = Callable[[ReminderRule, date, datetime], bool]


def plan_day(
    rules: list[ActiveRule], day: date, *, clock: Clock, quiet: QuietHours, keep: MomentFilter | None = None
) -> list[Occurrence]:
    """Every reminder the active rules have for `day`; one failing rule never silences the others.

    `keep` skips moments a check doesn't need; a rule with a set time is then not even asked
    (the minute-by-minute check stays a couple of queries).
    """
    out: list[Occurrence] = []
    for active in rules:
        rule = active.rule
        if active.at is not None:
            moment = _moment(clock, day, active.at, quiet, rule.once_each)
            if moment is None or (keep is not None and not keep(rule, day, moment)):
                continue
        try:
            reminders = rule.decide(day)
        except Exception:
            log.exception("reminder rule %s failed for %s", rule.kind, day)
            continue
        for reminder in reminders:
            wall = reminder.at or active.at
            if wall is None:
                log.warning("reminder rule %s gave a reminder without a time", rule.kind)
                continue
            moment = _moment(clock, day, wall, quiet, rule.once_each)
            expires = clock.at(day, reminder.until) if reminder.until is not None else None
            if moment is None or (expires is not None and moment > expires):
                continue
            if keep is not None and not keep(rule, day, moment):
                continue
            out.append(
                Occurrence(
                    kind=rule.kind,
                    about=reminder.about,
                    due_on=day,
                    deliver_at=moment,
                    title=reminder.title,
                    body=reminder.body,
                    route=reminder.route,
                    once_each=rule.once_each,
                    expires_at=expires,
                )
            )
    return out


def plan_days(
    rules: list[ActiveRule], days: list[date], *, clock: Clock, quiet: QuietHours, keep: MomentFilter | None = None
) -> list[Occurrence]:
    """Several days, in the order they should be shown."""
    out = [occ for day in days for occ in plan_day(rules, day, clock=clock, quiet=quiet, keep=keep)]
    return sorted(out, key=lambda o: (o.deliver_at, o.kind, o.about))
