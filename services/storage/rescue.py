"""Replacing the data file safely: a checked copy of a backup first, then one atomic swap.

Used when the file can't be read (or isn't ours) at start-up, and by
Settings' restore. A kill at any moment leaves either the old file or the
new one in place: the backup is copied to a temporary name beside the data
file, checked and upgraded there, and only then renamed over it. The file
it replaces is kept byte for byte under a new, never reused name.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from services.errors import StorageError
from services.storage import backup, files
from services.storage.schema import migrate, read_facts, verdict

log = logging.getLogger(__name__)

SIDECARS = ("-wal", "-shm", "-journal")


class Unusable(StorageError):
    """This backup can't be restored: damaged, incomplete, another program's, or from a newer app."""


def _unusable(kind: str, source: Path, detail: str = "") -> Unusable:
    friendly = {
        "newer": (
            f"{source.name} was made by a newer version of Bounceback. Please update the app to restore it; "
            "nothing was changed."
        ),
        "not_ours": f"{source.name} isn't a Bounceback backup, so it wasn't restored. Nothing was changed.",
        "incomplete": f"{source.name} is incomplete (its copying was interrupted), so it wasn't restored. Nothing was changed.",
    }.get(kind, f"{source.name} is damaged and can't be restored. Nothing was changed; try an older backup.")
    return Unusable(f"{source}: {kind} {detail}".strip(), kind=kind, friendly=friendly)


def checked_copy(source: Path, folder: Path) -> Path:
    """Copy a backup to a temporary file in `folder`, check it and upgrade it; return the copy.

    Raises Unusable for a backup that must not be restored; other storage
    failures (full disk...) propagate. The source file is only read.
    """
    journal = source.with_name(source.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        raise _unusable("incomplete", source, "(a hot journal beside it)")  # written by a killed copy
    if not files.is_plain_file(source):
        raise _unusable("not_ours", source, "(not a plain file)")
    tmp = files.temp_path(folder, "bounceback-restore")
    try:
        files.copy_exact(source, tmp)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            try:
                facts = read_facts(conn)
                found = verdict(facts)
                if found == "newer":
                    raise _unusable("newer", source, f"v{facts.version}")
                if found != "ours":  # a blank file is what an interrupted old-style backup leaves
                    raise _unusable("incomplete" if found == "blank" else "not_ours", source)
                if not backup.integrity_ok(conn):
                    raise _unusable("damaged", source)
                conn.execute("PRAGMA journal_mode = WAL")  # as the live file is
                migrate(conn)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "not a database" not in str(exc):
                    raise
                raise _unusable("damaged", source, str(exc)) from exc
        finally:
            conn.close()
        files.fsync_file(tmp)
        return tmp
    except BaseException:
        discard(tmp)
        raise


def discard(tmp: Path) -> None:
    for suffix in ("", *SIDECARS):
        files.remove_quietly(tmp.with_name(tmp.name + suffix))


def swap_in(
    replacement: Path | None, path: Path, *, label: str, when: datetime, keep: bool = True
) -> Path | None:
    """Keep the file at `path` aside (byte for byte) and put `replacement` there (or nothing).

    Order matters for a kill at any moment: the original gets its second
    name first (a hard link: it stays in place too), its -wal moves aside
    with it (a stale -wal must never meet the new file), and one rename
    puts the replacement in place. Returns the set-aside name. `keep=False`
    when the caller already holds a checked backup of the file (and emptied its -wal).
    """
    stamp = f"{when:%Y%m%d-%H%M%S}"
    aside = files.set_aside(path, label, stamp) if keep and os.path.lexists(path) else None
    base = aside.name if aside else f"{path.name}.{label}-{stamp}"
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if os.path.lexists(side):
            keep_as = path.with_name(base + suffix)
            if os.path.lexists(keep_as):  # only possible without an aside; never overwrite
                keep_as = path.with_name(f"{base}{suffix}-{uuid.uuid4().hex[:8]}")
            os.replace(side, keep_as)
            files.make_private(keep_as)
    files.remove_quietly(path.with_name(path.name + "-shm"))  # an index of the -wal, no data of its own
    if replacement is not None:
        os.replace(replacement, path)
    elif aside is not None:
        os.unlink(path)
    files.fsync_dir(path.parent)
    return aside


def newest_usable(path: Path) -> tuple[Path, datetime] | None:
    """A checked, upgraded copy of the newest backup that can be restored, and when it was taken."""
    for candidate in backup.list_backups(path):
        try:
            copy = checked_copy(candidate, path.parent)
        except Unusable as exc:
            log.info("skipping backup %s: %s", candidate.name, exc)
            continue
        return copy, backup.parse_name(candidate)[0]  # type: ignore[index]
    return None


def rescue(path: Path, *, now: datetime, foreign: bool) -> str:
    """Set aside a damaged (or another program's) file, restore the newest good backup; say what happened."""
    with backup.lock:
        found = newest_usable(path)
        copy, taken = found if found else (None, None)
        try:
            aside = swap_in(copy, path, label="not-ours" if foreign else "damaged", when=now)
        except BaseException:
            if copy is not None:
                discard(copy)
            raise
    kept = f"as {aside.name}" if aside else "beside it"
    if foreign:
        what = (
            f"The file {path.name} in your data folder isn't a Bounceback file (perhaps another program's), "
            f"so we didn't touch it: it's kept, unchanged, {kept}"
        )
    else:
        what = f"Your data file could not be read, so we set it aside, unchanged, {kept}"
    if taken is not None:
        return f"{what}, and restored your backup from {taken:%a} {taken.day} {taken:%b %Y, %H:%M}."
    return f"{what}, and started a fresh one. Nothing was deleted."
