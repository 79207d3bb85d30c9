"""Patterns: response and interview rates per group, small groups flagged; query plans use the indexes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.applications.goals import GoalService
from services.applications.patterns import PatternService
from services.applications.service import ApplicationService
from services.settings import SettingsService


@pytest.fixture
def apps(db, clock):
    return ApplicationService(db.session, clock)


def test_rates_by_source_with_small_and_large_groups(db, apps, clock):
    day = clock.today() - timedelta(days=20)
    board = [apps.add_application(applied_on=day, company=f"B{i}", source="Job board").id for i in range(10)]
    referral = [apps.add_application(applied_on=day, company=f"R{i}", source="Referral").id for i in range(3)]
    apps.add_application(applied_on=day)  # no source recorded
    apps.change_status(application_id=board[0], status="rejected")  # a "no" is still a response
    apps.change_status(application_id=board[1], status="interview")
    apps.change_status(application_id=board[1], status="rejected")  # reached interview, then no
    apps.change_status(application_id=board[2], status="no_reply")  # silence is not a response
    apps.change_status(application_id=referral[0], status="offer")

    rows = {r.group: r for r in PatternService(db.session, clock).patterns(dimension="source")}
    big = rows["Job board"]
    assert (big.applications, big.responses, big.interviews, big.too_small) == (10, 2, 1, False)
    assert big.response_rate == pytest.approx(0.2) and big.interview_rate == pytest.approx(0.1)
    small = rows["Referral"]
    assert (small.applications, small.responses, small.interviews, small.too_small) == (3, 1, 1, True)
    assert rows["Not recorded"].applications == 1


def test_roles_group_regardless_of_case(db, apps, clock):
    for role in ("Data Analyst", "data analyst ", "DATA ANALYST", "Designer"):
        apps.add_application(applied_on=clock.today(), role=role)
    rows = PatternService(db.session, clock).patterns(dimension="role")
    assert [(r.applications) for r in rows] == [3, 1]


def _plan(db, sql: str, params=()) -> str:
    with db.engine.connect() as conn:
        return " | ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))


def test_quick_log_and_today_counts_use_the_indexes(db, apps, clock):
    """The quick-log path: one INSERT, then counts that read ix_application_applied_on only."""
    apps.log_application(count=3)
    today = clock.today().isoformat()
    day_plan = _plan(db, "SELECT count(*) FROM application WHERE applied_on = ?", (today,))
    week_plan = _plan(db, "SELECT count(*) FROM application WHERE applied_on >= ? AND applied_on <= ?", (today, today))
    by_day = _plan(db, "SELECT applied_on, count(*) FROM application WHERE applied_on >= ? AND applied_on <= ? GROUP BY applied_on", (today, today))
    waiting = _plan(db, "SELECT count(*) FROM application WHERE status = 'applied' AND applied_on <= ?", (today,))
    reapply = _plan(db, "SELECT * FROM application WHERE reapply_after <= ? ORDER BY reapply_after LIMIT 5", (today,))
    page = _plan(db, "SELECT * FROM application ORDER BY applied_on DESC, id DESC LIMIT 50 OFFSET 0")
    print("\n".join(["today", day_plan, "week", week_plan, "by day", by_day, "waiting", waiting, "reapply", reapply, "page", page]))
    assert "USING COVERING INDEX ix_application_applied_on (applied_on=?)" in day_plan
    assert "USING COVERING INDEX ix_application_applied_on (applied_on>? AND applied_on<?)" in week_plan
    assert "ix_application_applied_on" in by_day and "TEMP B-TREE" not in by_day
    assert "USING COVERING INDEX ix_application_status_applied_on (status=? AND applied_on<?)" in waiting
    assert "USING INDEX ix_application_reapply_after" in reapply
    assert "ix_application_applied_on" in page and "TEMP B-TREE" not in page


def test_the_services_issue_exactly_those_queries(db, apps, clock):
    """Guard against the ORM drifting from the plans checked above."""
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(" ".join(a[2].split())))
    goals = GoalService(db.session, clock, SettingsService(db.session, clock))
    goals.count_on(day=clock.today())
    goals.count_in_week(day=clock.today())
    counting = [s for s in seen if "count(" in s.lower()]
    assert any("WHERE application.applied_on = ?" in s for s in counting)
    assert any("WHERE application.applied_on >= ? AND application.applied_on <= ?" in s for s in counting)
