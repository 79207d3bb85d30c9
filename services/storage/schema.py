"""Knowing our own file: PRAGMA application_id, the schema version, and the migrations runner.

`user_version` is the schema version (see migrations/); `application_id` marks
the file as Bounceback's, so another program's SQLite file is never mistaken
for ours and migrated in place. Files written before the mark existed are
recognised by their tables: exactly the ones our migrations create at their
version, nothing else.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from functools import cache

from services.storage.migrations import latest_version, load_steps

log = logging.getLogger(__name__)

# "BNCE": our mark in the SQLite header (offset 68). Any other non-zero value is another program's.
APP_ID = 0x424E4345


@dataclass(frozen=True)
class FileFacts:
    app_id: int
    version: int
    tables: frozenset[str]


def read_facts(conn: sqlite3.Connection) -> FileFacts:
    """Header fields and table names; raises sqlite3.DatabaseError if the file is not readable."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = frozenset(
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    )
    return FileFacts(app_id, version, tables)


@cache
def our_tables(version: int) -> frozenset[str]:
    """The tables our migrations have created by `version` (built once in memory)."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn, up_to=version, mark=False)
        return read_facts(conn).tables
    finally:
        conn.close()


def verdict(facts: FileFacts) -> str:
    """'ours', 'newer' (ours, from a later app version), 'blank' (no tables yet) or 'foreign'."""
    if facts.app_id not in (0, APP_ID):
        return "foreign"
    if facts.app_id == APP_ID:
        return "newer" if facts.version > latest_version() else "ours"
    # Unmarked: written by an older Bounceback, or by something else entirely.
    if facts.version == 0:
        return "blank" if not facts.tables else "foreign"
    if facts.version > latest_version():
        return "newer" if facts.tables >= our_tables(latest_version()) else "foreign"
    return "ours" if facts.tables == our_tables(facts.version) else "foreign"


def migrate(dbapi_conn, *, up_to: int | None = None, mark: bool = True) -> int:
    """Bring the schema to the latest (or `up_to`) version; each step atomic.

    The first step to run also writes our application_id, in the same
    transaction, so a file is marked as ours exactly when it has our tables.
    """
    dbapi_conn.isolation_level = None
    current = dbapi_conn.execute("PRAGMA user_version").fetchone()[0]
    if mark and current and dbapi_conn.execute("PRAGMA application_id").fetchone()[0] == 0:
        dbapi_conn.execute(f"PRAGMA application_id = {APP_ID}")  # an older file of ours, now marked
    for version, step in load_steps():
        if version <= current or (up_to is not None and version > up_to):
            continue
        dbapi_conn.execute("BEGIN IMMEDIATE")
        try:
            if mark:
                dbapi_conn.execute(f"PRAGMA application_id = {APP_ID}")
            step.upgrade(dbapi_conn)
            dbapi_conn.execute(f"PRAGMA user_version = {version}")
            dbapi_conn.execute("COMMIT")
        except BaseException:
            dbapi_conn.execute("ROLLBACK")
            raise
        log.info("database upgraded to schema v%s", version)
        current = version
    return current
