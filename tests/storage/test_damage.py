"""The real app (main.py) meets a bad data file: one clear line, never a traceback, nothing lost.

Each case starts from a data folder holding a good file and a backup of it,
spoils it one way, and starts main.py. Damaged or foreign files: the app
starts, says in one line what it did, the original is kept byte for byte and
the backup restored. A newer, locked or read-only file: the app stops with
one line and leaves the file exactly as it was. A full disk: the app starts
and says the backup couldn't be made; everything saved is there.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from services.storage import backup
from services.storage.migrations import latest_version
from tests.storage.run_app import run_app
from tests.storage_helpers import app_ids, fill, remount, services_on, small_disk

pytestmark = pytest.mark.slow

BACKUP_AT = datetime(2020, 1, 6, 8, 0)  # long ago: today's automatic backup is due at start


def prepared(data: Path) -> tuple[Path, set[int]]:
    """A good data file with 120 applications and a backup of exactly that."""
    app = services_on(data)
    ids: list[int] = []
    for _ in range(3):
        ids += app.applications.log_application(count=40)
    app.mood.log_entry(mood=2, note="A hard week, written down.")
    backup.backup_file(app.db.path, now=BACKUP_AT)
    app.db.dispose()
    return app.db.path, set(ids)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def zeroed_header(path):
    with open(path, "r+b") as f:
        f.write(b"\0" * 100)


def random_bytes(path):
    path.write_bytes(os.urandom(path.stat().st_size))


def text_file(path):
    path.write_text("Monday: applied to three places.\n" * 200, encoding="utf-8")


def empty_file(path):
    path.write_bytes(b"")


def other_app(path, clash: bool):
    path.unlink()
    conn = sqlite3.connect(path)
    table = "application" if clash else "photos"
    conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute(f"INSERT INTO {table} (title) VALUES ('not yours')")
    conn.commit()
    conn.close()


RESCUED = {
    "truncated": (truncated, "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-"),
    "zeroed header": (zeroed_header, "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-"),
    "random bytes": (random_bytes, "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-"),
    "a text file": (text_file, "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-"),
    "an empty file": (empty_file, "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-"),
    "another app's SQLite": (lambda p: other_app(p, clash=False), "The file bounceback.db in your data folder isn't a Bounceback file"),
    "another app's SQLite, clashing table": (lambda p: other_app(p, clash=True), "The file bounceback.db in your data folder isn't a Bounceback file"),
}


@pytest.mark.parametrize("case", list(RESCUED))
def test_a_spoiled_file_is_set_aside_and_the_backup_restored(tmp_path, case):
    spoil, opening = RESCUED[case]
    path, ids = prepared(tmp_path / "data")
    spoil(path)
    original = path.read_bytes()

    outcome = run_app(tmp_path / "data")
    assert outcome.started, outcome
    assert not any("Traceback" in line for line in outcome.stdout + outcome.stderr)
    [line] = outcome.said  # exactly one line tells the person what happened
    assert line.startswith(opening) and line.endswith("and restored your backup from Mon 6 Jan 2020, 08:00."), line
    [aside] = [p for p in path.parent.iterdir() if p.name.startswith(("bounceback.db.damaged-", "bounceback.db.not-ours-"))]
    assert aside.name in line
    assert aside.read_bytes() == original, "the original is kept byte for byte"
    assert app_ids(path) == ids, "the backup is back"


def test_a_file_from_a_newer_app_stops_with_one_line(tmp_path):
    path, ids = prepared(tmp_path / "data")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = {p.name: digest(p) for p in path.parent.iterdir() if p.is_file()}

    outcome = run_app(tmp_path / "data")
    assert not outcome.started and outcome.code == 2
    assert outcome.stdout == [] and len(outcome.stderr) == 1, outcome
    assert "saved by a newer version of Bounceback. Please update the app" in outcome.stderr[0]
    assert {p.name: digest(p) for p in path.parent.iterdir() if p.is_file()} == before, "nothing changed"


def test_a_locked_file_stops_with_one_line(tmp_path):
    path, ids = prepared(tmp_path / "data")
    before = digest(path)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")  # another program holding the whole file
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        outcome = run_app(tmp_path / "data")
    finally:
        blocker.close()
    assert not outcome.started and outcome.code == 2
    assert len(outcome.stderr) == 1 and "in use by another program" in outcome.stderr[0], outcome
    assert "Traceback" not in "".join(outcome.stdout + outcome.stderr)
    assert digest(path) == before and app_ids(path) == ids
    assert not list(path.parent.glob("*.damaged-*")), "busy is never treated as damage"


def test_a_read_only_folder_stops_with_one_line(tmp_path):
    with small_disk(tmp_path) as disk:
        path, ids = prepared(disk / "data")
        before = digest(path)
        remount(disk, "ro")
        outcome = run_app(disk / "data")
        assert not outcome.started and outcome.code == 2
        assert len(outcome.stderr) == 1, outcome
        assert outcome.stderr[0].startswith(f"Bounceback can't write in its data folder {disk / 'data'}")
        remount(disk, "rw")
        assert digest(path) == before and app_ids(path) == ids


def test_a_nearly_full_disk_starts_and_says_the_backup_could_not_be_made(tmp_path):
    """Room for the app's working files, not for today's backup (the issue's "full disk on a backup day")."""
    with small_disk(tmp_path, size_kb=3072) as disk:
        path, ids = prepared(disk / "data")
        filler = fill(disk, leave_kb=96)
        outcome = run_app(disk / "data")
        assert outcome.started, outcome
        [line] = outcome.said
        assert line.startswith("Today's automatic backup couldn't be made: the disk is full."), line
        assert "Traceback" not in "".join(outcome.stdout + outcome.stderr)
        assert [p.name for p in backup.list_backups(path)] == ["bounceback-20200106-080000-auto.db"]
        assert not [p for p in backup.backups_dir(path).iterdir() if p.name.startswith(".")], "no partial backup"
        filler.unlink()
        assert app_ids(path) == ids


def test_a_completely_full_disk_stops_with_one_line(tmp_path):
    """Not even SQLite's small index file fits: the app can't open safely, and says why."""
    with small_disk(tmp_path, size_kb=3072) as disk:
        path, ids = prepared(disk / "data")
        before = digest(path)
        filler = fill(disk)
        outcome = run_app(disk / "data")
        assert not outcome.started and outcome.code == 2
        assert len(outcome.stderr) == 1 and outcome.stderr[0].startswith("The disk holding"), outcome
        assert "is full" in outcome.stderr[0]
        filler.unlink()
        assert digest(path) == before and app_ids(path) == ids
