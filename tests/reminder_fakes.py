"""A fake of the phone's notifications, faked at the boundary the app talks to (`OsNotifications`).

It keeps what a phone would: the scheduled set by id, what was shown, and whether
permission was given. Tests read it back to see what the app scheduled and cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Scheduled:
    id: int
    when: datetime
    title: str
    body: str
    payload: str


@dataclass
class FakeSystem:
    name: str = "phone"
    allowed: bool = True
    grants_when_asked: bool = True
    asked: int = 0
    opened_settings: int = 0
    scheduled: dict[int, Scheduled] = field(default_factory=dict)
    shown: list[tuple[int, str, str]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)  # ("schedule"|"cancel", id), in order
    broken: bool = False  # every call fails, as a missing Dart half would

    def _check(self) -> None:
        if self.broken:
            raise RuntimeError("unsupported_platform")

    async def permission(self, *, ask: bool) -> bool:
        self._check()
        if ask:
            self.asked += 1
            self.allowed = self.allowed or self.grants_when_asked
        return self.allowed

    async def show(self, *, id: int, title: str, body: str, payload: str) -> None:
        self._check()
        self.shown.append((id, title, body))

    async def schedule(self, *, id: int, when: datetime, title: str, body: str, payload: str) -> None:
        self._check()
        assert when.tzinfo is not None, "the system needs the exact moment"
        self.scheduled[id] = Scheduled(id, when, title, body, payload)
        self.calls.append(("schedule", id))

    async def cancel(self, *, id: int) -> None:
        self._check()
        self.scheduled.pop(id, None)
        self.calls.append(("cancel", id))

    async def open_settings(self) -> None:
        self.opened_settings += 1

    def take_calls(self) -> list[tuple[str, int]]:
        calls, self.calls = self.calls, []
        return calls
