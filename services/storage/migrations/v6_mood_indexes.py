"""v6: indexes for the Mood screen's bounce-back report (services/mood_insights.py).

Indexes, and the queries they serve:
- ix_status_change_status (status, application_id, changed_on): the first 'rejected'
  change per application, read from the index alone (covering) instead of a scan of
  every status change with a row lookup each (heavy dataset: 18 -> 11 ms).
- ix_mood_entry_updated_at, ix_application_updated_at: MAX(updated_at), two of the
  change markers the cached report is keyed on (2.4 ms of table scans -> 0.05 ms).
"""

STATEMENTS = (
    "CREATE INDEX ix_status_change_status ON status_change (status, application_id, changed_on)",
    "CREATE INDEX ix_mood_entry_updated_at ON mood_entry (updated_at)",
    "CREATE INDEX ix_application_updated_at ON application (updated_at)",
)


def upgrade(conn) -> None:
    for sql in STATEMENTS:
        conn.execute(sql)
