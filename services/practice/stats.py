"""Practice numbers for the stats panel, computed with SQL aggregates (fast on long histories)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func
from sqlmodel import col, select

from models.practice import PracticeCard, PracticeReview
from services.clock import Clock
from services.practice.schedule import Schedule
from services.storage.db import SessionFactory

MATURE_STABILITY_DAYS = 21  # remembered for three weeks or more: "well known"
RETENTION_WINDOW_DAYS = 30
CHART_DAYS = 14


@dataclass(frozen=True)
class PracticeStats:
    due_today: int
    reviewed_today: int
    retention: float | None  # share of scheduled reviews recalled (Hard/Good/Easy), last 30 days
    retention_reviews: int  # how many reviews that share is based on
    new: int  # never practised
    practising: int
    well_known: int
    archived: int
    reviews_per_day: list[tuple[date, int]]  # the last CHART_DAYS local days, oldest first


class Stats:
    """The numbers on the Practice screen's stats panel."""

    def __init__(self, sessions: SessionFactory, clock: Clock, schedule: Schedule):
        self._sessions = sessions
        self._clock = clock
        self._schedule = schedule

    def summary(self) -> PracticeStats:
        today = self._clock.today()
        since = today - timedelta(days=RETENTION_WINDOW_DAYS - 1)
        chart_from = today - timedelta(days=CHART_DAYS - 1)
        due_today = self._schedule.due_count()
        with self._sessions() as s:
            scheduled = PracticeReview.state_before == 2  # Review state: the card was due, not new
            recalled, judged = s.exec(
                select(
                    func.sum(case((col(PracticeReview.rating) > 1, 1), else_=0)),
                    func.count(),
                ).where(PracticeReview.reviewed_on >= since, scheduled)
            ).one()
            per_day = dict(
                s.exec(
                    select(col(PracticeReview.reviewed_on), func.count())
                    .where(PracticeReview.reviewed_on >= chart_from)
                    .group_by(col(PracticeReview.reviewed_on))
                ).all()
            )
            seen = col(PracticeCard.last_review).is_not(None)
            live = col(PracticeCard.archived) == False  # noqa: E712
            mature = func.coalesce(PracticeCard.stability, 0) >= MATURE_STABILITY_DAYS
            new, practising, well_known, archived = s.exec(
                select(
                    func.sum(case((live & col(PracticeCard.last_review).is_(None), 1), else_=0)),
                    func.sum(case((live & seen & ~mature, 1), else_=0)),
                    func.sum(case((live & seen & mature, 1), else_=0)),
                    func.sum(case((col(PracticeCard.archived) == True, 1), else_=0)),  # noqa: E712
                )
            ).one()
        days = [chart_from + timedelta(days=i) for i in range(CHART_DAYS)]
        return PracticeStats(
            due_today=due_today,
            reviewed_today=per_day.get(today, 0),
            retention=(recalled or 0) / judged if judged else None,
            retention_reviews=judged,
            new=new or 0,
            practising=practising or 0,
            well_known=well_known or 0,
            archived=archived or 0,
            reviews_per_day=[(d, per_day.get(d, 0)) for d in days],
        )
