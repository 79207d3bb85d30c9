"""Feedback after a rejection: the request, what they said, its theme, and what to do next.

One `feedback` row per rejection. It usually belongs to an application, but a
rejection that was never logged can have a record of its own, so the link is
nullable (and set to NULL, not deleted, if the application goes away: the
lesson is still yours). Company and role are copied onto the record for that
reason too.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

REQUEST_STATUSES = ("not_asked", "asked", "received", "no_reply")
REQUEST_STATUS_LABELS = {
    "not_asked": "Not asked yet",
    "asked": "Asked",
    "received": "Received",
    "no_reply": "No reply",
}

NAME_MAX = 200
TEXT_MAX = 20_000
ACTION_MAX = 500
FOLLOW_UP_AFTER_DAYS = 7  # an unanswered request shows in "needs attention" after a week


class FeedbackBase(SQLModel):
    company: str | None = None
    role: str | None = None
    manager_name: str | None = None
    contact_email: str | None = None
    what_they_said: str = ""
    theme: str | None = None  # a key of services.themes.GUIDES
    reflection: str = ""


class FeedbackCreate(FeedbackBase):
    application_id: int | None = None


class FeedbackUpdate(SQLModel):
    """Every field optional: only what is given changes."""

    company: str | None = None
    role: str | None = None
    manager_name: str | None = None
    contact_email: str | None = None
    what_they_said: str | None = None
    theme: str | None = None
    reflection: str | None = None


class Feedback(FeedbackBase, table=True):
    # "Asked a week ago, no reply yet" reads status and asked_on together;
    # recurring themes are a GROUP BY theme.
    __table_args__ = (
        Index("ix_feedback_status_asked_on", "status", "asked_on"),
        Index("ix_feedback_theme", "theme"),
    )

    id: int | None = Field(default=None, primary_key=True)
    application_id: int | None = Field(
        default=None, foreign_key="application.id", ondelete="SET NULL", unique=True, index=True
    )
    status: str = "not_asked"
    asked_on: date | None = None
    received_on: date | None = None
    rejected_on: date = Field(index=True)  # local day of the rejection; the list's order
    created_at: datetime
    updated_at: datetime


class FeedbackAction(SQLModel, table=True):
    """Something to do about a piece of feedback, ticked off when done."""

    __tablename__ = "feedback_action"

    id: int | None = Field(default=None, primary_key=True)
    feedback_id: int = Field(foreign_key="feedback.id", ondelete="CASCADE", index=True)
    text: str
    done: bool = Field(default=False, index=True)
    done_on: date | None = None
    position: int = 0
    created_at: datetime


class FeedbackPracticeCard(SQLModel, table=True):
    """A practice card made from a piece of feedback ("turn into practice").

    `action_id` is the action item that is ticked off once those cards have been
    reviewed.
    """

    __tablename__ = "feedback_practice_card"

    feedback_id: int = Field(foreign_key="feedback.id", ondelete="CASCADE", primary_key=True)
    card_id: int = Field(foreign_key="practice_card.id", ondelete="CASCADE", primary_key=True, index=True)
    action_id: int | None = Field(default=None, foreign_key="feedback_action.id", ondelete="SET NULL", index=True)
