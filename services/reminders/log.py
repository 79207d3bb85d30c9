"""The delivery log: which reminders were shown or handed to the system, so none comes twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete
from sqlmodel import col, select

from models.reminder import ReminderDelivery
from services.clock import Clock
from services.reminders.plan import Occurrence
from services.storage.db import SessionFactory

Identity = tuple[str, int, date]


def as_utc(value: datetime) -> datetime:
    # SQLite hands back naive UTC; our own aware values convert.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Scheduled:
    """A reminder waiting in the system's scheduler."""

    identity: Identity
    notification_id: int
    deliver_at: datetime  # UTC
    text: str


class DeliveryLog:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def handled_since(self, day: date) -> set[Identity]:
        """Reminders for `day` or later that were shown or scheduled."""
        with self._sessions() as s:
            rows = s.exec(
                select(col(ReminderDelivery.kind), col(ReminderDelivery.about), col(ReminderDelivery.due_on)).where(
                    col(ReminderDelivery.due_on) >= day
                )
            ).all()
        return {(k, a, d) for k, a, d in rows}

    def record(self, occ: Occurrence, *, backend: str, scheduled: bool = False) -> None:
        with self._sessions() as s:
            s.add(self._row(occ, backend, scheduled))
            s.commit()

    def pending(self, *, after: datetime) -> list[Scheduled]:
        """Scheduled with the system and not yet due: these can still be cancelled."""
        with self._sessions() as s:
            rows = s.exec(
                select(ReminderDelivery).where(
                    ReminderDelivery.scheduled == True,  # noqa: E712  (SQL comparison)
                    col(ReminderDelivery.deliver_at) > after.astimezone(UTC),
                )
            ).all()
        return [
            Scheduled((r.kind, r.about, r.due_on), r.notification_id or 0, as_utc(r.deliver_at), r.text) for r in rows
        ]

    def replace_scheduled(self, *, cancelled: list[Identity], added: list[Occurrence], backend: str) -> None:
        """One transaction: forget the cancelled, remember the newly scheduled."""
        with self._sessions() as s:
            for kind, about, due_on in cancelled:
                s.exec(
                    delete(ReminderDelivery).where(
                        col(ReminderDelivery.kind) == kind, col(ReminderDelivery.about) == about, col(ReminderDelivery.due_on) == due_on
                    )
                )
            for occ in added:
                s.add(self._row(occ, backend, True))
            s.commit()

    def recent(self, *, limit: int = 20) -> list[ReminderDelivery]:
        with self._sessions() as s:
            return list(
                s.exec(select(ReminderDelivery).order_by(col(ReminderDelivery.deliver_at).desc()).limit(limit)).all()
            )

    def _row(self, occ: Occurrence, backend: str, scheduled: bool) -> ReminderDelivery:
        return ReminderDelivery(
            kind=occ.kind,
            about=occ.about,
            due_on=occ.due_on,
            deliver_at=occ.deliver_at.astimezone(UTC),
            backend=backend,
            scheduled=scheduled,
            notification_id=occ.notification_id if scheduled else None,
            text=occ.text,
            created_at=self._clock.now(),
        )
