"""2,000 feedback records (issue 7's heavy user): lists, counts and themes are right and use indexes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.feedback.signals import FeedbackSignals
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


def test_heavy_user_lists_and_counts(heavy, services, clock):
    """Counted right on 2,000 records (their speed is measured in bench/services_bench.py).

    Record i has status i % 4 (not asked, asked, received, no reply), so 500 of each; the
    received ones (i = 2, 6, 10, ...) get theme i % 6, which cycles 2, 0, 4 (culture,
    experience, skills; see THEME_KEYS) over them: 167 + 167 + 166.
    """
    rows = heavy.queries.list_feedback(status="received", limit=20)
    assert len(rows) == 20 and {r.status for r in rows} == {"received"}
    assert heavy.queries.status_counts()["received"] == N // 4 == 500
    themes = {c.theme: c.count for c in heavy.queries.recurring_themes()}
    assert themes == {"culture": 167, "experience": 167, "skills": 166}
    assert len(heavy.actions.open_actions(limit=5)) == 5
    assert len(FeedbackSignals(services.db.session).attention(clock.today())) == 5


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
