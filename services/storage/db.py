"""Opening the one SQLite file: pragmas, migrations, and a damaged-file rescue."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from services.errors import StorageError
from services.storage import backup
from services.storage.migrations import load_steps

log = logging.getLogger(__name__)

DB_FILE_NAME = "bounceback.db"
BUSY_TIMEOUT_MS = 5000

SessionFactory = Callable[[], Session]


@dataclass
class Database:
    engine: Engine
    path: Path | None  # None for in-memory databases (tests)
    notices: list[str] = field(default_factory=list)  # told to the user once at start
    commits: int = field(default=0, init=False)  # bumped by every commit through this engine

    def __post_init__(self) -> None:
        # A change counter for caches (see data_version). PRAGMA data_version can't serve:
        # it is per connection and blind to the connection's own commits.
        event.listen(self.engine, "commit", self._committed)

    def _committed(self, _conn: object) -> None:
        self.commits += 1

    def data_version(self) -> int:
        """Changes whenever something was committed through this app's database; a cache
        keyed on it is never stale (the app is the file's only writer)."""
        return self.commits

    def session(self) -> Session:
        # Detached objects stay readable after commit: views get plain values.
        return Session(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin
    # (the documented pysqlite recipe); then the pragmas we rely on.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _make_engine(url: str, **kwargs) -> Engine:
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def migrate(dbapi_conn, *, up_to: int | None = None) -> int:
    """Bring the schema to the latest (or `up_to`) version; each step atomic."""
    dbapi_conn.isolation_level = None
    current = dbapi_conn.execute("PRAGMA user_version").fetchone()[0]
    for version, step in load_steps():
        if version <= current or (up_to is not None and version > up_to):
            continue
        dbapi_conn.execute("BEGIN IMMEDIATE")
        try:
            step.upgrade(dbapi_conn)
            dbapi_conn.execute(f"PRAGMA user_version = {version}")
            dbapi_conn.execute("COMMIT")
        except BaseException:
            dbapi_conn.execute("ROLLBACK")
            raise
        log.info("database upgraded to schema v%s", version)
        current = version
    return current


def open_memory_database(*, up_to: int | None = None) -> Database:
    """A fresh in-memory database: SQLModel's recipe for tests."""
    engine = _make_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    raw = engine.raw_connection()
    try:
        migrate(raw.driver_connection, up_to=up_to)
    finally:
        raw.close()
    return Database(engine=engine, path=None)


def _is_healthy(path: Path, *, thorough: bool = True) -> bool:
    """Can SQLite read this file? `thorough` checks every page (linear in size)."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if not thorough:  # header and schema only: cheap enough for every start
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return True
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        # Locked by another copy of the app is not damage; let the open report it.
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False


def is_healthy(path: Path) -> bool:
    return _is_healthy(path, thorough=True)


def _rescue_damaged(path: Path, now: datetime) -> str:
    """Set a damaged file aside (never delete it) and restore the newest good backup."""
    aside = path.with_name(f"{path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    restored = backup.restore_newest_healthy(path, _is_healthy)
    if restored:
        return (
            f"Your data file could not be read, so we set it aside as {aside.name} and "
            f"restored your backup from {restored:%d %b %Y, %H:%M}."
        )
    return (
        f"Your data file could not be read, so we set it aside as {aside.name} and "
        "started a fresh one. Nothing was deleted."
    )


def open_database(data_dir: Path, *, now: datetime | None = None) -> Database:
    """Open (creating, rescuing or upgrading as needed) the app's database file."""
    now = now or datetime.now()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILE_NAME
    notices: list[str] = []
    # The full page check runs with the daily backup (services/storage/backup.py), not at every start.
    if path.exists() and not _is_healthy(path, thorough=False):
        notices.append(_rescue_damaged(path, now))
    try:
        raw = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            raw.execute("PRAGMA journal_mode = WAL")
            before = raw.execute("PRAGMA user_version").fetchone()[0]
            if 0 < before < len(load_steps()):
                # Keep a copy of the old schema before changing it.
                backup.backup_file(path, now=now, reason=f"before-v{len(load_steps())}")
            migrate(raw)
        finally:
            raw.close()
    except sqlite3.OperationalError as exc:
        raise StorageError(f"could not open {path}: {exc}") from exc
    engine = _make_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    )
    return Database(engine=engine, path=path, notices=notices)
