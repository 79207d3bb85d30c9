"""What the reminders and Today remember: deliveries handed out, and items set aside.

Both are keyed by what a promise is about, as typed columns (never a string
to parse): `kind` names the rule or attention item ("reapply"), `about` the
row it concerns (an application id; 0 when it concerns no single row), and
`due_on` the day it is for.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class ReminderDelivery(SQLModel, table=True):
    """A reminder shown, or handed to the system's scheduler to show at `deliver_at`.

    One row per reminder and day at most, so nothing is ever sent twice; a
    scheduled reminder that no longer applies is cancelled and its row removed.
    """

    __tablename__ = "reminder_delivery"
    __table_args__ = (
        UniqueConstraint("kind", "about", "due_on", name="uq_reminder_delivery"),
        Index("ix_reminder_delivery_scheduled", "scheduled", "deliver_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    about: int = 0
    due_on: date
    deliver_at: datetime  # when it was (or will be) shown; stored as UTC
    backend: str  # "system", "phone", "in-app": who took it
    scheduled: bool = False  # True: the system shows it at deliver_at, and it can still be cancelled
    notification_id: int | None = None  # the system's id for a scheduled one
    text: str = ""  # title and body as handed over, to notice a changed message
    created_at: datetime


class AttentionDismissal(SQLModel, table=True):
    """An item the user set aside on Today ("Dismiss"); it stays away."""

    __tablename__ = "attention_dismissal"
    __table_args__ = (UniqueConstraint("kind", "about", "due_on", name="uq_attention_dismissal"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    about: int = 0
    due_on: date | None = None
    dismissed_at: datetime
