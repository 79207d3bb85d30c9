"""Shared by the storage tests: a real data folder with some rows, and a small disk to fill."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.clock import FixedClock
from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_database


def services_on(data_dir: Path, when: datetime = datetime(2026, 3, 4, 9, 30)) -> AppServices:
    db = open_database(data_dir, now=when)
    return AppServices(db, FixedClock(when.replace(tzinfo=UTC)), notifier=RecordingNotifier())


def app_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM application")}
    finally:
        conn.close()


def can_mount() -> str | None:
    """Why a tmpfs can't be mounted here, or None."""
    if os.name != "posix" or os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI runs as root)"
    if not shutil.which("mount"):
        return "no mount command"
    return None


@contextlib.contextmanager
def small_disk(base: Path, size_kb: int = 2048) -> Iterator[Path]:
    """A tmpfs of `size_kb` at base/disk, unmounted afterwards; skips the test if impossible."""
    reason = can_mount()
    if reason:
        pytest.skip(reason)
    mnt = base / "disk"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(mnt)],
        capture_output=True, text=True,
    )
    if done.returncode:
        pytest.skip(f"can't mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill(folder: Path, leave_kb: int = 0) -> Path:
    """Write a file until the disk is full, then give back `leave_kb`; return it (delete it to free the space)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError:
        pass
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    if leave_kb:
        os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave_kb * 1024))
    os.close(fd)
    return filler


def remount(mnt: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mnt)], check=True, capture_output=True)
