"""Private by default: the data folder 0700, every file we create 0600, older files fixed at start."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from services.storage import backup, restore
from services.storage.export import export_all, exports_dir
from tests.storage_helpers import services_on

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def everything_under(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): mode(p) for p in sorted(folder.rglob("*"))}


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)  # what most desktops use: without care, files would be 0644
    yield
    os.umask(old)


def test_every_file_and_folder_the_app_makes_is_private(tmp_path, loose_umask):
    data = tmp_path / "data"
    app = services_on(data)
    app.applications.log_application(count=1)  # the -wal and -shm exist now
    made = backup.backup_file(app.db.path, now=datetime(2026, 3, 4, 10, 0))
    export_all(app.db, folder=exports_dir(app.db.path), now=datetime(2026, 3, 4, 10, 5))
    restore.restore(app.db, made, now=datetime(2026, 3, 4, 10, 10))
    app.applications.log_application(count=1)
    (data / "bounceback.db").rename(data / "x")  # then a damaged file: its set-aside copy
    (data / "bounceback.db").write_bytes(b"damaged" * 100)
    os.chmod(data / "bounceback.db", 0o644)
    app.db.dispose()
    app = services_on(data, datetime(2026, 3, 5, 8, 0))
    app.applications.log_application(count=1)
    (data / "x").unlink()

    found = everything_under(data)
    names = set(found)
    assert {"bounceback.db", "bounceback.db-wal", "bounceback.db-shm", "bounceback.db.damaged-20260305-080000",
            "backups", "exports"} <= names
    assert any(n.startswith("backups/") and "before-restore" in n for n in names)
    assert sum(n.startswith("exports/") for n in names) == 2
    folders = {n: m for n, m in found.items() if (data / n).is_dir()}
    assert mode(data) == 0o700 and set(folders.values()) == {0o700}
    assert {n: m for n, m in found.items() if n not in folders} == {n: 0o600 for n in names - set(folders)}
    app.db.dispose()


def test_files_left_readable_by_an_older_version_are_made_private(tmp_path, loose_umask):
    data = tmp_path / "data"
    app = services_on(data)
    app.applications.log_application(count=1)
    backup.backup_file(app.db.path, now=datetime(2026, 3, 4, 10, 0))
    export_all(app.db, folder=exports_dir(app.db.path), now=datetime(2026, 3, 4, 10, 5))
    app.db.dispose()
    (data / "bounceback.db.damaged-20260101-080000").write_bytes(b"kept from an old rescue")
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (data / "bounceback.db-wal").write_bytes(b"")  # as left by a crash of the older version
    os.chmod(data / "bounceback.db-wal", 0o644)

    app = services_on(data, datetime(2026, 3, 4, 12, 0))  # no backup due: the open itself fixes them
    app.applications.log_application(count=1)
    found = everything_under(data)
    assert len(found) == 9  # db, -wal, -shm, the old set-aside copy, 2 folders, a backup, 2 exports
    assert {n: m for n, m in found.items() if (data / n).is_dir()} == {"backups": 0o700, "exports": 0o700}
    assert {m for n, m in found.items() if not (data / n).is_dir()} == {0o600}
    assert mode(data) == 0o700
    app.db.dispose()


def test_a_shared_folder_is_left_as_it_is(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: tightening it would break other programs
    app = services_on(shared)
    assert mode(shared) == 0o1777
    assert mode(shared / "bounceback.db") == 0o600
    app.db.dispose()
