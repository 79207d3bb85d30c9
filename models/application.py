"""Applications, their dated status history, goals and small wins.

The quick log writes one `application` row and nothing else: its `applied_on`
is the first entry of the timeline. Later changes each add a `status_change`
row, so the history is kept, not just the latest status.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator, model_validator
from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from models.identity import new_uuid
from models.shapes import (
    Day,
    FieldProblem,
    Shape,
    Text,
    as_list,
    not_after_today,
    trimmed,
)

STATUSES = ("applied", "heard_back", "interview", "offer", "rejected", "no_reply", "withdrawn")
STATUS_LABELS = {
    "applied": "Applied",
    "heard_back": "Heard back",
    "interview": "Interview",
    "offer": "Offer",
    "rejected": "Rejected",
    "no_reply": "No reply",
    "withdrawn": "Withdrawn",
}
# Any answer from the company, a "no" included, counts as a response.
RESPONSE_STATUSES = ("heard_back", "interview", "offer", "rejected")
INTERVIEW_STATUSES = ("interview", "offer")
# Statuses that only make sense once you know who you are talking to.
NEEDS_COMPANY = ("heard_back", "interview", "offer", "rejected")

SOURCES = ("Job board", "Company site", "Referral", "Recruiter", "Networking", "Other")
COMPANY_SIZES = ("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+")

NAME_MAX = 200
NOTES_MAX = 20_000
LINK_MAX = 2_000


class ApplicationBase(SQLModel):
    company: str | None = None
    role: str | None = None
    applied_on: date = Field(index=True)
    source: str | None = None
    industry: str | None = None
    company_size: str | None = None
    link: str | None = None
    notes: str | None = None


_NAME_LABELS = {"company": "Company", "role": "Role", "source": "Source", "industry": "Industry"}
_FUTURE = "That date is in the future. Pick today or an earlier day."


class _ApplicationFields(Shape):
    """The checks ApplicationCreate and ApplicationUpdate share (fields are declared by each)."""

    messages: ClassVar[dict[str, str]] = {"applied_on": "That doesn't look like a date."}

    @field_validator("company", "role", "source", "industry", "company_size", "link", "notes", check_fields=False)
    @classmethod
    def _text(cls, value: str | None, info: ValidationInfo) -> str | None:
        text, name = trimmed(value), info.field_name or ""
        if text is None:
            return None
        if name in _NAME_LABELS and len(text) > NAME_MAX:
            raise ValueError(f"{_NAME_LABELS[name]} can be at most {NAME_MAX} characters (this one has {len(text)}).")
        if name == "link" and len(text) > LINK_MAX:
            raise ValueError(f"That link is longer than {LINK_MAX:,} characters; please shorten it.")
        if name == "notes" and len(text) > NOTES_MAX:
            raise ValueError(f"Notes can be at most {NOTES_MAX:,} characters (these have {len(text):,}).")
        if name == "company_size" and text not in COMPANY_SIZES:
            raise ValueError("Choose a size band from the list.")
        return text

    @field_validator("applied_on", check_fields=False)
    @classmethod
    def _applied_on(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None:
            raise ValueError("The date you applied is the one thing we need.")
        return not_after_today(value, info, _FUTURE)


class ApplicationCreate(_ApplicationFields):
    applied_on: Day | None
    company: Text | None = None
    role: Text | None = None
    source: Text | None = None
    industry: Text | None = None
    company_size: Text | None = None
    link: Text | None = None
    notes: Text | None = None
    status: Text = "applied"

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in STATUSES:
            raise ValueError("Choose a status from the list.")
        return value

    @model_validator(mode="after")
    def _company_for_status(self) -> ApplicationCreate:
        if self.status in NEEDS_COMPANY and not self.company:
            raise FieldProblem("company", needs_company_message(self.status))
        return self


class ApplicationUpdate(_ApplicationFields):
    """Every field optional: only what is given changes (status has its own action)."""

    applied_on: Day | None = None
    company: Text | None = None
    role: Text | None = None
    source: Text | None = None
    industry: Text | None = None
    company_size: Text | None = None
    link: Text | None = None
    notes: Text | None = None


def needs_company_message(status: str) -> str:
    return f"Add the company to mark this as “{STATUS_LABELS[status].lower()}”."


class StatusChangeCreate(Shape):
    """Moving an application on: the new status, the day (default today) and, when the
    status needs one and the application has none yet, the company."""

    messages: ClassVar[dict[str, str]] = {"status": "Choose one of: " + ", ".join(STATUS_LABELS.values()) + "."}

    status: Text
    on: Day | None = None
    company: Text | None = None

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in STATUSES:
            raise ValueError(cls.messages["status"])
        return value

    @field_validator("on")
    @classmethod
    def _on(cls, value: date | None, info: ValidationInfo) -> date | None:
        return not_after_today(value, info, _FUTURE)

    @field_validator("company")
    @classmethod
    def _company(cls, value: str | None) -> str | None:
        text = trimmed(value)
        if text and len(text) > NAME_MAX:
            raise ValueError(f"Company can be at most {NAME_MAX} characters (this one has {len(text)}).")
        return text


MAX_QUICK_LOG = 50


class QuickLog(Shape):
    """The one-tap log: how many were sent today, and optionally where from."""

    messages: ClassVar[dict[str, str]] = {"count": f"Log between 1 and {MAX_QUICK_LOG} at a time."}

    count: int = 1
    source: Text | None = None

    @field_validator("count")
    @classmethod
    def _count(cls, value: int) -> int:
        if not 1 <= value <= MAX_QUICK_LOG:
            raise ValueError(cls.messages["count"])
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        text = trimmed(value)
        if text and len(text) > NAME_MAX:
            raise ValueError(f"Source can be at most {NAME_MAX} characters (this one has {len(text)}).")
        return text


class Application(ApplicationBase, table=True):
    # "Waiting for a reply since..." reads status and applied_on together.
    __table_args__ = (Index("ix_application_status_applied_on", "status", "applied_on"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    status: str = "applied"
    status_on: date  # the day of the latest status (applied_on until it changes)
    reapply_after: date | None = Field(default=None, index=True)
    created_at: datetime
    updated_at: datetime


class StatusChange(SQLModel, table=True):
    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    status: str
    changed_on: date
    created_at: datetime


class GoalPlan(SQLModel, table=True):
    """Goals as they were from a day on; the newest plan on or before a day applies to it."""

    __tablename__ = "goal_plan"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    effective_from: date = Field(index=True, unique=True)
    daily_target: int
    weekly_target: int
    rest_weekdays: str = ""  # Monday=0 ... Sunday=6, comma separated, e.g. "5,6"
    created_at: datetime


# Outcomes, actions the person controls, and their own (services.applications.wins.WinKind).
WIN_KINDS = ("heard_back", "interview", "offer", "asked_feedback", "practised", "thank_you", "manual")


class Win(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, unique=True, index=True)
    won_on: date = Field(index=True)
    title: str
    kind: str = "manual"
    application_id: int | None = Field(default=None, foreign_key="application.id", ondelete="SET NULL", index=True)
    created_at: datetime


class WinCreate(Shape):
    """A small win in the user's own words."""

    messages: ClassVar[dict[str, str]] = {"title": "Say in a few words what went well."}

    title: Text
    on: Day | None = None

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        title = value.strip()
        if not title:
            raise ValueError(cls.messages["title"])
        if len(title) > NAME_MAX:
            raise ValueError(f"Keep it under {NAME_MAX} characters.")
        return title

    @field_validator("on")
    @classmethod
    def _on(cls, value: date | None, info: ValidationInfo) -> date | None:
        return not_after_today(value, info, "Wins are for things that already happened.")


class GoalPlanCreate(Shape):
    """Goals from today on."""

    messages: ClassVar[dict[str, str]] = {
        "daily_target": "Pick a daily goal between 1 and 50.",
        "weekly_target": "Pick a weekly goal between 1 and 350.",
        "rest_weekdays": "Rest days are weekdays, Monday to Sunday.",
    }

    daily_target: int
    weekly_target: int
    rest_weekdays: list[int] = []

    @field_validator("rest_weekdays", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return as_list(value)

    @field_validator("daily_target")
    @classmethod
    def _daily(cls, value: int) -> int:
        if not 1 <= value <= 50:
            raise ValueError(cls.messages["daily_target"])
        return value

    @field_validator("weekly_target")
    @classmethod
    def _weekly(cls, value: int) -> int:
        if not 1 <= value <= 350:
            raise ValueError(cls.messages["weekly_target"])
        return value

    @field_validator("rest_weekdays")
    @classmethod
    def _rest(cls, value: list[int]) -> list[int]:
        rest = sorted(set(value))
        if any(d not in range(7) for d in rest):
            raise ValueError(cls.messages["rest_weekdays"])
        if len(rest) > 6:
            raise ValueError("Keep at least one applying day in the week.")
        return rest
