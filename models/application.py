"""Applications, their dated status history, goals and small wins.

The quick log writes one `application` row and nothing else: its `applied_on`
is the first entry of the timeline. Later changes each add a `status_change`
row, so the history is kept, not just the latest status.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

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


class ApplicationCreate(ApplicationBase):
    status: str = "applied"


class ApplicationUpdate(SQLModel):
    """Every field optional: only what is given changes."""

    company: str | None = None
    role: str | None = None
    applied_on: date | None = None
    source: str | None = None
    industry: str | None = None
    company_size: str | None = None
    link: str | None = None
    notes: str | None = None


class Application(ApplicationBase, table=True):
    # "Waiting for a reply since..." reads status and applied_on together.
    __table_args__ = (Index("ix_application_status_applied_on", "status", "applied_on"),)

    id: int | None = Field(default=None, primary_key=True)
    status: str = "applied"
    status_on: date  # the day of the latest status (applied_on until it changes)
    reapply_after: date | None = Field(default=None, index=True)
    created_at: datetime
    updated_at: datetime


class StatusChange(SQLModel, table=True):
    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE", index=True)
    status: str
    changed_on: date
    created_at: datetime


class GoalPlan(SQLModel, table=True):
    """Goals as they were from a day on; the newest plan on or before a day applies to it."""

    __tablename__ = "goal_plan"

    id: int | None = Field(default=None, primary_key=True)
    effective_from: date = Field(index=True, unique=True)
    daily_target: int
    weekly_target: int
    rest_weekdays: str = ""  # Monday=0 ... Sunday=6, comma separated, e.g. "5,6"
    created_at: datetime


WIN_KINDS = ("heard_back", "interview", "offer", "manual")


class Win(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    won_on: date = Field(index=True)
    title: str
    kind: str = "manual"
    application_id: int | None = Field(default=None, foreign_key="application.id", ondelete="SET NULL", index=True)
    created_at: datetime
