"""Backups that always count: written aside, checked, then renamed into place.

A backup is copied through SQLite's online backup API into a temporary 0600
file in the backups folder, switched to a single self-contained file,
checked (integrity and row counts against the snapshot it was copied from),
fsynced, and only then given its final name. A backup that fails on the way
is removed, so a half-written file never counts as a backup. Safe to call
from a background thread while the app writes: it reads a WAL snapshot
through its own connection, and one lock keeps backups, pruning and
restores in this process from overlapping.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from services.errors import StorageError
from services.storage import failures, files
from services.storage.keep import kept
from services.storage.schema import read_facts

log = logging.getLogger(__name__)

DAILY = timedelta(hours=20)
BUSY_SECONDS = 5.0
NAME = re.compile(r"^bounceback-(\d{8}-\d{6})-([a-z0-9-]+?)(?:-(\d+))?\.db$")
SHOWN_COUNTS = ("application", "mood_entry", "practice_card", "feedback")

# One backup, prune or restore at a time in this process (the daily one may run in a background thread).
lock = threading.RLock()


class BackupFailed(StorageError):
    """The backup could not be made; nothing under a backup name was left behind."""


class DamagedFile(BackupFailed):
    """The live file failed SQLite's page check; no backup was taken of it."""

    kind = "damaged"
    friendly = (
        "Bounceback found damage inside your data file, so today's backup was skipped to keep your good "
        "backups safe. Settings shows them; restoring the newest one is usually best."
    )


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    counts: dict[str, int] | None  # None: the file can't be read

    @property
    def pinned(self) -> bool:
        return self.reason.startswith("before-")


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    match = NAME.match(path.name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), match.group(2)
    except ValueError:
        return None


def list_backups(db_path: Path) -> list[Path]:
    """Every kept backup, newest first (plain files only: a symlink is never a backup)."""
    folder = backups_dir(db_path)
    if not files.is_dir_not_link(folder):
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_name(path)
        if parsed and files.is_plain_file(path):
            found.append((parsed[0], path.name, path))
    found.sort(reverse=True)
    return [path for _, _, path in found]


def count_rows(conn: sqlite3.Connection, tables) -> dict[str, int]:
    # Table names come from sqlite_master of a file we just checked, quoted anyway.
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _copy_and_check(db_path: Path, tmp: Path) -> None:
    src = sqlite3.connect(db_path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        src.execute("BEGIN")  # one read snapshot for the counts and the copy
        facts = read_facts(src)
        expected = count_rows(src, facts.tables)
        dst = sqlite3.connect(tmp, isolation_level=None)
        try:
            src.backup(dst)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            if not integrity_ok(dst):
                raise DamagedFile(f"integrity check failed on a copy of {db_path}")
            if read_facts(dst) != facts or count_rows(dst, facts.tables) != expected:
                raise BackupFailed(f"the copy of {db_path} does not match it")
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        if failures.kind_of(exc) == "damaged":
            raise DamagedFile(f"{db_path}: {exc}") from exc
        raise
    finally:
        src.close()


def backup_file(db_path: Path, *, now: datetime, reason: str = "auto") -> Path:
    """Make one checked backup and return its path; raise BackupFailed (nothing left behind) if not."""
    with lock:
        folder = backups_dir(db_path)
        tmp: Path | None = None
        try:
            if folder.is_symlink():
                raise BackupFailed(
                    f"{folder} is a symbolic link; backups are never written through one",
                    kind="read_only",
                    friendly=(
                        f"No backup was made: {folder} is a link to another place, and backups are never "
                        "written through links. Make it an ordinary folder. Your data is unchanged."
                    ),
                )
            files.private_dir(folder)
            tmp = files.temp_path(folder, "bounceback-backup")
            files.create_exclusive(tmp)
            _copy_and_check(db_path, tmp)
            files.fsync_file(tmp)
            final = files.publish(tmp, folder, f"bounceback-{_naive(now):%Y%m%d-%H%M%S}-{reason}", ".db")
        except BaseException as exc:
            if tmp is not None:
                files.remove_quietly(tmp)
                files.remove_quietly(tmp.with_name(tmp.name + "-journal"))
            if isinstance(exc, StorageError) or not isinstance(exc, Exception):
                raise
            failed = failures.on_save(exc)
            raise BackupFailed(
                f"backup of {db_path} failed: {exc}",
                kind=failed.kind if failed else "other",
                friendly=_failed_message(failed),
            ) from exc
        prune(db_path)
        return final


WHY = {
    "full": "the disk is full",
    "read_only": "the backups folder can't be written to",
    "busy": "the data file was busy",
    "io": "the disk reported an error",
    "damaged": "the data file has damage inside",
}


def _failed_message(cause: StorageError | None) -> str:
    why = WHY.get(cause.kind if cause else "", "something went wrong while copying")
    return f"The backup didn't work this time ({why}). Your data is unchanged, and older backups are kept."


def backup_if_due(db_path: Path, *, now: datetime) -> Path | None:
    """One automatic backup a day. Raises BackupFailed / DamagedFile (see `daily_backup`)."""
    with lock:
        for path in list_backups(db_path):
            taken, reason = parse_name(path)  # type: ignore[misc]
            if not reason.startswith("before-"):
                if timedelta(0) <= _naive(now) - taken < DAILY:
                    return None
                break
        return backup_file(db_path, now=now)


def daily_backup(db_path: Path, *, now: datetime) -> str | None:
    """The automatic backup, for start-up or a background thread: never raises.

    Returns a message when the person should know (damage found, a full disk
    or an unwritable folder stopping backups); a passing problem (a busy file)
    is only logged, and the backup is tried again at the next start.
    """
    try:
        backup_if_due(db_path, now=now)
    except DamagedFile as exc:
        log.info("daily backup skipped: %s", exc)
        return exc.friendly
    except BackupFailed as exc:
        log.info("daily backup failed: %s", exc)
        if exc.kind in ("full", "read_only"):
            return (
                f"Today's automatic backup couldn't be made: {WHY[exc.kind]}. Everything you saved is safe; "
                "once that's sorted, the next start takes one."
            )
    except Exception:  # a bug here must not stop the app either
        log.exception("daily backup failed")
    return None


def describe(db_path: Path) -> list[BackupInfo]:
    """Every kept backup with its date, size and row counts, newest first."""
    out = []
    for path in list_backups(db_path):
        taken, reason = parse_name(path)  # type: ignore[misc]
        try:
            size = path.lstat().st_size
        except OSError:
            continue  # pruned meanwhile
        out.append(BackupInfo(path, taken, reason, size, _shown_counts(path)))
    return out


def _shown_counts(path: Path) -> dict[str, int] | None:
    # immutable: read the file as it is, creating no -wal/-shm beside a backup
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
        try:
            tables = read_facts(conn).tables
            return count_rows(conn, [t for t in SHOWN_COUNTS if t in tables])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def prune(db_path: Path) -> None:
    """Keep the last 7 daily and 4 weekly backups, plus every one taken before an upgrade or a restore."""
    with lock:
        named = [(p, *parse_name(p)) for p in list_backups(db_path)]  # type: ignore[misc]
        keep = kept([(p, taken, reason) for p, taken, reason in named])
        for path, _, _ in named:
            if path not in keep:
                try:
                    os.unlink(path)
                except OSError as exc:  # a backup we can't delete is only clutter
                    log.warning("could not prune backup %s: %s", path, exc)


def _naive(now: datetime) -> datetime:
    """Wall-clock time as the app's clock gives it (names and the daily rule use local time)."""
    return now.replace(tzinfo=None)
