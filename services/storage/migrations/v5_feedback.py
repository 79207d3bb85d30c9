"""v5: feedback records, their action items, and practice cards made from them.

Indexes, and the queries they serve:
- ix_feedback_application_id (unique): one record per rejected application; the
  rejection flow finds it. NULLs are allowed many times (standalone records).
- ix_feedback_status_asked_on: requests asked a week ago with no reply ("needs attention").
- ix_feedback_theme: recurring themes (GROUP BY theme).
- ix_feedback_rejected_on: the list, newest first, paged.
- ix_feedback_action_feedback_id / _done: a record's checklist; all open actions.
- ix_feedback_practice_card_card_id / _action_id: cards made from feedback, and the
  action they tick off once reviewed.
"""

STATEMENTS = (
    """
    CREATE TABLE feedback (
        id INTEGER NOT NULL PRIMARY KEY,
        application_id INTEGER REFERENCES application (id) ON DELETE SET NULL,
        company VARCHAR,
        role VARCHAR,
        manager_name VARCHAR,
        contact_email VARCHAR,
        status VARCHAR NOT NULL,
        asked_on DATE,
        received_on DATE,
        what_they_said VARCHAR NOT NULL,
        theme VARCHAR,
        reflection VARCHAR NOT NULL,
        rejected_on DATE NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX ix_feedback_application_id ON feedback (application_id)",
    "CREATE INDEX ix_feedback_status_asked_on ON feedback (status, asked_on)",
    "CREATE INDEX ix_feedback_theme ON feedback (theme)",
    "CREATE INDEX ix_feedback_rejected_on ON feedback (rejected_on)",
    """
    CREATE TABLE feedback_action (
        id INTEGER NOT NULL PRIMARY KEY,
        feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
        text VARCHAR NOT NULL,
        done BOOLEAN NOT NULL,
        done_on DATE,
        position INTEGER NOT NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE INDEX ix_feedback_action_feedback_id ON feedback_action (feedback_id)",
    "CREATE INDEX ix_feedback_action_done ON feedback_action (done)",
    """
    CREATE TABLE feedback_practice_card (
        feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
        card_id INTEGER NOT NULL REFERENCES practice_card (id) ON DELETE CASCADE,
        action_id INTEGER REFERENCES feedback_action (id) ON DELETE SET NULL,
        PRIMARY KEY (feedback_id, card_id)
    )
    """,
    "CREATE INDEX ix_feedback_practice_card_card_id ON feedback_practice_card (card_id)",
    "CREATE INDEX ix_feedback_practice_card_action_id ON feedback_practice_card (action_id)",
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
