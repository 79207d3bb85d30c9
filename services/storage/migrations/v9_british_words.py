"""v9: the built-in feeling "energized" is spelt "energised" (the interface is British English).

Data only: entries that named the old spelling name the new one. The user's own
words are left alone except an "energised" of their own, now a built-in word.
Self-contained, so renumbering it at merge time is a rename.
"""

STATEMENTS = (
    "INSERT OR IGNORE INTO mood_entry_feeling (entry_id, word) "
    "SELECT entry_id, 'energised' FROM mood_entry_feeling WHERE word = 'energized'",
    "DELETE FROM mood_entry_feeling WHERE word = 'energized'",
    "DELETE FROM mood_word WHERE kind = 'feeling' AND word IN ('energized', 'energised')",
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
