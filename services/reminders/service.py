"""Kind reminders: each kind at most once a day, only when it has something useful to say.

A rule composes its message from the data at the moment it is due (so the
"apply" nudge stays quiet once today's goal is met, and on rest days). The
app checks while it is open; at start it catches up, once, on anything due
earlier today that was missed while it was closed. Older misses are dropped:
yesterday's nudge is noise today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from services.clock import Clock
from services.errors import ValidationError
from services.reminders.notify import Notifier
from services.settings import SettingsService

Message = tuple[str, str]  # (title, body)


@dataclass(frozen=True)
class ReminderRule:
    kind: str
    label: str  # shown in Settings
    default_time: str  # "HH:MM", local
    compose: Callable[[date], Message | None]


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if not match:
        raise ValidationError.single("time", "Use a 24-hour time like 18:30.")
    return time(int(match.group(1)), int(match.group(2)))


class ReminderService:
    def __init__(self, settings: SettingsService, clock: Clock, notifier: Notifier):
        self._settings = settings
        self._clock = clock
        self.notifier = notifier
        self.rules: list[ReminderRule] = []

    # -- preferences -------------------------------------------------------
    def enabled(self) -> bool:
        return bool(self._settings.get("reminders.enabled", True))

    def set_enabled(self, *, on: bool) -> None:
        self._settings.set("reminders.enabled", bool(on))

    def kind_enabled(self, kind: str) -> bool:
        return bool(self._settings.get(f"reminders.{kind}.enabled", True))

    def set_kind_enabled(self, *, kind: str, on: bool) -> None:
        self._rule(kind)
        self._settings.set(f"reminders.{kind}.enabled", bool(on))

    def time_for(self, kind: str) -> str:
        stored = self._settings.get(f"reminders.{kind}.time")
        return stored if isinstance(stored, str) and _TIME.match(stored) else self._rule(kind).default_time

    def set_time(self, *, kind: str, at: str) -> str:
        self._rule(kind)
        parsed = parse_time(at)
        text = f"{parsed:%H:%M}"
        self._settings.set(f"reminders.{kind}.time", text)
        return text

    # -- sending -----------------------------------------------------------
    def run_due(self) -> list[str]:
        """Send whatever is due now and not yet sent today; returns the kinds sent."""
        if not self.enabled():
            return []
        now = self._clock.now()
        today = now.date()
        if self._first_day(today) == today:
            return []  # the first day is for getting to know the app, not for nudges
        sent_on: dict[str, str] = self._settings.get("reminders.sent", {}) or {}
        sent = []
        for rule in self.rules:
            if not self.kind_enabled(rule.kind) or sent_on.get(rule.kind) == today.isoformat():
                continue
            if now.time() < parse_time(self.time_for(rule.kind)):
                continue
            message = rule.compose(today)
            if message is None:
                continue
            if self.notifier.notify(title=message[0], message=message[1]):
                sent_on[rule.kind] = today.isoformat()
                sent.append(rule.kind)
        if sent:
            self._settings.set("reminders.sent", sent_on)
        return sent

    def _first_day(self, today: date) -> date:
        stored = self._settings.get("reminders.first_day")
        if stored is None:
            self._settings.set("reminders.first_day", today.isoformat())
            return today
        return date.fromisoformat(stored)

    def send_test(self) -> str:
        """Send a sample; returns the backend's name ("system", "in-app" or "none")."""
        ok = self.notifier.notify(
            title="Bounceback", message="This is how a reminder will look. Gentle, and only when it helps."
        )
        return getattr(self.notifier, "name", "system") if ok else "none"

    def _rule(self, kind: str) -> ReminderRule:
        for rule in self.rules:
            if rule.kind == kind:
                return rule
        raise ValidationError.single("kind", f"There is no reminder called {kind!r}.")
