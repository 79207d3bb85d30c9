"""Automatic backups: a consistent copy through SQLite's online backup API."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

KEEP = 10  # newest backups kept; older ones are pruned
DAILY = timedelta(hours=20)


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Newest first."""
    folder = backups_dir(db_path)
    if not folder.exists():
        return []
    return sorted(folder.glob("bounceback-*.db"), reverse=True)


def backup_file(db_path: Path, *, now: datetime, reason: str = "auto") -> Path:
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"bounceback-{now:%Y%m%d-%H%M%S}-{reason}.db"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    _prune(db_path)
    return target


class DamagedFile(RuntimeError):
    """The live file failed SQLite's page check; no backup was taken of it."""


def backup_if_due(db_path: Path, *, now: datetime, is_healthy: Callable[[Path], bool] | None = None) -> Path | None:
    """One automatic backup a day, taken at start-up, of a file that passes the page check.

    A damaged file is never backed up, so it can't push good backups out.
    """
    newest = list_backups(db_path)
    if newest and now - _taken_at(newest[0]) < DAILY:
        return None
    if is_healthy is not None and not is_healthy(db_path):
        raise DamagedFile(str(db_path))
    return backup_file(db_path, now=now)


def restore_backup(backup_path: Path, db_path: Path) -> None:
    """Copy a backup over the live file (the caller reopens the database)."""
    src = sqlite3.connect(backup_path)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def restore_newest_healthy(db_path: Path, is_healthy: Callable[[Path], bool]) -> datetime | None:
    for candidate in list_backups(db_path):
        if is_healthy(candidate):
            restore_backup(candidate, db_path)
            return _taken_at(candidate)
    return None


def _taken_at(path: Path) -> datetime:
    stamp = "-".join(path.stem.split("-")[1:3])
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime)


def _prune(db_path: Path) -> None:
    for old in list_backups(db_path)[KEEP:]:
        try:
            old.unlink()
        except OSError as exc:  # a backup we can't delete is only clutter
            log.warning("could not prune backup %s: %s", old, exc)
