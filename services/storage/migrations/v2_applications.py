"""v2: applications, their status history, goal plans and small wins.

Indexes, and the queries they serve:
- ix_application_applied_on: today's / this week's count, per-day chart, the list's order.
- ix_application_status_applied_on: "waiting over 30 days with no reply".
- ix_application_reapply_after: companies whose reapply date has come, the waiting-period note.
- ix_status_change_application_id: an application's timeline; patterns' "ever reached".
AUTOINCREMENT keeps ids from being reused, so undoing a delete can put a row back as it was.
"""

STATEMENTS = (
    """
    CREATE TABLE application (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        company VARCHAR,
        role VARCHAR,
        applied_on DATE NOT NULL,
        source VARCHAR,
        industry VARCHAR,
        company_size VARCHAR,
        link VARCHAR,
        notes VARCHAR,
        status VARCHAR NOT NULL,
        status_on DATE NOT NULL,
        reapply_after DATE,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL
    )
    """,
    "CREATE INDEX ix_application_applied_on ON application (applied_on)",
    "CREATE INDEX ix_application_status_applied_on ON application (status, applied_on)",
    "CREATE INDEX ix_application_reapply_after ON application (reapply_after)",
    """
    CREATE TABLE status_change (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        status VARCHAR NOT NULL,
        changed_on DATE NOT NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE INDEX ix_status_change_application_id ON status_change (application_id)",
    """
    CREATE TABLE goal_plan (
        id INTEGER PRIMARY KEY,
        effective_from DATE NOT NULL,
        daily_target INTEGER NOT NULL,
        weekly_target INTEGER NOT NULL,
        rest_weekdays VARCHAR NOT NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX ix_goal_plan_effective_from ON goal_plan (effective_from)",
    """
    CREATE TABLE win (
        id INTEGER PRIMARY KEY,
        won_on DATE NOT NULL,
        title VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        application_id INTEGER REFERENCES application (id) ON DELETE SET NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE INDEX ix_win_won_on ON win (won_on)",
    "CREATE INDEX ix_win_application_id ON win (application_id)",
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
