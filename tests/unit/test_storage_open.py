"""Opening: our file is recognised, others are never migrated, damage is set aside and a good backup restored."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime

import pytest

from services.errors import StorageError
from services.storage import backup, files
from services.storage.db import DB_FILE_NAME, open_database
from services.storage.migrations import latest_version
from services.storage.schema import APP_ID, migrate
from tests.storage_helpers import app_ids, services_on

T0 = datetime(2026, 3, 1, 8, 0)
T1 = datetime(2026, 3, 2, 9, 0)


def header(path):
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0], conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def with_backup(folder, rows=3):
    """A data folder whose file holds `rows` applications, all in a backup taken at T0."""
    services = services_on(folder)
    ids = []
    while len(ids) < rows:
        ids += services.applications.log_application(count=min(50, rows - len(ids)))
    backup.backup_file(services.db.path, now=T0)
    services.db.dispose()
    return set(ids)


def test_a_new_file_is_marked_as_ours(tmp_path):
    db = open_database(tmp_path)
    assert header(db.path) == (APP_ID, latest_version())
    db.dispose()


def test_an_older_file_of_ours_is_marked_backed_up_and_upgraded(tmp_path):
    path = tmp_path / DB_FILE_NAME
    conn = sqlite3.connect(path)
    migrate(conn, up_to=3, mark=False)  # as an older version of the app left it: no mark
    conn.execute("INSERT INTO application (applied_on, status, status_on, created_at, updated_at) "
                 "VALUES ('2026-01-05', 'applied', '2026-01-05', '2026-01-05', '2026-01-05')")
    conn.close()
    before = digest(path)
    db = open_database(tmp_path, now=T0)
    assert header(db.path) == (APP_ID, latest_version())
    [kept] = backup.list_backups(db.path)
    assert kept.name == f"bounceback-20260301-080000-before-v{latest_version()}.db"
    assert header(kept) == (0, 3) and app_ids(kept) == {1}, "the backup is the file as it was"
    assert app_ids(db.path) == {1}
    assert before != digest(db.path)
    db.dispose()


@pytest.mark.parametrize("clash", [False, True], ids=["own-tables", "clashing-table"])
def test_another_programs_sqlite_file_is_never_migrated(tmp_path, clash):
    ours = with_backup(tmp_path)
    path = tmp_path / DB_FILE_NAME
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE application (name TEXT)" if clash else "CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO " + ("application" if clash else "recipes") + " VALUES ('theirs')")
    conn.commit()
    conn.close()
    original = path.read_bytes()

    db = open_database(tmp_path, now=T1)
    [aside] = tmp_path.glob("bounceback.db.not-ours-*")
    assert aside.read_bytes() == original, "kept byte for byte, not migrated"
    assert "isn't a Bounceback file" in db.notices[0] and aside.name in db.notices[0]
    assert "restored your backup from Sun 1 Mar 2026, 08:00" in db.notices[0]
    assert app_ids(db.path) == ours
    db.dispose()


def test_a_file_marked_by_another_program_is_not_ours_even_with_our_tables(tmp_path):
    path = tmp_path / DB_FILE_NAME
    conn = sqlite3.connect(path)
    migrate(conn, up_to=2, mark=False)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    original = path.read_bytes()
    db = open_database(tmp_path, now=T1)
    [aside] = tmp_path.glob("bounceback.db.not-ours-*")
    assert aside.read_bytes() == original
    assert "started a fresh one" in db.notices[0]
    assert header(db.path) == (APP_ID, latest_version())
    db.dispose()


def test_a_file_from_a_newer_app_is_refused_and_left_alone(tmp_path):
    db = open_database(tmp_path)
    db.dispose()
    conn = sqlite3.connect(db.path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    original = db.path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(tmp_path)
    assert caught.value.kind == "newer"
    assert "newer version of Bounceback" in caught.value.friendly and "update the app" in caught.value.friendly
    assert db.path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILE_NAME]


def test_an_empty_file_with_backups_is_damage(tmp_path):
    ours = with_backup(tmp_path)
    path = tmp_path / DB_FILE_NAME
    path.write_bytes(b"")
    db = open_database(tmp_path, now=T1)
    assert "restored your backup" in db.notices[0]
    [aside] = tmp_path.glob("bounceback.db.damaged-*")
    assert aside.read_bytes() == b""
    assert app_ids(db.path) == ours
    db.dispose()


def test_an_empty_file_without_backups_simply_starts(tmp_path):
    (tmp_path / DB_FILE_NAME).write_bytes(b"")
    db = open_database(tmp_path)
    assert db.notices == [] and header(db.path) == (APP_ID, latest_version())
    db.dispose()


def damage_truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_zeroed_header(path):
    with open(path, "r+b") as f:
        f.write(b"\0" * 100)


def damage_random(path):
    path.write_bytes(os.urandom(50_000))


def damage_text(path):
    path.write_text("Dear diary,\nthis is not a database.\n" * 40)


@pytest.mark.parametrize("damage", [damage_truncated, damage_zeroed_header, damage_random, damage_text])
def test_damage_is_set_aside_byte_for_byte_and_the_backup_restored(tmp_path, damage):
    ours = with_backup(tmp_path, rows=400)
    path = tmp_path / DB_FILE_NAME
    damage(path)
    original = path.read_bytes()
    db = open_database(tmp_path, now=T1)
    assert db.notices == [
        "Your data file could not be read, so we set it aside, unchanged, as bounceback.db.damaged-20260302-090000, "
        "and restored your backup from Sun 1 Mar 2026, 08:00."
    ]
    assert (tmp_path / "bounceback.db.damaged-20260302-090000").read_bytes() == original
    assert app_ids(db.path) == ours
    db.dispose()


def test_two_rescues_in_the_same_second_keep_both_originals(tmp_path):
    with_backup(tmp_path)
    path = tmp_path / DB_FILE_NAME
    path.write_bytes(b"first damage" * 100)
    open_database(tmp_path, now=T1).dispose()
    path.write_bytes(b"second damage" * 100)
    open_database(tmp_path, now=T1).dispose()
    assert (tmp_path / "bounceback.db.damaged-20260302-090000").read_bytes() == b"first damage" * 100
    assert (tmp_path / "bounceback.db.damaged-20260302-090000-2").read_bytes() == b"second damage" * 100


def test_rescue_skips_incomplete_newer_and_foreign_backups(tmp_path):
    ours = with_backup(tmp_path)
    folder = backup.backups_dir(tmp_path / DB_FILE_NAME)
    # What the old code left when killed mid-backup: an empty, "healthy" SQLite file...
    blank = folder / "bounceback-20260301-200000-auto.db"
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").connection.close()
    blank.write_bytes(b"")
    # ...or a file with its hot journal still beside it.
    partial = folder / "bounceback-20260301-210000-auto.db"
    partial.write_bytes((folder / "bounceback-20260301-080000-auto.db").read_bytes())
    (folder / "bounceback-20260301-210000-auto.db-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 500)
    newer = folder / "bounceback-20260301-220000-auto.db"
    conn = sqlite3.connect(newer)
    migrate(conn)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    foreign = folder / "bounceback-20260301-230000-auto.db"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    (tmp_path / DB_FILE_NAME).write_bytes(b"garbage" * 1000)
    db = open_database(tmp_path, now=T1)
    assert "restored your backup from Sun 1 Mar 2026, 08:00" in db.notices[0]
    assert app_ids(db.path) == ours
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "backups are only read"
    db.dispose()


def test_a_stale_wal_never_meets_the_restored_file(tmp_path):
    ours = with_backup(tmp_path)
    path = tmp_path / DB_FILE_NAME
    # A -wal full of some other state, beside a damaged file.
    other = tmp_path / "other"
    services = services_on(other)
    services.applications.log_application(count=50)
    wal_bytes = (other / "bounceback.db-wal").read_bytes()
    services.db.dispose()
    path.write_bytes(b"garbage" * 1000)
    path.with_name("bounceback.db-wal").write_bytes(wal_bytes)

    db = open_database(tmp_path, now=T1)
    assert app_ids(db.path) == ours
    assert (tmp_path / "bounceback.db.damaged-20260302-090000-wal").read_bytes() == wal_bytes
    assert sqlite3.connect(db.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.dispose()


def test_a_rescue_interrupted_before_the_swap_is_simply_done_again(tmp_path, monkeypatch):
    """A kill between setting the original aside and the swap: the next start finishes the job."""
    from services.storage import rescue

    ours = with_backup(tmp_path)
    path = tmp_path / DB_FILE_NAME
    path.write_bytes(b"garbage" * 1000)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # stands in for SIGKILL at the worst moment

    real_replace = os.replace
    monkeypatch.setattr(rescue.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        open_database(tmp_path, now=T1)
    assert path.read_bytes() == b"garbage" * 1000, "the old state, untouched"
    monkeypatch.setattr(rescue.os, "replace", real_replace)
    db = open_database(tmp_path, now=T1)
    assert app_ids(db.path) == ours
    assert len(list(tmp_path.glob("bounceback.db.damaged-*"))) == 2  # both byte-identical copies kept
    assert not list(tmp_path.glob(f".*{files.TEMP_MARK}*")), "the interrupted copy was removed"
    db.dispose()
