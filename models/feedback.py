"""Feedback after a rejection: the request, what they said, its theme, and what to do next.

One `feedback` row per rejection. It usually belongs to an application, but a
rejection that was never logged can have a record of its own, so the link is
nullable (and set to NULL, not deleted, if the application goes away: the
lesson is still yours). Company and role are copied onto the record for that
reason too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import ValidationInfo, field_validator, model_validator
from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from models.identity import new_uuid
from models.shapes import Day, FieldProblem, Shape, Text, not_after_today, one_line, short_text

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
    theme: str | None = None  # one of THEMES
    reflection: str = ""


THEMES = ("experience", "examples", "culture", "leadership", "skills", "other")  # services.feedback.themes guides each
_NAME_FIELDS = ("company", "role", "manager_name", "contact_email")
_TEXT_FIELDS = ("what_they_said", "reflection")


class _FeedbackFields(Shape):
    """The checks FeedbackCreate and FeedbackUpdate share (fields are declared by each)."""

    messages: ClassVar[dict[str, str]] = {"theme": "Pick one of the themes."}

    @field_validator(*_NAME_FIELDS, check_fields=False)
    @classmethod
    def _name(cls, value: str | None, info: ValidationInfo) -> str | None:
        text = one_line(value)
        if len(text) > NAME_MAX:
            raise ValueError("Please keep this under 200 characters.")
        if info.field_name == "contact_email" and text and "@" not in text:
            raise ValueError("That doesn't look like an email address yet.")
        return text or None

    @field_validator(*_TEXT_FIELDS, check_fields=False)
    @classmethod
    def _text(cls, value: str | None) -> str:
        text = (value or "").strip()  # these columns hold "" for nothing
        if len(text) > TEXT_MAX:
            raise ValueError(f"That's a lot to keep in one place: please trim it to {TEXT_MAX:,} characters.")
        return text

    @field_validator("theme", check_fields=False)
    @classmethod
    def _theme(cls, value: str | None) -> str | None:
        if value is not None and value not in THEMES:
            raise ValueError(cls.messages["theme"])
        return value


class FeedbackCreate(_FeedbackFields):
    """A standalone record, for a rejection that was never logged as an application."""

    company: Text | None = None
    role: Text | None = None
    manager_name: Text | None = None
    what_they_said: Text = ""
    theme: Text | None = None
    rejected_on: Day | None = None

    @field_validator("rejected_on")
    @classmethod
    def _rejected_on(cls, value: date | None, info: ValidationInfo) -> date | None:
        return not_after_today(value, info, "Pick today or an earlier day.")

    @model_validator(mode="after")
    def _named(self) -> FeedbackCreate:
        if not self.company and not self.role:
            raise FieldProblem("company", "Add the company or the role, so you can find this later.")
        return self


class FeedbackUpdate(_FeedbackFields):
    """Every field optional: only what is given changes."""

    company: Text | None = None
    role: Text | None = None
    manager_name: Text | None = None
    contact_email: Text | None = None
    what_they_said: Text | None = None
    theme: Text | None = None
    reflection: Text | None = None


class FeedbackReceived(Shape):
    """What they said (required), its theme, and the day it came."""

    messages: ClassVar[dict[str, str]] = {
        "what_they_said": "Add what they said, even a line or two.",
        "theme": "Pick one of the themes.",
    }

    what_they_said: Text
    theme: Text | None = None
    on: Day | None = None

    @field_validator("what_they_said")
    @classmethod
    def _said(cls, value: str) -> str:
        text = value.strip()
        if not text:
            raise ValueError(cls.messages["what_they_said"])
        if len(text) > TEXT_MAX:
            raise ValueError(f"That's a lot to keep in one place: please trim it to {TEXT_MAX:,} characters.")
        return text

    @field_validator("theme")
    @classmethod
    def _theme(cls, value: str | None) -> str | None:
        if value is not None and value not in THEMES:
            raise ValueError(cls.messages["theme"])
        return value

    @field_validator("on")
    @classmethod
    def _on(cls, value: date | None, info: ValidationInfo) -> date | None:
        return not_after_today(value, info, "Pick today or an earlier day.")


class FeedbackActionCreate(Shape):
    """One thing to do about a piece of feedback, in a few words."""

    messages: ClassVar[dict[str, str]] = {"text": "Write what you'd like to do, in a few words."}

    text: Text

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return short_text(value, empty=cls.messages["text"], limit=ACTION_MAX,
                          too_long=f"Keep it short: under {ACTION_MAX} characters.")


class Feedback(FeedbackBase, table=True):
    # "Asked a week ago, no reply yet" reads status and asked_on together;
    # recurring themes are a GROUP BY theme.
    __table_args__ = (
        Index("ix_feedback_status_asked_on", "status", "asked_on"),
        Index("ix_feedback_theme", "theme"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
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
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
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
