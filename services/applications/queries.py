"""Reading applications: the paged, filtered list, sources, the latest rejection.

What Today and the reminders bring up lives in signals.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_
from sqlmodel import col, select

from models.application import Application
from models.search import ApplicationSearch
from services.clock import Clock
from services.lookup import like_pattern
from services.storage.db import SessionFactory

WAITING_DAYS = 30  # no reply after a month usually means none is coming
# A +1 entry: still "applied" and nothing but the day (and perhaps where from) filled in.
QUICK_LOG_BLANKS = (
    Application.status == "applied",
    *(getattr(Application, name).is_(None) for name in ("company", "role", "industry", "company_size", "link", "notes")),
)


@dataclass(frozen=True)
class ApplicationPage:
    items: list[Application]
    total: int  # matching the filters, over all pages
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


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
        f = ApplicationSearch(text=text, statuses=statuses, date_from=date_from, date_to=date_to, source=source,
                              offset=offset, limit=limit)
        conditions = []
        if f.text and f.text.strip():
            pattern = like_pattern(f.text.strip())
            conditions.append(or_(*(
                col(column).like(pattern, escape="\\")
                for column in (Application.company, Application.role, Application.notes, Application.industry, Application.source)
            )))
        if f.statuses:
            conditions.append(col(Application.status).in_(f.statuses))
        if f.date_from:
            conditions.append(col(Application.applied_on) >= f.date_from)
        if f.date_to:
            conditions.append(col(Application.applied_on) <= f.date_to)
        if f.source:
            conditions.append(col(Application.source) == f.source)
        with self._sessions() as s:
            total = s.scalar(select(func.count()).select_from(Application).where(*conditions)) or 0
            items = list(s.scalars(
                select(Application).where(*conditions)
                .order_by(col(Application.applied_on).desc(), col(Application.id).desc())
                .offset(f.offset).limit(f.limit)
            ))
        return ApplicationPage(items=items, total=total, offset=f.offset, limit=f.limit)

    def quick_logged_on(self, *, day: date) -> list[Application]:
        """That day's +1 entries still without details (oldest first): an "Add" for the same
        application should fill one of these in rather than count it twice."""
        with self._sessions() as s:
            return list(s.scalars(
                select(Application).where(Application.applied_on == day, *QUICK_LOG_BLANKS)
                .order_by(col(Application.id))
            ))

    def sources_in_use(self) -> list[str]:
        with self._sessions() as s:
            return sorted(x for x in s.scalars(select(Application.source).distinct()) if x)

    def recent_rejection(self, *, within_days: int = 3) -> Application | None:
        """The latest rejection logged in the last few days (Today shows a gentle reframe)."""
        since = self._clock.today() - timedelta(days=within_days)
        with self._sessions() as s:
            return s.scalars(
                select(Application).where(Application.status == "rejected", col(Application.status_on) >= since)
                .order_by(col(Application.status_on).desc(), col(Application.id).desc()).limit(1)
            ).first()
