"""One place that turns low-level storage failures into StorageError with words a person understands.

SQLite reports why a read or write failed with a result code (busy, read-only,
full, I/O error, damaged file); the OS does the same with errno. Both map to
a `kind` and a message for the moment it happened: opening the app, or
saving something. The engine listener (`install`) applies this to every
statement and commit SQLAlchemy runs, so the services never see driver errors.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from services.errors import StorageError

_SAFE = "Your earlier entries are safe"

# What happened while saving (the app stays open; nothing saved before is touched).
SAVE = {
    "busy": (
        "We couldn't save that just now: another program, or another Bounceback window, is using the data "
        f"file. {_SAFE}; please try again in a moment."
    ),
    "read_only": (
        f"We couldn't save that: the data file or its folder can't be written to any more. {_SAFE}; check the "
        "folder's permissions (or free the drive), then try again."
    ),
    "full": f"We couldn't save that: the disk is full. {_SAFE}; free some space, then try again.",
    "io": (
        f"We couldn't save that: the disk reported an error. {_SAFE}; please try again, and check the disk if "
        "it keeps happening."
    ),
    "damaged": (
        "We couldn't save that: part of the data file can't be read. Your backups are safe: Settings, "
        "Your data can restore the newest one."
    ),
}

# What happened while opening (said in one line, then the app stops without changing anything).
OPEN = {
    "busy": (
        "The data file is in use by another program (or another Bounceback), so it can't be opened now. "
        "Close the other one and start Bounceback again."
    ),
    "read_only": (
        "Bounceback can't write in its data folder {folder} (it is read-only or not yours). Nothing was "
        "changed. Check the folder's permissions, or choose another folder with --data-dir."
    ),
    "full": (
        "The disk holding {folder} is full, so Bounceback can't open your data safely. Nothing was "
        "changed; free some space and start it again."
    ),
    "io": (
        "The disk holding {folder} reported an error, so Bounceback stopped before changing anything. "
        "Check the disk, then start it again."
    ),
    "damaged": (
        "The data file in {folder} can't be read and there is no good backup to restore. Nothing was deleted."
    ),
    "other": "Bounceback couldn't open its data in {folder}: {detail}. Nothing was changed.",
}

_SQLITE_KINDS = {
    sqlite3.SQLITE_BUSY: "busy",
    sqlite3.SQLITE_LOCKED: "busy",
    sqlite3.SQLITE_PROTOCOL: "busy",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_PERM: "read_only",
    sqlite3.SQLITE_CANTOPEN: "read_only",
    sqlite3.SQLITE_AUTH: "read_only",
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_IOERR: "io",
    sqlite3.SQLITE_NOMEM: "io",
    sqlite3.SQLITE_CORRUPT: "damaged",
    sqlite3.SQLITE_NOTADB: "damaged",
}

_ERRNO_KINDS = {
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EROFS: "read_only",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EIO: "io",
}


def kind_of(exc: BaseException) -> str | None:
    """The storage failure behind `exc`, or None if it is not one (a bug, bad input...)."""
    if isinstance(exc, StorageError):
        return exc.kind
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE_KINDS.get(code & 0xFF)
        text = str(exc).lower()  # errors raised by the sqlite3 module itself carry no code
        if "locked" in text or "busy" in text:
            return "busy"
        return None
    if isinstance(exc, OSError):
        return _ERRNO_KINDS.get(exc.errno or 0)
    return None


def on_save(exc: BaseException) -> StorageError | None:
    kind = kind_of(exc)
    if kind is None:
        return None
    if isinstance(exc, StorageError):
        return exc
    return StorageError(f"{type(exc).__name__}: {exc}", kind=kind, friendly=SAVE.get(kind, StorageError.friendly))


def on_open(exc: BaseException, folder: Path) -> StorageError:
    """Always a StorageError: whatever stopped the open is told in one line."""
    if isinstance(exc, StorageError):
        return exc
    kind = kind_of(exc) or "other"
    if kind == "io" and _no_space(folder):  # SQLite reports a full disk while mapping its -shm as I/O
        kind = "full"
    detail = getattr(exc, "strerror", None) or str(exc)
    message = OPEN.get(kind, OPEN["other"]).format(folder=folder, detail=detail)
    return StorageError(f"{type(exc).__name__}: {exc}", kind=kind, friendly=message)


def _no_space(folder: Path) -> bool:
    for place in (folder, *folder.parents):
        try:
            return os.statvfs(place).f_bavail == 0
        except (OSError, AttributeError):  # not there yet / no statvfs (Windows)
            continue
    return False


def install(engine: Engine) -> None:
    """Every statement, commit and connect on `engine` reports storage failures as StorageError."""

    def translate(context):
        return on_save(context.original_exception)

    event.listen(engine, "handle_error", translate)
