"""Restore from Settings: the backup is checked first, upgraded if older, and now is kept before the swap."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime

import pytest

from services.errors import StorageError
from services.storage import backup, restore
from services.storage.migrations import latest_version
from services.storage.schema import APP_ID, migrate
from tests.storage_helpers import app_ids, services_on

T0 = datetime(2026, 3, 1, 8, 0)
T1 = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def app(tmp_path):
    services = services_on(tmp_path)
    yield services
    services.db.dispose()


def test_restore_keeps_now_then_brings_the_backup_back(app):
    path = app.db.path
    early = set(app.applications.log_application(count=2))
    chosen = backup.backup_file(path, now=T0)
    later = set(app.applications.log_application(count=3))

    done = restore.restore(app.db, chosen, now=T1)
    assert app_ids(path) == early
    assert {a.id for a in app.applications.queries.list_applications(limit=50).items} == early, "the app sees it"
    assert done.kept_as.name == "bounceback-20260302-090000-before-restore.db"
    assert app_ids(done.kept_as) == early | later
    # And the app keeps working on the restored file.
    more = set(app.applications.log_application(count=1))
    assert app_ids(path) == early | more
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_older_backup_is_upgraded_on_the_way_in(app, tmp_path):
    path = app.db.path
    old = backup.backups_dir(path) / "bounceback-20250101-080000-auto.db"
    old.parent.mkdir()
    conn = sqlite3.connect(old)
    migrate(conn, up_to=2, mark=False)
    conn.execute("INSERT INTO application (applied_on, status, status_on, created_at, updated_at) "
                 "VALUES ('2025-01-01', 'applied', '2025-01-01', '2025-01-01', '2025-01-01')")
    conn.close()
    shutil.copy(old, tmp_path / "pristine")
    restore.restore(app.db, old, now=T1)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APP_ID
    conn.close()
    assert app_ids(path) == {1}
    assert old.read_bytes() == (tmp_path / "pristine").read_bytes(), "the backup itself is only read"
    app.mood.log_entry(mood=4)  # tables from later versions are there


@pytest.mark.parametrize(
    ("spoil", "kind"),
    [
        (lambda p: sqlite3.connect(p).execute(f"PRAGMA user_version = {latest_version() + 1}").connection.close(), "newer"),
        (lambda p: p.write_bytes(b"nonsense" * 512), "damaged"),
        (lambda p: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close()), "not_ours"),
        (lambda p: p.write_bytes(b""), "incomplete"),
    ],
    ids=["newer", "damaged", "not-ours", "incomplete"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(app, spoil, kind):
    path = app.db.path
    app.applications.log_application(count=2)
    chosen = backup.backup_file(path, now=T0)
    spoil(chosen)
    now_ids = app_ids(path)
    with pytest.raises(StorageError) as caught:
        restore.restore(app.db, chosen, now=T1)
    assert caught.value.kind == kind
    assert "Nothing was changed" in caught.value.friendly or "update the app" in caught.value.friendly
    assert app_ids(path) == now_ids
    assert [p.name for p in backup.list_backups(path)] == [chosen.name], "no before-restore copy for nothing"
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")], "no temporary left"
    app.applications.log_application(count=1)


def test_only_kept_backups_can_be_restored(app, tmp_path):
    stray = tmp_path / "elsewhere.db"
    shutil.copy(app.db.path, stray)
    with pytest.raises(StorageError):
        restore.restore(app.db, stray, now=T1)


def test_a_write_waiting_during_the_swap_lands_in_the_restored_file(app, monkeypatch):
    """The gate holds the app's connections back while the file is replaced; none writes to the old one."""
    path = app.db.path
    chosen = backup.backup_file(path, now=T0)
    written: list[int] = []
    writer = threading.Thread(target=lambda: written.extend(app.applications.log_application(count=1)))
    real_keep_now = restore._keep_now

    def keep_now_while_someone_writes(p, now):
        writer.start()  # asks for a connection while the gate is closed: it waits
        return real_keep_now(p, now)

    monkeypatch.setattr(restore, "_keep_now", keep_now_while_someone_writes)
    restore.restore(app.db, chosen, now=T1)
    writer.join()
    assert written and app_ids(path) == set(written)


def test_a_session_in_use_delays_the_restore_until_it_finishes(app):
    path = app.db.path
    chosen = backup.backup_file(path, now=T0)
    session = app.db.session()
    session.connection()  # holds a connection, as a long read would
    finished = threading.Event()
    worker = threading.Thread(target=lambda: (restore.restore(app.db, chosen, now=T1), finished.set()))
    worker.start()
    assert not finished.wait(0.3), "the restore waits for the connection in use"
    session.close()
    worker.join()
    assert finished.is_set()
