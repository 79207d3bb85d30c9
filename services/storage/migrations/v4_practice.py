"""v4: interview practice cards (with their FSRS state) and every review of them."""


def upgrade(conn) -> None:
    conn.execute(
        """
        CREATE TABLE practice_card (
            id INTEGER NOT NULL PRIMARY KEY,
            question VARCHAR(500) NOT NULL,
            category VARCHAR NOT NULL,
            tags VARCHAR NOT NULL,
            situation VARCHAR NOT NULL,
            task VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            result VARCHAR NOT NULL,
            notes VARCHAR NOT NULL,
            starter_key VARCHAR,
            archived BOOLEAN NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability FLOAT,
            difficulty FLOAT,
            due DATETIME NOT NULL,
            last_review DATETIME,
            first_reviewed_on DATE,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX ix_practice_card_due ON practice_card (due)")
    conn.execute("CREATE INDEX ix_practice_card_first_reviewed_on ON practice_card (first_reviewed_on)")
    conn.execute("CREATE INDEX ix_practice_card_starter_key ON practice_card (starter_key)")
    conn.execute(
        """
        CREATE TABLE practice_review (
            id INTEGER NOT NULL PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES practice_card (id) ON DELETE CASCADE,
            rating INTEGER NOT NULL,
            state_before INTEGER NOT NULL,
            reviewed_at DATETIME NOT NULL,
            reviewed_on DATE NOT NULL,
            duration_ms INTEGER,
            mode VARCHAR NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX ix_practice_review_card_id ON practice_review (card_id)")
    conn.execute("CREATE INDEX ix_practice_review_reviewed_on ON practice_review (reviewed_on)")
