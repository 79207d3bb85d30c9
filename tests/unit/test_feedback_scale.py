"""2,000 feedback records (issue 7's heavy user): lists, counts and themes stay quick and use indexes."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from services.feedback.themes import THEME_KEYS

N = 2000


@pytest.fixture
def heavy(services, clock):
    now = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    statuses = ("not_asked", "asked", "received", "no_reply")
    rows = []
    for i in range(N):
        status = statuses[i % 4]
        day = date(2026, 3, 4) - timedelta(days=i // 2)
        theme = THEME_KEYS[i % 6] if status == "received" else None
        rows.append(
            (f"Company {i}", "Analyst", status, day if status in ("asked", "received") else None,
             day if status == "received" else None, "They said things." if status == "received" else "",
             theme, day, now, now)
        )  # fmt: skip
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM feedback")
        conn.connection.executemany(
            "INSERT INTO feedback (company, role, status, asked_on, received_on, what_they_said, theme, reflection, "
            "rejected_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
            rows,
        )
        conn.connection.executemany(
            "INSERT INTO feedback_action (feedback_id, text, done, position, created_at) VALUES (?, ?, ?, 0, ?)",
            [(i, f"Step {i}", i % 3 == 0, now) for i in range(1, N + 1)],
        )
    return services.feedback


def timed(fn, *args, **kwargs):
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - started)
    return result, best


def test_heavy_user_queries_are_quick(heavy, services, clock):
    from services.feedback.signals import FeedbackSignals

    signals = FeedbackSignals(services.db.session)
    rows, t_list = timed(heavy.queries.list_feedback, status="received", limit=20)
    counts, t_counts = timed(heavy.queries.status_counts)
    themes, t_themes = timed(heavy.queries.recurring_themes)
    actions, t_actions = timed(heavy.actions.open_actions, limit=5)
    items, t_attention = timed(signals.attention, clock.today())
    assert len(rows) == 20 and counts["received"] == N // 4
    assert sum(c.count for c in themes) == N // 4 and themes[0].total == N // 4
    assert len(actions) == 5 and len(items) == 5
    for name, took in [("list", t_list), ("counts", t_counts), ("themes", t_themes), ("actions", t_actions),
                       ("attention", t_attention)]:  # fmt: skip
        assert took < 0.15, f"{name} took {took * 1000:.0f} ms"


@pytest.mark.parametrize(
    "sql, index",
    [
        ("SELECT theme, count(*) FROM feedback WHERE theme IS NOT NULL GROUP BY theme", "ix_feedback_theme"),
        ("SELECT * FROM feedback WHERE status = 'asked' AND asked_on <= '2026-02-01'", "ix_feedback_status_asked_on"),
        ("SELECT * FROM feedback ORDER BY rejected_on DESC LIMIT 20", "ix_feedback_rejected_on"),
        ("SELECT * FROM feedback_action WHERE feedback_id = 5", "ix_feedback_action_feedback_id"),
        ("SELECT * FROM feedback WHERE application_id = 5", "ix_feedback_application_id"),
    ],
)
def test_query_plans_use_indexes(heavy, services, sql, index):
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert index in plan, plan
