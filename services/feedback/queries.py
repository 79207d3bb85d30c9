"""Feedback lists and counts: paged rows by status, status totals, recurring themes.

`FeedbackService.queries`. Everything is counted in SQL (GROUP BY, LIMIT),
so thousands of records stay quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import col, select

from models import Feedback, FeedbackAction
from models.feedback import REQUEST_STATUSES
from models.search import FeedbackSearch
from services.feedback import themes
from services.lookup import id_of
from services.storage.db import SessionFactory


@dataclass(frozen=True)
class FeedbackRow:
    """One line of the Feedback list."""

    id: int
    company: str | None
    role: str | None
    status: str
    asked_on: date | None
    received_on: date | None
    rejected_on: date
    theme: str | None
    open_actions: int
    application_id: int | None

    @property
    def title(self) -> str:
        if self.company and self.role:
            return f"{self.role} at {self.company}"
        return self.company or self.role or "A rejection"


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    count: int
    total: int  # records with feedback to count from

    @property
    def sentence(self) -> str:
        """E.g. "3 of 5 mention examples"."""
        guide = themes.GUIDES[self.theme]
        verb = "mentions" if self.total == 1 else "mention"
        return f"{self.count} of {self.total} {verb} {guide.short}"


class FeedbackQueries:
    def __init__(self, sessions: SessionFactory):
        self._sessions = sessions

    # ---- lists and counts ---------------------------------------------------------
    def list_feedback(self, *, status: str | None = None, limit: int = 50, offset: int = 0) -> list[FeedbackRow]:
        """Newest rejection first, a page at a time, with each record's open action count."""
        f = FeedbackSearch(status=status, limit=limit, offset=offset)
        open_actions = (
            select(col(FeedbackAction.feedback_id), func.count().label("n"))
            .where(FeedbackAction.done == False)  # noqa: E712  (SQL, not Python truthiness)
            .group_by(col(FeedbackAction.feedback_id))
            .subquery()
        )
        query = (
            select(Feedback, func.coalesce(open_actions.c.n, 0))
            .outerjoin(open_actions, open_actions.c.feedback_id == Feedback.id)
            .order_by(col(Feedback.rejected_on).desc(), col(Feedback.id).desc())
            .offset(f.offset)
            .limit(f.limit)
        )
        if f.status is not None:
            query = query.where(Feedback.status == f.status)
        with self._sessions() as s:
            return [
                FeedbackRow(
                    id_of(row),
                    row.company,
                    row.role,
                    row.status,
                    row.asked_on,
                    row.received_on,
                    row.rejected_on,
                    row.theme,
                    n,
                    row.application_id,
                )
                for row, n in s.exec(query)
            ]

    def status_counts(self) -> dict[str, int]:
        with self._sessions() as s:
            rows = dict(s.exec(select(Feedback.status, func.count()).group_by(Feedback.status)).all())
        return {st: rows.get(st, 0) for st in REQUEST_STATUSES}

    def recurring_themes(self) -> list[ThemeCount]:
        """How often each theme comes up, most common first ("3 of 5 mention examples")."""
        with self._sessions() as s:
            rows = s.exec(
                select(Feedback.theme, func.count()).where(col(Feedback.theme).is_not(None)).group_by(Feedback.theme)
            ).all()
            # Count from every record that has feedback to go on: a theme, or text received.
            total = s.scalar(
                select(func.count())
                .select_from(Feedback)
                .where(or_(col(Feedback.theme).is_not(None), col(Feedback.status) == "received"))
            )
        counts = [ThemeCount(t, n, total or 0) for t, n in rows if t in themes.GUIDES]
        return sorted(counts, key=lambda c: (-c.count, themes.THEME_KEYS.index(c.theme)))
