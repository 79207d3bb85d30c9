"""v10: interviews and the questions asked in them.

Self-contained: it only adds its own two tables, so it can run after any other step
(renumbering it is a rename). Both tables are rows a person creates, so both carry a
`uuid` as docs/DEVELOPING.md "Stable identity" asks of a new table: NOT NULL, no
default, a unique index, filled by the model's default.

Indexes, and the queries they serve:
- ix_interview_application_id: an application's rounds (its page, the first-round
  check when scheduling, the funnel's rounds per application).
- ix_interview_starts_at: what is coming up (Today, reminders) and what just happened
  (the check-in, the thank-you note), both a range on the start.
- ix_interview_mood_entry_id: the check-in's mood entry (and SET NULL when it is deleted).
- ix_interview_uuid / ix_interview_question_uuid (unique): stable identity for import
  and export (a UUID on every row a person creates).
- ix_interview_question_interview_id: an interview's questions.
- ix_interview_question_card_id: the card made from a question (SET NULL when deleted).
"""

STATEMENTS = (
    """
    CREATE TABLE interview (
        id INTEGER NOT NULL PRIMARY KEY,
        uuid VARCHAR NOT NULL,
        application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        round VARCHAR NOT NULL,
        starts_at DATETIME NOT NULL,
        duration_minutes INTEGER NOT NULL,
        format VARCHAR NOT NULL,
        location VARCHAR,
        people VARCHAR NOT NULL,
        prep_notes VARCHAR NOT NULL,
        entered_offset_minutes INTEGER NOT NULL,
        cancelled_on DATE,
        mood_entry_id INTEGER REFERENCES mood_entry (id) ON DELETE SET NULL,
        after_notes VARCHAR NOT NULL,
        outcome VARCHAR,
        thank_you_to VARCHAR,
        thank_you_topic VARCHAR NOT NULL,
        thank_you_sent_on DATE,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX ix_interview_uuid ON interview (uuid)",
    "CREATE INDEX ix_interview_application_id ON interview (application_id)",
    "CREATE INDEX ix_interview_starts_at ON interview (starts_at)",
    "CREATE INDEX ix_interview_mood_entry_id ON interview (mood_entry_id)",
    """
    CREATE TABLE interview_question (
        id INTEGER NOT NULL PRIMARY KEY,
        uuid VARCHAR NOT NULL,
        interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
        text VARCHAR NOT NULL,
        card_id INTEGER REFERENCES practice_card (id) ON DELETE SET NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX ix_interview_question_uuid ON interview_question (uuid)",
    "CREATE INDEX ix_interview_question_interview_id ON interview_question (interview_id)",
    "CREATE INDEX ix_interview_question_card_id ON interview_question (card_id)",
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
