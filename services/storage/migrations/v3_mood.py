"""v3: mood entries, the feelings and self-care named in them, the user's own words."""


def upgrade(conn) -> None:
    conn.execute(
        """
        CREATE TABLE mood_entry (
            mood INTEGER NOT NULL,
            intensity INTEGER,
            note VARCHAR NOT NULL,
            about_rejection BOOLEAN NOT NULL,
            application_id INTEGER REFERENCES application(id) ON DELETE SET NULL,
            id INTEGER NOT NULL PRIMARY KEY,
            logged_at DATETIME NOT NULL,
            day DATE NOT NULL,
            updated_at DATETIME NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX ix_mood_entry_day ON mood_entry (day)")
    conn.execute("CREATE INDEX ix_mood_entry_application_id ON mood_entry (application_id)")
    conn.execute(
        """
        CREATE TABLE mood_entry_feeling (
            entry_id INTEGER NOT NULL REFERENCES mood_entry(id) ON DELETE CASCADE,
            word VARCHAR NOT NULL,
            PRIMARY KEY (entry_id, word)
        )
        """
    )
    conn.execute("CREATE INDEX ix_mood_entry_feeling_word ON mood_entry_feeling (word)")
    conn.execute(
        """
        CREATE TABLE mood_entry_activity (
            entry_id INTEGER NOT NULL REFERENCES mood_entry(id) ON DELETE CASCADE,
            name VARCHAR NOT NULL,
            PRIMARY KEY (entry_id, name)
        )
        """
    )
    conn.execute("CREATE INDEX ix_mood_entry_activity_name ON mood_entry_activity (name)")
    conn.execute(
        """
        CREATE TABLE mood_word (
            kind VARCHAR NOT NULL,
            word VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            PRIMARY KEY (kind, word)
        )
        """
    )
