"""v7 (planned as v9 on main; renumbering is a rename): reminders handed out, items set aside on Today.

- reminder_delivery: one row per reminder and day (unique), so a reminder is never sent
  twice, and the ones handed to the phone's scheduler can be cancelled when they no
  longer apply (ix_reminder_delivery_scheduled finds those).
- attention_dismissal: what the user dismissed on Today.
"""

STATEMENTS = (
    """
    CREATE TABLE reminder_delivery (
        id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        about INTEGER NOT NULL,
        due_on DATE NOT NULL,
        deliver_at DATETIME NOT NULL,
        backend VARCHAR NOT NULL,
        scheduled BOOLEAN NOT NULL,
        notification_id INTEGER,
        text VARCHAR NOT NULL,
        created_at DATETIME NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT uq_reminder_delivery UNIQUE (kind, about, due_on)
    )
    """,
    "CREATE INDEX ix_reminder_delivery_scheduled ON reminder_delivery (scheduled, deliver_at)",
    """
    CREATE TABLE attention_dismissal (
        id INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        about INTEGER NOT NULL,
        due_on DATE,
        dismissed_at DATETIME NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT uq_attention_dismissal UNIQUE (kind, about, due_on)
    )
    """,
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
