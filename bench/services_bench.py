"""Timing the services in-process on the heavy dataset: the quick log, Today, insights.

Same wiring as main.py (open_database + AppServices with the system clock), on
a private copy of the heavy database so the quick log's writes don't leak.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event

from services.clock import SystemClock
from services.container import AppServices
from services.storage.db import DB_FILE_NAME, open_database


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def copy_db(src_dir: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src_dir / DB_FILE_NAME, dst_dir / DB_FILE_NAME)
    return dst_dir


def _open(data_dir: Path) -> AppServices:
    clock = SystemClock()
    return AppServices(open_database(data_dir, now=clock.now().replace(tzinfo=None)), clock)


def time_calls(fn: Callable[[], Any], n: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def quick_log(heavy_dir: Path, *, calls: int, batches: int, synchronous: str | None = None) -> dict[str, float]:
    """log_application(count=1) `calls` times per batch, each batch on a fresh copy.

    `synchronous` overrides the app's setting (FULL) for a comparison run only.
    """
    p50s, p95s = [], []
    for _ in range(batches):
        with tempfile.TemporaryDirectory(prefix="bench-ql-") as tmp:
            services = _open(copy_db(heavy_dir, Path(tmp)))
            if synchronous:
                services.db.engine.dispose()
                event.listen(services.db.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA synchronous = {synchronous}"))
            try:
                times = time_calls(lambda s=services: s.applications.log_application(count=1), calls, warmup=5)
            finally:
                services.db.dispose()
        p50s.append(percentile(times, 50))
        p95s.append(percentile(times, 95))
    return {"p50_ms": statistics.median(p50s), "p95_ms": statistics.median(p95s), "batches": batches, "calls": calls}


def daily_backup(heavy_dir: Path, *, runs: int) -> dict[str, float]:
    """One checked backup of the heavy file (copy, integrity check, row counts, fsync, rename)."""
    from services.storage import backup

    times = []
    with tempfile.TemporaryDirectory(prefix="bench-bk-") as tmp:
        services = _open(copy_db(heavy_dir, Path(tmp)))
        try:
            for n in range(runs):
                t0 = time.perf_counter()
                backup.backup_file(services.db.path, now=datetime(2030, 1, 1 + n, 8, 0))
                times.append((time.perf_counter() - t0) * 1000)
        finally:
            services.db.dispose()
    return {"median_ms": statistics.median(times), "size_mb": (heavy_dir / DB_FILE_NAME).stat().st_size / 1e6}


def today_parts(services: AppServices) -> dict[str, Callable[[], Any]]:
    """Everything the Today screen reads when it opens (see views/today)."""
    today = services.clock.today()
    parts: dict[str, Callable[[], Any]] = {
        "goals.progress": services.goals.progress,
        "attention": services.attention.items,
        "wins.recent_wins": lambda: services.wins.recent_wins(limit=5),
        "applications.queries.recent_rejection": services.applications.queries.recent_rejection,
        "mood.summary_for": lambda: services.mood.summary_for(day=today),
        "interviews (coming up, with prep plans)": lambda: services.interviews.plans.plans(
            interview_ids=[i.id for i in services.interviews.upcoming()[:3]]),  # as views/interviews/today.py
    }
    return parts


def destination_parts(services: AppServices) -> dict[str, Callable[[], Any]]:
    """The reads each destination makes when it opens (the server's share of section 3)."""
    today = services.clock.today()
    feedback_statuses = ("asked", "not_asked", "received", "no_reply")
    return {
        "Applications: list_applications (first page)": lambda: services.applications.queries.list_applications(limit=50),
        "Mood: month + summary + insights": lambda: (
            services.mood.month(year=today.year, month=today.month), services.mood.summary_for(day=today),
            services.mood_insights.self_care_comparisons(days=365),
            services.mood_insights.applications_comparison(days=365), services.mood_insights.bounce_backs()),
        "Feedback: counts, themes, open actions, groups": lambda: (
            services.feedback.queries.status_counts(), services.feedback.queries.recurring_themes(),
            services.feedback.actions.open_actions(limit=5), services.feedback.actions.open_action_count(),
            [services.feedback.queries.list_feedback(status=st, limit=5) for st in feedback_statuses]),
        "Practice: stats + card count": lambda: (services.practice.stats.summary(), services.practice.deck.card_count()),
    }


def insight_parts(services: AppServices) -> dict[str, Callable[[], Any]]:
    parts: dict[str, Callable[[], Any]] = {}
    from services.applications.patterns import DIMENSIONS

    for dim in DIMENSIONS:
        parts[f"patterns ({dim})"] = lambda dim=dim: services.patterns.patterns(dimension=dim)
    parts["consistency score (goals.progress)"] = services.goals.progress
    parts["mood with/without self-care"] = services.mood_insights.self_care_comparisons
    parts["mood with/without applications"] = services.mood_insights.applications_comparison
    parts["bounce-back time"] = services.mood_insights.bounce_backs
    parts["recurring themes"] = services.feedback.queries.recurring_themes
    parts["practice due count"] = services.practice.schedule.due_count
    return parts


# A listing and a resume like the ones people paste (moved here from the unit tests, which
# now only check what the results say). Repeated up to the longest text the check accepts.
_LISTING = (
    "Data Analyst, Customer Insights. Build and maintain dashboards in Tableau for weekly business "
    "reviews. Write SQL queries against our Snowflake data warehouse. Design and analyse A/B tests "
    "with the product team. Partner with stakeholders on stakeholder management. Automate recurring "
    "reports with Python (pandas). Comfortable with statistics and experiment design.\n"
)
_RESUME = (
    "Marketing analyst with 4 years of experience turning data into decisions. Built weekly Excel "
    "reports and dashboards. Wrote SQL queries in PostgreSQL to segment customers. Presented "
    "insights to senior leadership.\n"
)
_FEEDBACK = "Thanks for coming in; it was a close call between the final candidates. "


def text_parts(services: AppServices) -> dict[str, Callable[[], Any]]:
    """Work on pasted text, at the longest the app accepts (no database involved)."""
    from models.feedback import TEXT_MAX
    from services.feedback.keywords import MAX_TEXT_CHARS, check_keywords
    from services.feedback.themes import suggest_theme

    listing = (_LISTING * (MAX_TEXT_CHARS // len(_LISTING) + 1))[:MAX_TEXT_CHARS]
    resume = (_RESUME * (MAX_TEXT_CHARS // len(_RESUME) + 1))[:MAX_TEXT_CHARS]
    said = (_FEEDBACK * (TEXT_MAX // len(_FEEDBACK)))[: TEXT_MAX - 40] + " We wanted more leadership."
    return {
        "keyword check (2 x 50,000 characters)": lambda: check_keywords(listing=listing, resume=resume),
        "theme suggestion (20,000 characters)": lambda: suggest_theme(said),
    }


def deck_parts(services: AppServices) -> dict[str, Callable[[], Any]]:
    """Review counts of every card at once: a stress case (the app asks for a handful, from
    the card editor and feedback actions), kept from the unit test it used to be."""
    ids = [c.id for c in services.practice.deck.list_cards(limit=10_000).cards]
    return {f"Practice: review counts of all {len(ids)} cards": lambda: services.practice.schedule.review_counts(card_ids=ids)}


def summaries(heavy_dir: Path, *, runs: int) -> dict[str, dict[str, float]]:
    """Median (and p95) of `runs` calls of each Today read, insight and destination read.

    Each call gets fresh service objects, so a service's own cache can't answer it: the
    figure is what the first visit after start-up (or after a change) costs. The same
    call on one long-lived instance is kept too ("repeat_ms"): where a service caches,
    that is what a second visit costs.
    """
    out: dict[str, dict[str, float]] = {}
    groups = {
        "today": today_parts,
        "insight": insight_parts,
        "destination": destination_parts,
        "deck": deck_parts,
        "text": text_parts,
    }
    with tempfile.TemporaryDirectory(prefix="bench-sum-") as tmp:
        services = _open(copy_db(heavy_dir, Path(tmp)))
        db, clock = services.db, services.clock
        try:
            for group, parts_of in groups.items():
                names = list(parts_of(services))
                for name in names:
                    fresh = lambda name=name, parts_of=parts_of: parts_of(AppServices(db, clock))[name]()  # noqa: E731
                    times = time_calls(fresh, runs)
                    repeat = time_calls(parts_of(services)[name], runs)
                    out[name] = {"group": group, "median_ms": statistics.median(times), "p95_ms": percentile(times, 95),
                                 "repeat_ms": statistics.median(repeat)}
                if group == "today":
                    total = lambda: [fn() for fn in today_parts(AppServices(db, clock)).values()]  # noqa: E731
                    times = time_calls(total, runs)
                    out["Today summary (all of the above)"] = {
                        "group": group, "median_ms": statistics.median(times), "p95_ms": percentile(times, 95),
                        "repeat_ms": None}
            # What Today's on_mount starts: the reminder scheduler's first check (it catches up on what
            # was due while the app was closed), on fresh services each time, notifications recorded.
            from services.reminders.notify import RecordingNotifier

            def first_check() -> None:
                asyncio.run(AppServices(db, clock, notifier=RecordingNotifier()).reminders.scheduler.tick())

            times = time_calls(first_check, runs)
            out["reminders: the scheduler's first check (catch-up)"] = {
                "group": "start", "median_ms": statistics.median(times), "p95_ms": percentile(times, 95), "repeat_ms": None}
        finally:
            services.db.dispose()
    return out
