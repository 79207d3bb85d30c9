"""The one SQLite file through SQLAlchemy: the engine, its pragmas, and the Database handle.

Making the file ready (rescue, upgrade, private modes) is services/storage/prepare.py,
which needs only the sqlite3 module; `open_database` runs both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from services.storage import failures
from services.storage.gate import Gate, GatedPool
from services.storage.prepare import BUSY_TIMEOUT_MS, DB_FILE_NAME, SIDE_FILES, PreparedFile, prepare_file
from services.storage.schema import migrate

log = logging.getLogger(__name__)

SessionFactory = Callable[[], Session]

__all__ = [
    "DB_FILE_NAME", "SIDE_FILES", "Database", "SessionFactory", "connect", "migrate", "open_database", "open_memory_database",
]


@dataclass
class Database:
    engine: Engine
    path: Path | None  # None for in-memory databases (tests)
    notices: list[str] = field(default_factory=list)  # told to the user once at start
    gate: Gate = field(default_factory=Gate)  # held closed while a restore swaps the file
    commits: int = field(default=0, init=False)  # bumped by every commit through this engine

    _listeners: list[Callable[[str], None]] = field(default_factory=list, init=False, repr=False)

    def tell(self, notice: str) -> None:
        """A notice found after start (the background daily backup's): kept for pages opened
        later, and pushed to the open ones. Callable from any thread."""
        self.notices.append(notice)
        for listener in list(self._listeners):
            try:
                listener(notice)
            except Exception:  # a window closed meanwhile: the others still hear it
                log.warning("a window could not be told: %s", notice, exc_info=True)

    def on_notice(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call `listener` with each later notice; returns the call that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

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
    # FULL: the -wal is synced at every commit, so a saved entry survives a power cut
    # or an OS crash too (NORMAL only promises that after the next checkpoint).
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _make_engine(url: str, **kwargs) -> Engine:
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    failures.install(engine)
    return engine


def open_memory_database(*, up_to: int | None = None) -> Database:
    """A fresh in-memory database: SQLModel's recipe for tests."""
    engine = _make_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    raw = engine.raw_connection()
    try:
        migrate(raw.driver_connection, up_to=up_to)
    finally:
        raw.close()
    return Database(engine=engine, path=None)


def open_database(data_dir: Path, *, now: datetime | None = None) -> Database:
    """Open (creating, rescuing or upgrading as needed) the app's database file.

    Raises StorageError (its `friendly` is one sentence for the person) when
    it can't: busy, read-only, full disk, I/O error, or a file from a newer app.
    """
    return connect(prepare_file(data_dir, now=now))


def connect(prepared: PreparedFile) -> Database:
    """The engine over a file `prepare_file` made ready (no I/O until the first query)."""
    engine = _make_engine(
        f"sqlite:///{prepared.path}",
        poolclass=GatedPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    db = Database(engine=engine, path=prepared.path, notices=list(prepared.notices))
    engine.pool.gate = db.gate  # type: ignore[attr-defined]
    return db
