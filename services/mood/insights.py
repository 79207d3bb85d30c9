"""What the mood history suggests: days with vs. without self-care or applications,
and how long it took to feel like yourself again after each rejection.

Everything here is a correlation over the user's own days, never a cause; the
views word it that way. A comparison is only "ready" with at least
`MIN_DAYS_EACH_SIDE` days on each side, so a couple of days can't tell a story.

Bounce-backs grow with every "no" (thousands after a long search), so the report
is worked out per rejection *day*, builds only the items a screen shows, and is
cached until the day or the database changes (`data_version`, a commit counter).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import Session

from services.clock import Clock
from services.mood.bounce_back import (
    BounceBack,
    BounceBackReport,
    BounceCore,
    BounceRow,
    bounce_back_days,
    mean_or_none,
    trend_of,
)
from services.storage.db import SessionFactory

MIN_DAYS_EACH_SIDE = 3
SHOWN_ITEMS = 8  # bounce-backs listed on the Mood screen, newest first
SHOWN_BARS = 12  # known bounce-backs drawn in its chart


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
        if not self.ready or self.with_average is None or self.without_average is None:
            return None
        return self.with_average - self.without_average


def compare(label: str, day_averages: dict[date, float], marked: set[date]) -> Comparison:
    """Mean of daily moods on marked days vs. the other logged days."""
    with_ = [m for d, m in day_averages.items() if d in marked]
    without = [m for d, m in day_averages.items() if d not in marked]
    return Comparison(label, len(with_), len(without), mean_or_none(with_), mean_or_none(without))


class MoodInsightsService:
    def __init__(self, sessions: SessionFactory, clock: Clock, *, data_version: Callable[[], int]):
        self._sessions = sessions
        self._clock = clock
        self._data_version = data_version  # Database.data_version: changes with every commit
        self._bounce_cache: tuple[tuple[object, ...], BounceCore] | None = None  # (key, core)

    def self_care_comparisons(self, *, days: int = 365) -> list[Comparison]:
        """One comparison per activity used in the window; ready ones first, biggest gaps first."""
        start = self._clock.today() - timedelta(days=days - 1)
        with self._sessions() as s:
            averages = self._day_averages(s, start)
            rows = s.connection().execute(
                text(
                    "SELECT DISTINCT a.name, e.day FROM mood_entry_activity a "
                    "JOIN mood_entry e ON e.id = a.entry_id WHERE e.day >= :start"
                ),
                {"start": start.isoformat()},
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
            rows = s.connection().execute(
                text("SELECT DISTINCT applied_on FROM application WHERE applied_on >= :start"),
                {"start": start.isoformat()},
            ).all()
        return compare("applications", averages, {date.fromisoformat(str(r[0])) for r in rows})

    def bounce_backs(self, *, limit: int | None = SHOWN_ITEMS, bars: int = SHOWN_BARS) -> BounceBackReport:
        """Every rejection and how long it took to get back to your usual mood.

        Only the newest `limit` items (None: all) and `bars` known ones are built;
        the count, average and trend cover them all. The costly part is cached until
        today or the data changes; names are read afresh for the few items shown.
        """
        today = self._clock.today()
        key = (today, limit, bars, self._data_version())  # read before the data: a later write shows next time
        with self._sessions() as s:
            cached = self._bounce_cache
            if cached is not None and cached[0] == key:
                core = cached[1]
            else:
                core = self._bounce_core(s, today, limit, bars)
                self._bounce_cache = (key, core)
            names = self._application_labels(s, {r[1] for r in core.shown + core.charted if r[1] is not None})

        def item(r: BounceRow) -> BounceBack:
            rejected_on, app_id, fallback, usual, took = r
            return BounceBack(rejected_on, (names.get(app_id) if app_id else None) or fallback, app_id, usual, took)

        return BounceBackReport(
            items=tuple(item(r) for r in core.shown),
            trend=core.trend,
            total=core.total,
            known_count=core.known_count,
            average_days=core.average_days,
            recent_known=tuple(item(r) for r in core.charted),
        )

    def _bounce_core(self, s: Session, today: date, limit: int | None, bars: int) -> BounceCore:
        rejections = self._rejections(s)
        rows = s.connection().execute(text("SELECT day, AVG(mood) FROM mood_entry GROUP BY day ORDER BY day")).all()
        days = [date.fromisoformat(str(d)) for d, _ in rows]
        moods = [float(m) for _, m in rows]
        # Many rejections share a day (1,705 days for 7,373 after ten years): one answer per day.
        per_day: dict[date, tuple[float | None, int | None]] = {}
        durations: list[int | None] = []  # one per rejection, oldest first
        for rejected_on, _app_id, _fallback in rejections:
            found = per_day.get(rejected_on)
            if found is None:
                found = per_day[rejected_on] = bounce_back_days(days, moods, rejected_on, today)
            durations.append(found[1])
        known = [d for d in durations if d is not None]
        newest = range(len(rejections) - 1, -1, -1)
        shown = newest if limit is None else newest[:limit]
        charted = [i for i in newest if durations[i] is not None][:bars]
        return BounceCore(
            shown=tuple((*rejections[i], *per_day[rejections[i][0]]) for i in shown),
            charted=tuple((*rejections[i], *per_day[rejections[i][0]]) for i in charted),
            trend=trend_of(known),
            total=len(rejections),
            known_count=len(known),
            average_days=mean_or_none(known),
        )

    # ------------------------------------------------------------------ queries
    @staticmethod
    def _day_averages(s: Session, start: date) -> dict[date, float]:
        rows = s.connection().execute(
            text("SELECT day, AVG(mood) FROM mood_entry WHERE day >= :start GROUP BY day"),
            {"start": start.isoformat()},
        ).all()
        return {date.fromisoformat(str(d)): float(m) for d, m in rows}

    @staticmethod
    def _rejections(s: Session) -> list[tuple[date, int | None, str]]:
        """Every rejection once, oldest first, as (day, application id, fallback label):
        from the applications tracker (a 'rejected' status change, or an application
        saved as rejected), then mood entries marked as about a rejection that the
        tracker doesn't know. An application's own name ("Acme, designer") is read
        only for the items shown (`_application_labels`)."""
        # The first rejected status change per application (ix_status_change_status
        # covers it), then applications saved as rejected that have none.
        tracked = s.connection().execute(
            text(
                # No join to application: a status change goes with its application
                # (ON DELETE CASCADE, foreign keys on for every connection).
                "SELECT sc.application_id, MIN(sc.changed_on) "
                "FROM status_change sc "
                "WHERE sc.status = 'rejected' GROUP BY sc.application_id "
                "UNION ALL "
                "SELECT a.id, a.status_on FROM application a "
                "WHERE a.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM status_change sc "
                "  WHERE sc.status = 'rejected' AND sc.application_id = a.id)"
            )
        ).all()
        parsed: dict[str, date] = {}  # many rejections share a day

        def day_of(value) -> date:
            value = str(value)
            found = parsed.get(value)
            if found is None:
                found = parsed[value] = date.fromisoformat(value)
            return found

        found: dict[tuple, tuple[date, int | None, str]] = {}
        for app_id, on in tracked:
            found[("app", app_id)] = (day_of(on), app_id, "An application")
        tracked_days = {v[0] for v in found.values()}
        marked = s.connection().execute(
            text(
                "SELECT MIN(e.day), e.application_id FROM mood_entry e "
                "WHERE e.about_rejection = 1 GROUP BY COALESCE(e.application_id, -1), "
                "CASE WHEN e.application_id IS NULL THEN e.day END"
            )
        ).all()
        for on, app_id in marked:
            day = day_of(on)
            if app_id is not None and ("app", app_id) in found:
                continue
            if app_id is None and day in tracked_days:
                continue  # most likely the same "no" the tracker already has
            found[("app", app_id) if app_id is not None else ("day", day)] = (day, app_id, "A rejection")
        return sorted(found.values(), key=lambda r: (r[0], r[1] or 0))

    @staticmethod
    def _application_labels(s: Session, ids: set[int]) -> dict[int, str]:
        """'Company, role' of the given applications; those with neither are left out."""
        if not ids:
            return {}
        rows = s.connection().execute(
            text("SELECT id, company, role FROM application WHERE id IN (SELECT value FROM json_each(:ids))"),
            {"ids": json.dumps(sorted(ids))},
        ).all()
        labels = {i: ", ".join(p for p in (company, role) if p) for i, company, role in rows}
        return {i: label for i, label in labels.items() if label}
