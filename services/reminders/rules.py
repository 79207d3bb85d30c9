"""The contract between a feature and the reminders: typed rules, decided per day.

A feature owns its promises. It offers `ReminderRule`s (through a provider
registered in services/container.py); each rule is a pure function of the
data and a day that returns the `Reminder`s it has for that day, or none. The
reminders package never reads a feature's tables and never parses its text:
it only schedules what the rules return.

Two kinds of rule:
- daily (`once_each=False`): at most one a day, at the time set in Settings,
  and only for that day (yesterday's nudge is noise today);
- once each (`once_each=True`): every `about` once, e.g. each reapply date or
  each feedback request; one missed while the app was closed is caught up
  later, within `CATCH_UP_DAYS`.

A reminder may carry its own time (`at`): a rule with `default_time=None`
(say, "an hour before an interview") times each reminder itself, and
Settings shows no time field for it. `until` drops a reminder that could not
be shown in time (a catch-up after the interview began would be no help).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Protocol

CATCH_UP_DAYS = 3  # once-each reminders missed while closed still come, up to this many days late


@dataclass(frozen=True)
class Reminder:
    """One reminder a rule has for a day."""

    title: str
    body: str
    about: int = 0  # the row it is about (an application, a feedback request); 0 for none
    at: time | None = None  # its own local time that day; None: the rule's time from Settings
    route: str = "/"  # where the app opens when the notification is tapped
    until: time | None = None  # not shown at all after this local time that day


@dataclass(frozen=True)
class ReminderRule:
    kind: str  # stable name, used in settings and in the delivery log, e.g. "apply"
    label: str  # shown in Settings beside its switch
    decide: Callable[[date], list[Reminder]]  # pure: the data and the day, never the wall clock
    default_time: time | None  # None: every reminder carries its own `at`
    once_each: bool = False
    default_on: bool = True


class ReminderProvider(Protocol):
    """What a feature registers with the reminders (see services/container.py)."""

    def reminder_rules(self) -> list[ReminderRule]: ...


def one(reminder: Reminder | None) -> list[Reminder]:
    """For daily rules that say one thing or nothing."""
    return [] if reminder is None else [reminder]
