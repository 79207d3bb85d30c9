""""Needs attention" on Today: each feature offers its own items; this gathers them.

A feature registers an `AttentionProvider` (an object with `attention(today)`)
in services/container.py. Items are plain dataclasses whose identity is typed
(`kind`, `about`, `due_on`): nothing here, or in the views, parses a string.
An item may be dismissible; dismissals are kept in the database, so a
dismissed item stays away after a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlmodel import col, select

from models.reminder import AttentionDismissal
from services.clock import Clock
from services.storage.db import SessionFactory

log = logging.getLogger(__name__)

MAX_PER_KIND = 5  # no one feature floods Today


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # which promise, e.g. "reapply"; with `about` and `due_on`, the item's identity
    title: str  # short, warm, plain
    detail: str = ""
    route: str = "/"  # where tapping it goes
    icon: str = "info"  # a Material icon name, e.g. "schedule", "school"
    priority: int = 50  # lower comes first
    about: int = 0  # the row it is about (an application id...), 0 for none
    due_on: date | None = None  # the date it is about (a reapply date...)
    dismissible: bool = False

    @property
    def key(self) -> str:
        """A stable list key for the view (made from the identity; never parsed)."""
        return f"{self.kind}-{self.about}-{self.due_on or ''}"


class AttentionProvider(Protocol):
    def attention(self, today: date) -> list[AttentionItem]: ...


class AttentionBoard:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock
        self._providers: list[AttentionProvider] = []

    def register(self, provider: AttentionProvider) -> None:
        self._providers.append(provider)

    def items(self, today: date | None = None) -> list[AttentionItem]:
        """Every provider's items, minus the dismissed; one failing feature must not blank the others."""
        today = today or self._clock.today()
        items: list[AttentionItem] = []
        for provider in self._providers:
            try:
                items.extend(provider.attention(today))
            except Exception:
                log.exception("attention provider %r failed", provider)
        if any(i.dismissible for i in items):
            dismissed = self._dismissed()
            items = [i for i in items if not (i.dismissible and (i.kind, i.about, i.due_on) in dismissed)]
        shown: list[AttentionItem] = []
        per_kind: dict[str, int] = {}
        for item in items:  # providers give their most pressing first
            per_kind[item.kind] = per_kind.get(item.kind, 0) + 1
            if per_kind[item.kind] <= MAX_PER_KIND:
                shown.append(item)
        return sorted(shown, key=lambda i: i.priority)  # stable: each provider's own order within a priority

    def dismiss(self, item: AttentionItem) -> None:
        """Set an item aside for good (one write; dismissing twice is harmless)."""
        if not item.dismissible:
            raise ValueError(f"{item.kind} items cannot be dismissed")
        with self._sessions() as s:
            on_day = (
                col(AttentionDismissal.due_on).is_(None) if item.due_on is None else AttentionDismissal.due_on == item.due_on
            )
            found = s.exec(
                select(AttentionDismissal).where(
                    AttentionDismissal.kind == item.kind, AttentionDismissal.about == item.about, on_day
                )
            ).first()
            if found is None:
                s.add(
                    AttentionDismissal(
                        kind=item.kind, about=item.about, due_on=item.due_on, dismissed_at=self._clock.now()
                    )
                )
                s.commit()

    def _dismissed(self) -> set[tuple[str, int, date | None]]:
        with self._sessions() as s:
            rows = s.exec(select(col(AttentionDismissal.kind), col(AttentionDismissal.about), col(AttentionDismissal.due_on))).all()
        return {(k, a, d) for k, a, d in rows}
