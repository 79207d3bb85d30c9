"""Bouncing back after a rejection: the usual mood before it, and the days until it returned.

Pure functions and plain values; MoodInsightsService reads the data and caches the report.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass
from datetime import date, timedelta

BASELINE_DAYS = 30  # "your usual": the median day over the 30 days before a rejection
MIN_BASELINE_DAYS = 3
RECOVERY_HORIZON_DAYS = 180  # stop looking for a bounce-back after half a year


@dataclass(frozen=True)
class BounceBack:
    rejected_on: date
    label: str  # "Acme, designer", or "A rejection" when we know no more
    application_id: int | None
    usual: float | None  # median daily mood before; None: too few days logged to know
    days: int | None  # days until mood was back at the usual level; None: not yet / unknown


@dataclass(frozen=True)
class BounceBackReport:
    """Counts, average and trend cover every rejection; only the newest few are items."""

    items: tuple[BounceBack, ...]  # newest first: the newest `limit` of `total`
    trend: str | None  # "shorter" | "longer" | "steady"; None until 4 bounce-backs are known
    total: int = 0  # rejections in all
    known_count: int = 0  # of which the bounce-back time is known
    average_days: float | None = None  # mean days to bounce back, over every known one
    recent_known: tuple[BounceBack, ...] = ()  # newest first: the newest `bars` known ones


BounceRow = tuple[date, int | None, str, float | None, int | None]  # day, application, fallback label, usual, days


@dataclass(frozen=True)
class BounceCore:
    """What a report costs to work out (MoodInsightsService caches it); names are added per call."""

    shown: tuple[BounceRow, ...]
    charted: tuple[BounceRow, ...]
    trend: str | None
    total: int
    known_count: int
    average_days: float | None


def mean_or_none(values: list[float] | list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _shift(day: date, days: int) -> date:
    """`day` moved by `days`, held at the calendar's ends: a day saved before dates were
    checked (year 1, say) must not break the whole report."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def bounce_back_days(
    days: list[date], moods: list[float], rejected_on: date, today: date
) -> tuple[float | None, int | None]:
    """(usual mood, days to get back to it) for one rejection.

    `days` is sorted and `moods` matches it. Usual = median of the days logged in
    the 30 days before; the bounce-back is the first logged day from the rejection
    on whose mood reaches it (0 = the same day).
    """
    start = bisect.bisect_left(days, _shift(rejected_on, -BASELINE_DAYS))
    at = bisect.bisect_left(days, rejected_on)
    before = moods[start:at]
    if len(before) < MIN_BASELINE_DAYS:
        return None, None
    usual = statistics.median(before)
    horizon = min(today, _shift(rejected_on, RECOVERY_HORIZON_DAYS))
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
    earlier, later = sum(durations[:half]) / half, sum(durations[-half:]) / half
    if later <= earlier - 1 and later < earlier * 0.8:
        return "shorter"
    if later >= earlier + 1 and later > earlier * 1.25:
        return "longer"
    return "steady"
