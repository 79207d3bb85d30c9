"""Reminder preferences: on/off for all and for each rule, each rule's time, quiet hours."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from services.errors import ValidationError
from services.settings import SettingsService

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", re.ASCII)
QUIET_DEFAULT = (time(21, 0), time(8, 0))


def parse_time(text: str, *, field: str = "time") -> time:
    """"7:05", "19.30", "٠٧:٠٥" (any script's digits) -> a time; anything else is refused at the field."""
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in (text or "")[:20])
    match = _TIME.match(text.strip())
    if not match:
        raise ValidationError.single(field, "Use a 24-hour time like 18:30.")
    return time(int(match.group(1)), int(match.group(2)))


def _stored_time(value: object, default: time) -> time:
    if isinstance(value, str) and _TIME.match(value):
        return parse_time(value)
    return default


@dataclass(frozen=True)
class QuietHours:
    """No notification from `start` to `end` (past midnight when start > end)."""

    on: bool
    start: time
    end: time

    def contains(self, t: time) -> bool:
        if not self.on or self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end

    def ends_next_day(self, t: time) -> bool:
        """For a time inside quiet hours: does the quiet end only tomorrow?"""
        return self.start > self.end and t >= self.start


@dataclass(frozen=True)
class Snapshot:
    """All reminder preferences as read at one moment (one query): what a check plans with."""

    values: dict[str, Any]

    def enabled(self) -> bool:
        return bool(self.values.get("reminders.enabled", True))

    def kind_enabled(self, kind: str, default: bool = True) -> bool:
        return bool(self.values.get(f"reminders.{kind}.enabled", default))

    def time_for(self, kind: str, default: time) -> time:
        return _stored_time(self.values.get(f"reminders.{kind}.time"), default)

    def quiet_hours(self) -> QuietHours:
        stored = self.values.get("reminders.quiet")
        stored = stored if isinstance(stored, dict) else {}
        return QuietHours(
            on=bool(stored.get("on", True)),
            start=_stored_time(stored.get("start"), QUIET_DEFAULT[0]),
            end=_stored_time(stored.get("end"), QUIET_DEFAULT[1]),
        )

    def first_day(self) -> date | None:
        stored = self.values.get("reminders.first_day")
        try:
            return date.fromisoformat(stored) if isinstance(stored, str) else None
        except ValueError:
            return None

    def permission_asked(self) -> bool:
        return bool(self.values.get("reminders.permission_asked", False))


class ReminderPrefs:
    """Read and write the preferences; every value is checked before it is saved."""

    def __init__(self, settings: SettingsService):
        self._settings = settings

    def read(self) -> Snapshot:
        return Snapshot(self._settings.get_prefixed("reminders."))

    def enabled(self) -> bool:
        return self.read().enabled()

    def set_enabled(self, *, on: bool) -> None:
        self._settings.set("reminders.enabled", bool(on))

    def set_kind_enabled(self, *, kind: str, on: bool) -> None:
        self._settings.set(f"reminders.{kind}.enabled", bool(on))

    def set_time(self, *, kind: str, at: str) -> time:
        parsed = parse_time(at)
        self._settings.set(f"reminders.{kind}.time", f"{parsed:%H:%M}")
        return parsed

    def quiet_hours(self) -> QuietHours:
        return self.read().quiet_hours()

    def set_quiet_hours(self, *, on: bool, start: str | None = None, end: str | None = None) -> QuietHours:
        """Save all three at once (one setting, one write); a missing time keeps the current one."""
        current = self.quiet_hours()
        errors: dict[str, str] = {}
        parsed = {"quiet_start": current.start, "quiet_end": current.end}
        for name, text in (("quiet_start", start), ("quiet_end", end)):
            if text is None:
                continue
            try:
                parsed[name] = parse_time(text, field=name)
            except ValidationError as exc:
                errors.update(exc.errors)
        if not errors and parsed["quiet_start"] == parsed["quiet_end"]:
            errors["quiet_end"] = "Pick an end that differs from the start, or switch quiet hours off."
        if errors:
            raise ValidationError(errors)
        value = {"on": bool(on), "start": f"{parsed['quiet_start']:%H:%M}", "end": f"{parsed['quiet_end']:%H:%M}"}
        self._settings.set("reminders.quiet", value)
        return self.quiet_hours()

    def first_day(self) -> date | None:
        return self.read().first_day()

    def mark_first_day(self, day: date) -> None:
        """The first day the app ran (no nudges on it); written once, by the scheduler's first check."""
        self._settings.set("reminders.first_day", day.isoformat())

    def permission_asked(self) -> bool:
        return self.read().permission_asked()

    def mark_permission_asked(self) -> None:
        self._settings.set("reminders.permission_asked", True)
