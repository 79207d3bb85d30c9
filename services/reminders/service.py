"""Reminders as views see them: the rules features registered, their preferences, a test.

Kind by design: each rule says something only when it helps (the apply nudge
stays quiet once today's goal is met and on rest days), at most once a day or
once each, never in quiet hours. Delivery and timing live in scheduler.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.clock import Clock
from services.errors import ValidationError
from services.reminders.log import DeliveryLog
from services.reminders.notify import ChainNotifier, InAppNotifier, Notifier, PlyerNotifier
from services.reminders.plan import ActiveRule, MomentFilter, Occurrence, plan_days
from services.reminders.prefs import QuietHours, ReminderPrefs, Snapshot
from services.reminders.rules import ReminderProvider, ReminderRule
from services.reminders.scheduler import ReminderScheduler
from services.settings import SettingsService
from services.storage.db import SessionFactory

TEST_TITLE = "Bounceback"
TEST_MESSAGE = "This is how a reminder will look. Gentle, and only when it helps."


@dataclass(frozen=True)
class RuleChoice:
    kind: str
    label: str
    on: bool
    at: str  # "HH:MM", or "" when each reminder carries its own time
    once_each: bool


@dataclass(frozen=True)
class ReminderChoices:
    enabled: bool
    rules: list[RuleChoice]
    quiet: QuietHours


class ReminderService:
    def __init__(
        self, sessions: SessionFactory, settings: SettingsService, clock: Clock, notifier: Notifier | None = None
    ):
        self._clock = clock
        self.prefs = ReminderPrefs(settings)
        self.log = DeliveryLog(sessions, clock)
        self.in_app = InAppNotifier()
        self.notifier = ChainNotifier([notifier or PlyerNotifier(), self.in_app])
        self._rules: list[ReminderRule] = []
        self.scheduler = ReminderScheduler(self, clock)

    # -- the rules, from each feature's provider ----------------------------------
    def register(self, provider: ReminderProvider) -> None:
        for rule in provider.reminder_rules():
            if any(r.kind == rule.kind for r in self._rules):
                raise ValueError(f"two reminder rules are called {rule.kind!r}")
            self._rules.append(rule)

    @property
    def rules(self) -> list[ReminderRule]:
        return list(self._rules)

    def rule(self, kind: str) -> ReminderRule:
        for rule in self._rules:
            if rule.kind == kind:
                return rule
        raise ValidationError.single("kind", f"There is no reminder called {kind!r}.")

    # -- preferences ------------------------------------------------------------------
    def enabled(self) -> bool:
        return self.prefs.enabled()

    def set_enabled(self, *, on: bool) -> None:
        self.prefs.set_enabled(on=on)

    def kind_enabled(self, kind: str) -> bool:
        return self.prefs.read().kind_enabled(kind, self.rule(kind).default_on)

    def set_kind_enabled(self, *, kind: str, on: bool) -> None:
        self.rule(kind)
        self.prefs.set_kind_enabled(kind=kind, on=on)

    def time_for(self, kind: str) -> str:
        """"HH:MM", or "" for a rule whose reminders carry their own time."""
        rule = self.rule(kind)
        if rule.default_time is None:
            return ""
        return f"{self.prefs.read().time_for(kind, rule.default_time):%H:%M}"

    def set_time(self, *, kind: str, at: str) -> str:
        if self.rule(kind).default_time is None:
            raise ValidationError.single("time", "This reminder follows its own time.")
        return f"{self.prefs.set_time(kind=kind, at=at):%H:%M}"

    def quiet_hours(self) -> QuietHours:
        return self.prefs.quiet_hours()

    def set_quiet_hours(self, *, on: bool, start: str | None = None, end: str | None = None) -> QuietHours:
        return self.prefs.set_quiet_hours(on=on, start=start, end=end)

    def choices(self) -> ReminderChoices:
        """Everything Settings shows, from one read."""
        prefs = self.prefs.read()
        rules = [
            RuleChoice(
                kind=r.kind,
                label=r.label,
                on=prefs.kind_enabled(r.kind, r.default_on),
                at="" if r.default_time is None else f"{prefs.time_for(r.kind, r.default_time):%H:%M}",
                once_each=r.once_each,
            )
            for r in self._rules
        ]
        return ReminderChoices(enabled=prefs.enabled(), rules=rules, quiet=prefs.quiet_hours())

    # -- planning ------------------------------------------------------------------------
    def active_rules(self, prefs: Snapshot | None = None) -> list[ActiveRule]:
        prefs = prefs or self.prefs.read()
        if not prefs.enabled():
            return []
        return [
            ActiveRule(rule, None if rule.default_time is None else prefs.time_for(rule.kind, rule.default_time))
            for rule in self._rules
            if prefs.kind_enabled(rule.kind, rule.default_on)
        ]

    def plan(self, days: list[date], *, prefs: Snapshot | None = None, keep: MomentFilter | None = None) -> list[Occurrence]:
        """What the rules have for these days; nothing on the first day the app was used."""
        prefs = prefs or self.prefs.read()
        first = prefs.first_day()
        days = [d for d in days if first is None or d > first]
        return plan_days(self.active_rules(prefs), days, clock=self._clock, quiet=prefs.quiet_hours(), keep=keep)

    # -- a test notification --------------------------------------------------------------
    async def send_test(self) -> str:
        """Send a sample now; returns who delivered it ("phone", "system", "in-app"), or "none"."""
        return await self.notifier.deliver(title=TEST_TITLE, message=TEST_MESSAGE) or "none"
