"""v1: key/value settings (theme, goals, reminders...) and the app's own notes."""


def upgrade(conn) -> None:
    conn.execute(
        """
        CREATE TABLE setting (
            key VARCHAR NOT NULL PRIMARY KEY,
            value VARCHAR NOT NULL,
            updated_at DATETIME NOT NULL
        )
        """
    )
