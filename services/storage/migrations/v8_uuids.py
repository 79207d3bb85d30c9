"""v8 (planned as v7; renumbering is a rename): a stable UUID on every row a person creates, so
imports and a later sync can match rows.

Tables with a `uuid` (each gets a unique index ix_<table>_uuid):
application, status_change, goal_plan, win, mood_entry, feedback, feedback_action,
practice_card, practice_review.

Left without one, because a natural key already identifies their rows everywhere:
- setting: its key;
- mood_entry_feeling / mood_entry_activity: (the entry's uuid, the word): parts of an entry;
- mood_word: (kind, word): the same word typed on two devices is the same word;
- feedback_practice_card: (the feedback's uuid, the card's uuid): a link;
- reminder_delivery, attention_dismissal (v7): this device's own log of reminders sent and items
  set aside; they point at rows by plain id and stay on the device (a merge leaves them out).

SQLite can only add a NOT NULL column with a constant default, so the column is
added with DEFAULT '', filled with random version-4 UUIDs, and a trigger gives
any row still inserted without one (raw SQL, an older tool) a fresh UUID, so ''
is never kept. The models set the UUID themselves for every new row. Built-in
starter cards get the UUID derived from their key (models.identity.starter_uuid),
so the same question is the same card on every device.
"""

from __future__ import annotations

import uuid

TABLES = (
    "application",
    "status_change",
    "goal_plan",
    "win",
    "mood_entry",
    "feedback",
    "feedback_action",
    "practice_card",
    "practice_review",
)

# A random version-4 UUID in SQL: 8-4-4-4-12 hex digits, '4' as the version,
# 8, 9, a or b as the variant. (random() & 3 avoids abs() overflowing on the minimum.)
RANDOM_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' "
    "|| substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)

# Frozen copy of models.identity.STARTER_NAMESPACE as it was when this step was written.
STARTER_NAMESPACE = uuid.UUID("8bee4a51-bde7-43bd-83dc-471b977ec9da")


def statements(table: str) -> tuple[str, ...]:
    return (
        f"ALTER TABLE {table} ADD COLUMN uuid VARCHAR NOT NULL DEFAULT ''",
        f"UPDATE {table} SET uuid = {RANDOM_UUID}",
        f"CREATE UNIQUE INDEX ix_{table}_uuid ON {table} (uuid)",
        f"""
        CREATE TRIGGER tr_{table}_uuid AFTER INSERT ON {table} WHEN NEW.uuid = ''
        BEGIN
            UPDATE {table} SET uuid = {RANDOM_UUID} WHERE rowid = NEW.rowid;
        END
        """,
    )


def upgrade(conn) -> None:
    for table in TABLES:
        for sql in statements(table):
            conn.execute(sql)
    starters = conn.execute("SELECT id, starter_key FROM practice_card WHERE starter_key IS NOT NULL").fetchall()
    conn.executemany(
        "UPDATE practice_card SET uuid = ? WHERE id = ?",
        [(str(uuid.uuid5(STARTER_NAMESPACE, f"starter:{key}")), card_id) for card_id, key in starters],
    )
