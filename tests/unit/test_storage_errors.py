"""Every storage failure reaches the app as our StorageError, in words; the app stays usable, nothing is lost."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

import pytest

from services.errors import StorageError
from services.storage import backup, failures
from services.storage import db as db_module
from services.storage.db import open_database
from tests.storage_helpers import app_ids, fill, remount, services_on, small_disk


@pytest.fixture
def quick_busy(monkeypatch):
    """A short busy timeout, so a locked file fails in a fraction of a second instead of five."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)


def test_a_locked_file_at_save(tmp_path, quick_busy):
    app = services_on(tmp_path)
    first = app.applications.log_application(count=1)
    blocker = sqlite3.connect(app.db.path, timeout=1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        for write in (
            lambda: app.applications.log_application(count=1),
            lambda: app.mood.log_entry(mood=2, note="still here"),
            lambda: app.settings.set("theme_mode", "dark"),
        ):
            with pytest.raises(StorageError) as caught:
                write()
            assert caught.value.kind == "busy"
            assert caught.value.friendly == failures.SAVE["busy"]
            assert "another program" in caught.value.friendly and "Your earlier entries are safe" in caught.value.friendly
    finally:
        blocker.rollback()
        blocker.close()
    assert app_ids(app.db.path) == set(first), "nothing half-saved, nothing lost"
    second = app.applications.log_application(count=1)
    assert app_ids(app.db.path) == set(first + second)
    app.db.dispose()


def test_a_locked_file_at_open(tmp_path, quick_busy):
    db = open_database(tmp_path)
    db.dispose()
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")  # holds the whole file, readers too
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            open_database(tmp_path)
        assert caught.value.kind == "busy" and "in use by another program" in caught.value.friendly
        assert not list(tmp_path.glob("*.damaged-*")), "busy is not damage"
    finally:
        blocker.close()


def test_a_full_disk(tmp_path):
    with small_disk(tmp_path, size_kb=2048) as disk:
        app = services_on(disk / "data")
        saved = app.applications.log_application(count=5)
        filler = fill(disk)
        with pytest.raises(StorageError) as caught:
            for n in range(500):  # the first write that needs a new page fails
                app.mood.log_entry(mood=3, note=f"{n}" + "x" * 4000)
        assert caught.value.kind == "full"
        assert caught.value.friendly == failures.SAVE["full"]
        # The daily backup can't be made: it says so, and leaves no partial file.
        notice = backup.daily_backup(app.db.path, now=datetime(2026, 3, 5, 8, 0))
        assert notice and "disk is full" in notice
        assert list(backup.backups_dir(app.db.path).iterdir()) == []
        assert set(saved) <= app_ids(app.db.path)

        filler.unlink()  # space again: the app carries on where it was
        more = app.applications.log_application(count=1)
        assert set(saved + more) <= app_ids(app.db.path)
        assert backup.daily_backup(app.db.path, now=datetime(2026, 3, 5, 8, 0)) is None
        assert len(backup.list_backups(app.db.path)) == 1
        app.db.dispose()


def test_a_folder_that_became_read_only(tmp_path):
    with small_disk(tmp_path) as disk:
        app = services_on(disk / "data")
        saved = app.applications.log_application(count=2)
        app.db.dispose()  # clean close: no -wal/-shm left
        remount(disk, "ro")
        with pytest.raises(StorageError) as caught:
            open_database(disk / "data")
        assert caught.value.kind == "read_only"
        assert str(disk / "data") in caught.value.friendly and "read-only" in caught.value.friendly
        remount(disk, "rw")
        assert app_ids(disk / "data" / "bounceback.db") == set(saved)


def test_a_file_that_cannot_be_written_any_more(tmp_path, monkeypatch):
    """SQLite's own "readonly database" error at save (what a read-only remount gives) arrives in words."""
    app = services_on(tmp_path)
    saved = app.applications.log_application(count=2)
    app.db.dispose()
    real_on_connect = db_module._on_connect

    def read_only_connections(conn, record):
        real_on_connect(conn, record)
        conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(db_module, "_on_connect", read_only_connections)
    app = services_on(tmp_path)
    with pytest.raises(StorageError) as caught:
        app.applications.log_application(count=1)
    assert caught.value.kind == "read_only" and caught.value.friendly == failures.SAVE["read_only"]
    assert {a.id for a in app.applications.queries.list_applications(limit=50).items} == set(saved), "reads still work"
    app.db.dispose()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_without_root(tmp_path):
    data = tmp_path / "data"
    services_on(data).db.dispose()
    data.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            open_database(data)
        assert caught.value.kind == "read_only"
    finally:
        data.chmod(0o700)


def test_driver_errors_are_translated_in_one_place():
    """The mapping itself: SQLite result codes and errno values to kinds."""
    def sqlite_error(code, cls=sqlite3.OperationalError):
        exc = cls("x")
        exc.sqlite_errorcode = code
        return exc

    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_BUSY)) == "busy"
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_IOERR_WRITE)) == "io"  # extended code
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_READONLY_DIRECTORY)) == "read_only"
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_FULL)) == "full"
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_NOTADB, sqlite3.DatabaseError)) == "damaged"
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_CONSTRAINT, sqlite3.IntegrityError)) is None  # a bug, not storage
    assert failures.kind_of(sqlite_error(sqlite3.SQLITE_ERROR)) is None  # e.g. a bad query
    assert failures.kind_of(OSError(28, "No space left on device")) == "full"
    assert failures.kind_of(OSError(30, "Read-only file system")) == "read_only"
    assert failures.kind_of(ValueError("no")) is None
