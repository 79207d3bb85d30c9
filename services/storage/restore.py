"""Restoring a backup the person chose in Settings, while the app is running.

In order: the chosen backup is copied and checked (integrity, ours, not from
a newer app) and upgraded if it is older; a backup of how things are now is
taken ("before-restore", kept by the keep policy, restorable to undo this);
the app's connections are held back; the copy replaces the live file in one
rename. A kill at any moment leaves either the old state or the new one.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from services.errors import StorageError
from services.storage import backup, failures
from services.storage.failures import SAVE
from services.storage.rescue import checked_copy, discard, swap_in

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    source: Path
    kept_as: Path  # the state from just before: a backup, or (if that file was damaged) a set-aside copy


def restore(db, chosen: Path, *, now: datetime) -> Restored:
    """Replace the live data with `chosen` (a path from backup.list_backups). Raises StorageError."""
    path: Path = db.path
    if chosen.parent != backup.backups_dir(path) or backup.parse_name(chosen) is None:
        raise StorageError(f"{chosen} is not one of the kept backups", friendly="That backup is no longer there.")
    with backup.lock:
        try:
            copy = checked_copy(chosen, path.parent)
        except FileNotFoundError as exc:
            raise StorageError(str(exc), friendly="That backup is no longer there.") from exc
        except OSError as exc:
            raise _failed(exc) from exc
        try:
            with db.gate.closed():
                db.engine.pool.dispose()  # close idle connections before their file goes
                kept_as = _keep_now(path, now)
                if kept_as is not None:
                    _empty_wal(path)
                    swap_in(copy, path, label="before-restore", when=now, keep=False)
                else:  # the live file is damaged: it is set aside as it is, with its -wal
                    kept_as = swap_in(copy, path, label="before-restore", when=now)
        except OSError as exc:  # the swap itself failed (full disk while setting aside...): nothing changed
            discard(copy)
            raise _failed(exc) from exc
        except BaseException:
            discard(copy)
            raise
    assert kept_as is not None
    db.commits += 1  # other data now: caches keyed on data_version() must not serve the old
    return Restored(chosen, kept_as)


def _keep_now(path: Path, now: datetime) -> Path | None:
    """A checked backup of the live file; None if it is too damaged to copy."""
    try:
        return backup.backup_file(path, now=now, reason="before-restore")
    except backup.DamagedFile:
        log.warning("live file damaged; setting it aside instead of backing it up")
        return None


def _empty_wal(path: Path) -> None:
    """Move every committed change from the -wal into the file, so the swap loses nothing."""
    try:
        conn = sqlite3.connect(path, timeout=backup.BUSY_SECONDS, isolation_level=None)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _failed(exc) from exc
    wal = path.with_name(path.name + "-wal")
    if busy or (wal.exists() and wal.stat().st_size > 0):
        raise StorageError("another program kept the data file open", kind="busy", friendly=SAVE["busy"])


def _failed(exc: BaseException) -> StorageError:
    err = failures.on_save(exc)
    return StorageError(
        str(exc),
        kind=err.kind if err else "other",
        friendly="The restore didn't work this time" + (f": {_why(err.kind)}" if err else "") + ". Your data is as it was.",
    )


def _why(kind: str) -> str:
    return {"full": "the disk is full", "read_only": "the data folder can't be written to", "busy": "the data file is busy"}.get(
        kind, "the disk reported an error"
    )

