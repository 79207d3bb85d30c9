"""Reading applications: the paged, filtered list, sources, the latest rejection.

What Today and the reminders bring up lives in signals.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select

from models.application import Application
from services.clock import Clock
from services.storage.db import SessionFactory

WAITING_DAYS = 30  # no answer after a month usually means none is coming


@dataclass(frozen=True)
class ApplicationPage:
    items: list[Application]
    total: int  # matching the filters, over all pages
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ApplicationQueries:
    """The read side of applications: `ApplicationService.queries`."""

    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    # ---- lists ----------------------------------------------------------
    def list_applications(
        self, *, text: str | None = None, statuses: list[str] | None = None, date_from: date | None = None,
        date_to: date | None = None, source: str | None = None, offset: int = 0, limit: int = 50,
    ) -> ApplicationPage:
        """Newest first, one page at a time, filtered in SQL (never the whole table)."""
        conditions = []
        if text and text.strip():
            pattern = _like(text.strip())
            conditions.append(or_(*(
                col.like(pattern, escape="\\")
                for col in (Application.company, Application.role, Application.notes, Application.industry, Application.source)
            )))
        if statuses:
            conditions.append(Application.status.in_(statuses))
        if date_from:
            conditions.append(Application.applied_on >= date_from)
        if date_to:
            conditions.append(Application.applied_on <= date_to)
        if source:
            conditions.append(Application.source == source)
        limit = max(1, min(limit, 200))
        with self._sessions() as s:
            total = s.scalar(select(func.count()).select_from(Application).where(*conditions)) or 0
            items = list(s.scalars(
                select(Application).where(*conditions)
                .order_by(Application.applied_on.desc(), Application.id.desc())
                .offset(max(0, offset)).limit(limit)
            ))
        return ApplicationPage(items=items, total=total, offset=max(0, offset), limit=limit)

    def sources_in_use(self) -> list[str]:
        with self._sessions() as s:
            return sorted(x for x in s.scalars(select(Application.source).distinct()) if x)

    def recent_rejection(self, *, within_days: int = 3) -> Application | None:
        """The latest rejection logged in the last few days (Today shows a gentle reframe)."""
        since = self._clock.today() - timedelta(days=within_days)
        with self._sessions() as s:
            return s.scalars(
                select(Application).where(Application.status == "rejected", Application.status_on >= since)
                .order_by(Application.status_on.desc(), Application.id.desc()).limit(1)
            ).first()
