"""Backups: complete or absent, checked, kept by the 7 daily + 4 weekly rule, safe beside a writing app."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date, datetime, timedelta

import pytest

from services.storage import backup, files
from services.storage.keep import kept
from services.storage.schema import APP_ID
from tests.storage_helpers import app_ids, services_on


def test_a_backup_is_a_whole_checked_single_file(tmp_path):
    services = services_on(tmp_path)
    ids = services.applications.log_application(count=3)
    services.mood.log_entry(mood=2, note="a hard day")
    made = backup.backup_file(services.db.path, now=datetime(2026, 3, 4, 10, 0))

    assert made.name == "bounceback-20260304-100000-auto.db"
    assert not [p for p in made.parent.iterdir() if p != made], "no -wal, -journal or temporary beside it"
    conn = sqlite3.connect(f"{made.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APP_ID
    assert conn.execute("SELECT note FROM mood_entry").fetchall() == [("a hard day",)]
    conn.close()
    assert app_ids(made) == set(ids)
    [info] = backup.describe(services.db.path)
    assert (info.taken_at, info.reason, info.size) == (datetime(2026, 3, 4, 10, 0), "auto", made.stat().st_size)
    assert info.counts == {"application": 3, "mood_entry": 1, "practice_card": 0, "feedback": 0}
    services.db.dispose()


def test_a_backup_that_fails_its_check_leaves_nothing(tmp_path, monkeypatch):
    services = services_on(tmp_path)
    services.applications.log_application(count=2)
    monkeypatch.setattr(backup, "count_rows", lambda conn, tables: {"application": id(conn)})  # never agree
    with pytest.raises(backup.BackupFailed):
        backup.backup_file(services.db.path, now=datetime(2026, 3, 4, 10, 0))
    assert list(backup.backups_dir(services.db.path).iterdir()) == []
    services.db.dispose()


def test_an_unfinished_temporary_never_counts_and_is_cleaned_up(tmp_path):
    services = services_on(tmp_path)
    folder = files.private_dir(backup.backups_dir(services.db.path))
    leftover = files.temp_path(folder, "bounceback-backup")
    leftover.write_bytes(b"SQLite format 3\0" + b"\0" * 200)  # what a kill mid-copy leaves
    assert backup.list_backups(services.db.path) == []
    assert backup.backup_if_due(services.db.path, now=datetime(2026, 3, 4, 10, 0)) is not None

    old = datetime.now().timestamp() - files.STALE_TEMP_SECONDS - 60
    os.utime(leftover, (old, old))
    files.clean_stale_temps(folder)
    assert not leftover.exists()
    services.db.dispose()


def test_same_second_backups_get_their_own_names(tmp_path):
    services = services_on(tmp_path)
    when = datetime(2026, 3, 4, 10, 0)
    first = backup.backup_file(services.db.path, now=when, reason="manual")
    second = backup.backup_file(services.db.path, now=when, reason="manual")
    assert (first.name, second.name) == ("bounceback-20260304-100000-manual.db", "bounceback-20260304-100000-manual-2.db")
    assert backup.parse_name(second) == (when, "manual")
    services.db.dispose()


def test_daily_backup_once_a_day_and_pinned_ones_do_not_count(tmp_path):
    services = services_on(tmp_path)
    path = services.db.path
    backup.backup_file(path, now=datetime(2026, 3, 1, 7, 0), reason="before-restore")
    assert backup.backup_if_due(path, now=datetime(2026, 3, 1, 8, 0)) is not None
    assert backup.backup_if_due(path, now=datetime(2026, 3, 1, 18, 0)) is None
    assert backup.backup_if_due(path, now=datetime(2026, 3, 2, 8, 0)) is not None
    services.db.dispose()


# Hand-worked example of the keep rule. 40 days of 08:00 backups, 1 Jan .. 9 Feb 2026, plus a
# manual one at 12:00 on 9 Feb, one before an upgrade (2 Jan) and one before a restore (15 Jan).
# Daily (7 newest days): 9 Feb 12:00 (not 08:00, same day), 8, 7, 6, 5, 4, 3 Feb.
# Weekly (4 newest ISO weeks, Monday-based): W07 (9 Feb) and W06 (2-8 Feb) are already kept;
# W05 (26 Jan - 1 Feb) -> 1 Feb; W04 (19-25 Jan) -> 25 Jan. Pinned: both.
EXPECTED_KEPT = {
    "20260209-120000-manual", "20260208-080000-auto", "20260207-080000-auto", "20260206-080000-auto",
    "20260205-080000-auto", "20260204-080000-auto", "20260203-080000-auto", "20260201-080000-auto",
    "20260125-080000-auto", "20260102-090000-before-v7", "20260115-090000-before-restore",
}


def _example() -> list[str]:
    names = [f"{date(2026, 1, 1) + timedelta(days=d):%Y%m%d}-080000-auto" for d in range(40)]
    return [*names, "20260209-120000-manual", "20260102-090000-before-v7", "20260115-090000-before-restore"]


def test_keep_rule_by_hand():
    triples = []
    for name in _example():
        stamp, reason = name[:15], name[16:]
        triples.append((name, datetime.strptime(stamp, "%Y%m%d-%H%M%S"), reason))
    assert kept(triples) == EXPECTED_KEPT


def test_prune_applies_the_keep_rule_to_files(tmp_path):
    services = services_on(tmp_path)
    folder = files.private_dir(backup.backups_dir(services.db.path))
    for name in _example():
        (folder / f"bounceback-{name}.db").write_bytes(b"")
    backup.prune(services.db.path)
    assert {p.name[len("bounceback-"):-3] for p in folder.iterdir()} == EXPECTED_KEPT
    services.db.dispose()


def test_backups_never_follow_symlinks(tmp_path):
    services = services_on(tmp_path / "data")
    path = services.db.path
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    backup.backups_dir(path).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(backup.BackupFailed):
        backup.backup_file(path, now=datetime(2026, 3, 4, 10, 0))
    assert list(elsewhere.iterdir()) == [], "nothing was written through the link"
    assert backup.list_backups(path) == []

    backup.backups_dir(path).unlink()
    made = backup.backup_file(path, now=datetime(2026, 3, 4, 10, 0))
    decoy = backup.backups_dir(path) / "bounceback-20990101-000000-auto.db"
    decoy.symlink_to(made)
    assert backup.list_backups(path) == [made], "a link is never listed (or restored) as a backup"
    # A link planted where the next backup will go is not written through either.
    trap_target = elsewhere / "victim"
    trap_target.write_bytes(b"untouched")
    (backup.backups_dir(path) / "bounceback-20260305-100000-auto.db").symlink_to(trap_target)
    again = backup.backup_file(path, now=datetime(2026, 3, 5, 10, 0))
    assert again.name == "bounceback-20260305-100000-auto-2.db"
    assert trap_target.read_bytes() == b"untouched"
    services.db.dispose()


def test_backup_in_a_background_thread_while_the_app_writes(tmp_path):
    """The daily backup may run off the start-up path: every backup it makes is whole and consistent."""
    services = services_on(tmp_path)
    path = services.db.path
    made: list = []
    failed: list = []
    stop = threading.Event()

    def back_up_repeatedly():
        day = datetime(2026, 4, 1, 8, 0)
        while not stop.is_set() and len(made) < 8:
            try:
                made.append(backup.backup_if_due(path, now=day))
            except Exception as exc:  # pragma: no cover - reported below
                failed.append(exc)
                return
            day += timedelta(days=1)

    worker = threading.Thread(target=back_up_repeatedly)
    worker.start()
    written: list[int] = []
    while worker.is_alive() and len(written) < 5000:
        written += services.applications.log_application(count=5)
        services.mood.log_entry(mood=3, note=f"entry {len(written)}")
    stop.set()
    worker.join()
    assert not failed
    assert len(made) >= 1
    everything = set(written)
    for info in backup.describe(path):
        conn = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        apps = {r[0] for r in conn.execute("SELECT id FROM application")}
        moods = conn.execute("SELECT count(*) FROM mood_entry").fetchone()[0]
        conn.close()
        # A snapshot: a prefix of what was written, whole transactions only (5 rows per quick log;
        # the mood entry after each is its own transaction, so it may or may not be in yet).
        assert apps == set(written[: len(apps)]) and len(apps) % 5 == 0
        assert moods in (len(apps) // 5 - 1, len(apps) // 5)
    assert app_ids(path) == everything
    services.db.dispose()
