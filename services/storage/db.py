"""Opening the one SQLite file: what it is, rescue if needed, upgrade, pragmas, private modes.

At every start, cheaply: is there a file, is it whole, is it ours, is it
from a newer app? A damaged file (or another program's) is set aside byte for
byte and the newest good backup restored (services/storage/rescue.py); a newer
one is refused. Our file is upgraded after a backup of the old schema. Every
failure on the way becomes a StorageError with one sentence for the person.
"""

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
from services.storage import backup, failures, files, probe, rescue
from services.storage.gate import Gate, GatedPool
from services.storage.migrations import latest_version
from services.storage.schema import migrate

log = logging.getLogger(__name__)

DB_FILE_NAME = "bounceback.db"
BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("", "-wal", "-shm")

SessionFactory = Callable[[], Session]

__all__ = ["DB_FILE_NAME", "Database", "SessionFactory", "migrate", "open_database", "open_memory_database"]


@dataclass
class Database:
    engine: Engine
    path: Path | None  # None for in-memory databases (tests)
    notices: list[str] = field(default_factory=list)  # told to the user once at start
    gate: Gate = field(default_factory=Gate)  # held closed while a restore swaps the file
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
    now = now or datetime.now()
    try:
        return _open(data_dir, now)
    except Exception as exc:
        if isinstance(exc, StorageError) or isinstance(exc, OSError | sqlite3.Error):
            raise failures.on_open(exc, data_dir) from exc
        raise


def _open(data_dir: Path, now: datetime) -> Database:
    files.private_dir(data_dir)
    path = data_dir / DB_FILE_NAME
    for folder in (data_dir, backup.backups_dir(path), data_dir / "exports"):
        files.clean_stale_temps(folder)
    _tighten_old_modes(data_dir)
    notices = []
    state, facts = probe.examine(path)
    if state == "newer":
        raise _newer(facts.version if facts else 0, data_dir)
    has_backups = bool(backup.list_backups(path))
    if state in ("damaged", "foreign") or (state in ("empty", "blank") and has_backups):
        notices.append(rescue.rescue(path, now=now, foreign=state == "foreign"))
    _make_files_private(path)
    if not path.exists():
        files.create_exclusive(path)  # 0600 from the first byte; SQLite gives -wal/-shm the same mode
    if not _upgrade(path, now, data_dir):  # damage found by the backup before an upgrade
        notices.append(rescue.rescue(path, now=now, foreign=False))
        _upgrade(path, now, data_dir)
    _make_files_private(path)
    engine = _make_engine(
        f"sqlite:///{path}",
        poolclass=GatedPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    db = Database(engine=engine, path=path, notices=notices)
    engine.pool.gate = db.gate  # type: ignore[attr-defined]
    return db


def _upgrade(path: Path, now: datetime, data_dir: Path) -> bool:
    """WAL mode, and the latest schema after a backup of the old one; False if that backup found damage."""
    raw = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        before = raw.execute("PRAGMA user_version").fetchone()[0]
        if 0 < before < latest_version():
            try:
                _backup_before_upgrade(path, now, data_dir)
            except backup.DamagedFile:  # never upgrade a damaged file
                return False
        migrate(raw)
    finally:
        raw.close()
    return True


def _tighten_old_modes(data_dir: Path) -> None:
    """Older versions left the folders 0755 and files 0644: backups, exports, set-aside copies."""
    for folder in (data_dir, data_dir / "backups", data_dir / "exports"):
        if folder is not data_dir:
            if not files.is_dir_not_link(folder):
                continue
            files.private_dir(folder)
        for item in folder.glob("bounceback*"):
            files.make_private(item)


def _make_files_private(path: Path) -> None:
    """0600 for the file and its companions, including ones an older version left 0644."""
    for suffix in SIDE_FILES:
        files.make_private(path.with_name(path.name + suffix))


def _backup_before_upgrade(path: Path, now: datetime, data_dir: Path) -> None:
    try:
        backup.backup_file(path, now=now, reason=f"before-v{latest_version()}")
    except backup.DamagedFile:
        raise  # the caller sets the file aside instead
    except backup.BackupFailed as exc:
        why = backup.WHY.get(exc.kind, "something went wrong while copying")
        raise StorageError(
            f"backup before upgrade failed: {exc}",
            kind=exc.kind,
            friendly=(
                "This version of Bounceback upgrades your data file and makes a backup of it first, but the "
                f"backup didn't work ({why}). Nothing was changed; check the disk holding {data_dir} and "
                "start it again."
            ),
        ) from exc


def _newer(version: int, data_dir: Path) -> StorageError:
    return StorageError(
        f"schema v{version} is newer than this app's v{latest_version()}",
        kind="newer",
        friendly=(
            f"Your data in {data_dir} was saved by a newer version of Bounceback. Please update the app to "
            "open it; nothing was changed."
        ),
    )
