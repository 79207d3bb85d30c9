"""What the mood history suggests: days with vs. without self-care or applications,
and how long it took to feel like yourself again after each rejection.

Everything here is a correlation over the user's own days, never a cause; the
views word it that way. A comparison is only "ready" with at least
`MIN_DAYS_EACH_SIDE` days on each side, so a couple of days can't tell a story.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import Session

from services.clock import Clock
from services.db import SessionFactory

MIN_DAYS_EACH_SIDE = 3
BASELINE_DAYS = 30  # "your usual": the median day over the 30 days before a rejection
MIN_BASELINE_DAYS = 3
RECOVERY_HORIZON_DAYS = 180  # stop looking for a bounce-back after half a year


@dataclass(frozen=True)
class Comparison:
    label: str  # an activity ("walk") or "applications"
    with_days: int
    without_days: int
    with_average: float | None
    without_average: float | None

    @property
    def ready(self) -> bool:
        return self.with_days >= MIN_DAYS_EACH_SIDE and self.without_days >= MIN_DAYS_EACH_SIDE

    @property
    def difference(self) -> float | None:
        if not self.ready:
            return None
        return self.with_average - self.without_average


@dataclass(frozen=True)
class BounceBack:
    rejected_on: date
    label: str  # "Acme, designer", or "A rejection" when we know no more
    application_id: int | None
    usual: float | None  # median daily mood before; None: too few days logged to know
    days: int | None  # days until mood was back at the usual level; None: not yet / unknown


@dataclass(frozen=True)
class BounceBackReport:
    items: list[BounceBack]  # newest first
    trend: str | None  # "shorter" | "longer" | "steady"; None until 4 bounce-backs are known

    @property
    def known(self) -> list[BounceBack]:
        return [b for b in self.items if b.days is not None]


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def compare(label: str, day_averages: dict[date, float], marked: set[date]) -> Comparison:
    """Mean of daily moods on marked days vs. the other logged days."""
    with_ = [m for d, m in day_averages.items() if d in marked]
    without = [m for d, m in day_averages.items() if d not in marked]
    return Comparison(label, len(with_), len(without), _average(with_), _average(without))


def bounce_back_days(
    days: list[date], moods: list[float], rejected_on: date, today: date
) -> tuple[float | None, int | None]:
    """(usual mood, days to get back to it) for one rejection.

    `days` is sorted and `moods` matches it. Usual = median of the days logged in
    the 30 days before; the bounce-back is the first logged day from the rejection
    on whose mood reaches it (0 = the same day).
    """
    start = bisect.bisect_left(days, rejected_on - timedelta(days=BASELINE_DAYS))
    at = bisect.bisect_left(days, rejected_on)
    before = moods[start:at]
    if len(before) < MIN_BASELINE_DAYS:
        return None, None
    usual = statistics.median(before)
    horizon = min(today, rejected_on + timedelta(days=RECOVERY_HORIZON_DAYS))
    for i in range(at, len(days)):
        if days[i] > horizon:
            break
        if moods[i] >= usual:
            return usual, (days[i] - rejected_on).days
    return usual, None


def trend_of(durations: list[int]) -> str | None:
    """Oldest first. Compares the later half's average with the earlier half's."""
    if len(durations) < 4:
        return None
    half = len(durations) // 2
    earlier, later = _average(durations[:half]), _average(durations[-half:])
    if later <= earlier - 1 and later < earlier * 0.8:
        return "shorter"
    if later >= earlier + 1 and later > earlier * 1.25:
        return "longer"
    return "steady"


class MoodInsightsService:
    def __init__(self, sessions: SessionFactory, clock: Clock):
        self._sessions = sessions
        self._clock = clock

    def self_care_comparisons(self, *, days: int = 365) -> list[Comparison]:
        """One comparison per activity used in the window; ready ones first, biggest gaps first."""
        start = self._clock.today() - timedelta(days=days - 1)
        with self._sessions() as s:
            averages = self._day_averages(s, start)
            rows = s.exec(
                text(
                    "SELECT DISTINCT a.name, e.day FROM mood_entry_activity a "
                    "JOIN mood_entry e ON e.id = a.entry_id WHERE e.day >= :start"
                ),
                params={"start": start.isoformat()},
            ).all()
        marked: dict[str, set[date]] = {}
        for name, day in rows:
            marked.setdefault(name, set()).add(date.fromisoformat(str(day)))
        found = [compare(name, averages, ds) for name, ds in marked.items()]
        return sorted(found, key=lambda c: (not c.ready, -abs(c.difference or 0), c.label))

    def applications_comparison(self, *, days: int = 365) -> Comparison:
        """Mood on days you sent at least one application vs. days you didn't."""
        start = self._clock.today() - timedelta(days=days - 1)
        with self._sessions() as s:
            averages = self._day_averages(s, start)
            rows = s.exec(
                text("SELECT DISTINCT applied_on FROM application WHERE applied_on >= :start"),
                params={"start": start.isoformat()},
            ).all()
        return compare("applications", averages, {date.fromisoformat(str(r[0])) for r in rows})

    def bounce_backs(self) -> BounceBackReport:
        today = self._clock.today()
        with self._sessions() as s:
            rejections = self._rejections(s)
            rows = s.exec(text("SELECT day, AVG(mood) FROM mood_entry GROUP BY day ORDER BY day")).all()
        days = [date.fromisoformat(str(d)) for d, _ in rows]
        moods = [float(m) for _, m in rows]
        items = []
        for rejected_on, app_id, label in rejections:
            usual, took = bounce_back_days(days, moods, rejected_on, today)
            items.append(BounceBack(rejected_on, label, app_id, usual, took))
        known = [b.days for b in items if b.days is not None]  # oldest first, as listed
        return BounceBackReport(items=items[::-1], trend=trend_of(known))

    # ------------------------------------------------------------------ queries
    @staticmethod
    def _day_averages(s: Session, start: date) -> dict[date, float]:
        rows = s.exec(
            text("SELECT day, AVG(mood) FROM mood_entry WHERE day >= :start GROUP BY day"),
            params={"start": start.isoformat()},
        ).all()
        return {date.fromisoformat(str(d)): float(m) for d, m in rows}

    @staticmethod
    def _rejections(s: Session) -> list[tuple[date, int | None, str]]:
        """Every rejection once, oldest first: from the applications tracker
        (a 'rejected' status change, or an application saved as rejected), then
        mood entries marked as about a rejection that the tracker doesn't know."""
        tracked = s.exec(
            text(
                "SELECT a.id, MIN(COALESCE(sc.changed_on, a.status_on)), a.company, a.role "
                "FROM application a LEFT JOIN status_change sc "
                "  ON sc.application_id = a.id AND sc.status = 'rejected' "
                "WHERE a.status = 'rejected' OR sc.id IS NOT NULL GROUP BY a.id"
            )
        ).all()
        found: dict[tuple, tuple[date, int | None, str]] = {}
        for app_id, on, company, role in tracked:
            label = ", ".join(p for p in (company, role) if p) or "An application"
            found[("app", app_id)] = (date.fromisoformat(str(on)), app_id, label)
        tracked_days = {v[0] for v in found.values()}
        marked = s.exec(
            text(
                "SELECT MIN(e.day), e.application_id, a.company, a.role FROM mood_entry e "
                "LEFT JOIN application a ON a.id = e.application_id "
                "WHERE e.about_rejection = 1 GROUP BY COALESCE(e.application_id, -1), "
                "CASE WHEN e.application_id IS NULL THEN e.day END"
            )
        ).all()
        for on, app_id, company, role in marked:
            day = date.fromisoformat(str(on))
            if app_id is not None and ("app", app_id) in found:
                continue
            if app_id is None and day in tracked_days:
                continue  # most likely the same "no" the tracker already has
            label = ", ".join(p for p in (company, role) if p) or "A rejection"
            found[("app", app_id) if app_id is not None else ("day", day)] = (day, app_id, label)
        return sorted(found.values(), key=lambda r: (r[0], r[1] or 0))
