"""The data layer: pragmas, migrations that keep data, rescue of a damaged file."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlalchemy import inspect
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table)
from services.storage import backup
from services.storage.db import DB_FILE_NAME, open_database, open_memory_database
from services.storage.migrations import latest_version, load_steps


def test_versions_are_contiguous():
    assert [v for v, _ in load_steps()] == list(range(1, latest_version() + 1))


def test_pragmas_on_every_connection(tmp_path):
    db = open_database(tmp_path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()


def test_migrated_schema_matches_the_models():
    """The frozen SQL steps must build exactly the tables the models describe."""
    db = open_memory_database()
    found = inspect(db.engine)
    for name, table in SQLModel.metadata.tables.items():
        assert name in found.get_table_names(), f"no migration creates {name}"
        columns = {c["name"]: c for c in found.get_columns(name)}
        for col in table.columns:
            assert col.name in columns, f"{name}.{col.name} missing from migrations"
            assert columns[col.name]["nullable"] == col.nullable or col.primary_key, f"{name}.{col.name} nullability"
        assert set(columns) == {c.name for c in table.columns}, f"{name} has extra columns"
    db.dispose()


def test_second_start_finds_the_same_data(tmp_path):
    first = open_database(tmp_path)
    with first.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting VALUES ('k', '\"v\"', '2026-01-01 00:00:00')")
    first.dispose()
    second = open_database(tmp_path)
    with second.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key='k'").scalar() == '"v"'
    second.dispose()


def test_upgrade_from_every_earlier_version_keeps_data(tmp_path):
    """A database left at any older schema version opens, upgrades and keeps its rows."""
    for old in range(1, latest_version()):
        folder = tmp_path / f"v{old}"
        folder.mkdir()
        conn = sqlite3.connect(folder / DB_FILE_NAME)
        from services.storage.db import migrate

        migrate(conn, up_to=old)
        conn.execute("INSERT INTO setting VALUES ('theme_mode', '\"dark\"', '2026-01-01 00:00:00')")
        conn.commit()
        conn.close()
        db = open_database(folder, now=datetime(2026, 3, 1, 12, 0))
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == latest_version()
            assert c.exec_driver_sql("SELECT value FROM setting").scalar() == '"dark"'
        assert backup.list_backups(db.path), "an upgrade keeps a copy of the old file first"
        db.dispose()


def test_damaged_file_is_set_aside_and_backup_restored(tmp_path):
    db = open_database(tmp_path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting VALUES ('k', '1', '2026-01-01 00:00:00')")
    db.dispose()
    backup.backup_file(db.path, now=datetime(2026, 3, 1, 8, 0))
    db.path.write_bytes(b"this is not a database" * 100)

    rescued = open_database(tmp_path, now=datetime(2026, 3, 2, 9, 0))
    assert rescued.notices and "restored your backup" in rescued.notices[0]
    assert list(tmp_path.glob("bounceback.db.damaged-*")), "the damaged file is kept, not deleted"
    with rescued.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key='k'").scalar() == "1"
    rescued.dispose()


def test_damaged_file_without_backup_starts_fresh(tmp_path):
    (tmp_path / DB_FILE_NAME).write_bytes(b"garbage" * 1000)
    db = open_database(tmp_path)
    assert "started a fresh one" in db.notices[0]
    db.dispose()


def test_daily_backup_only_once_a_day(tmp_path):
    db = open_database(tmp_path)
    assert backup.backup_if_due(db.path, now=datetime(2026, 3, 1, 8, 0)) is not None
    assert backup.backup_if_due(db.path, now=datetime(2026, 3, 1, 18, 0)) is None
    assert backup.backup_if_due(db.path, now=datetime(2026, 3, 2, 8, 0)) is not None
    db.dispose()


def test_daily_backup_refuses_a_damaged_file(tmp_path):
    """A file with a damaged page inside is never copied over good backups."""
    import pytest

    db = open_database(tmp_path)
    db.dispose()
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").fetchone()[0]
    conn.close()
    with open(db.path, "r+b") as f:  # scribble over the table's root page (a b-tree page)
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)

    with pytest.raises(backup.DamagedFile):
        backup.backup_if_due(db.path, now=datetime(2026, 3, 1, 8, 0))
    assert backup.list_backups(db.path) == []
    assert not [p for p in backup.backups_dir(db.path).iterdir()], "nothing half-made is left behind"
    assert "damage" in backup.daily_backup(db.path, now=datetime(2026, 3, 1, 8, 0))


def test_a_locked_file_is_not_mistaken_for_damage(tmp_path, monkeypatch):
    """Another program holding the file locked (e.g. a second copy of the app) must get a
    StorageError, not the file set aside as damaged and a fresh one started."""
    import hashlib

    import pytest

    import services.storage.db as db_module
    from services.errors import StorageError

    db = open_database(tmp_path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting VALUES ('k', '\"kept\"', '2026-01-01 00:00:00')")
    db.dispose()
    before = hashlib.sha256(db.path.read_bytes()).hexdigest()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)  # give up quickly instead of after 5 s

    # In WAL mode a reader is never blocked by a writer (BEGIN EXCLUSIVE alone would not lock
    # it out); an exclusive locking mode keeps every other connection out, readers included.
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):  # the lock is real
            sqlite3.connect(db.path, timeout=0.05).execute("SELECT count(*) FROM sqlite_master")
        with pytest.raises(StorageError):
            open_database(tmp_path)
    finally:
        blocker.rollback()
        blocker.close()

    assert not list(tmp_path.glob("*.damaged-*")), "a locked file was set aside as damaged"
    assert hashlib.sha256(db.path.read_bytes()).hexdigest() == before
    reopened = open_database(tmp_path)
    assert reopened.notices == []
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key='k'").scalar() == '"kept"'
    reopened.dispose()
