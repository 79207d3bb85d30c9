"""Private, durable file handling: modes, fsync, unique names, atomic swaps.

A journal of a hard month is nobody else's business: on POSIX the data folder
is 0700 and every file we create is 0600 (including files left 0644/0755 by
older versions). Durability: a file only counts once its bytes and the
folder entry that names it have reached the disk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

POSIX = os.name == "posix"
FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".partial-"  # every temporary file we write has this in its name
STALE_TEMP_SECONDS = 600  # older temporaries were left by a killed run


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make the folder itself 0700.

    Shared folders (sticky bit, like /tmp) are used as they are: tightening
    them would break other programs.
    """
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX:
        info = path.stat()
        if not info.st_mode & stat.S_ISVTX and stat.S_IMODE(info.st_mode) != DIR_MODE and info.st_uid == os.getuid():
            try:
                path.chmod(DIR_MODE)
            except OSError as exc:  # not ours to change: keep going, say so in the log
                log.info("could not make %s private: %s", path, exc)
    return path


def make_private(path: Path) -> None:
    """chmod 0600 an existing regular file (never through a symlink)."""
    if not POSIX:
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != FILE_MODE:
        with contextlib.suppress(OSError):
            path.chmod(FILE_MODE)


def is_plain_file(path: Path) -> bool:
    """A regular file, not a symlink to somewhere else."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def is_dir_not_link(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def create_exclusive(path: Path) -> None:
    """Create an empty 0600 file; fail if anything (a symlink included) is already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, FILE_MODE))


def temp_path(folder: Path, stem: str) -> Path:
    """A fresh temporary name in `folder` (same filesystem, so a rename is atomic)."""
    return folder / f".{stem}{TEMP_MARK}{uuid.uuid4().hex[:12]}"


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or create in `folder` durable (POSIX; Windows has no directory fsync)."""
    if not POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_exact(src: Path, dst: Path) -> None:
    """Copy bytes to a new 0600 file, fsynced; `dst` must not exist (no symlinks followed)."""
    create_exclusive(dst)
    with open(src, "rb") as reader, open(dst, "r+b") as writer:
        while chunk := reader.read(1 << 20):
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file as 0600 through a temporary name, then rename it in place."""
    tmp = temp_path(path.parent, path.name)
    try:
        create_exclusive(tmp)
        with open(tmp, "r+b") as writer:
            writer.write(data)
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    fsync_dir(path.parent)


def publish(tmp: Path, folder: Path, base: str, ext: str) -> Path:
    """Give a finished temporary file its final name, never replacing an existing file.

    A hard link is atomic and fails if the name is taken; where links are not
    supported, a rename after checking the name is free.
    """
    for n in range(1, 1000):
        final = folder / (f"{base}{ext}" if n == 1 else f"{base}-{n}{ext}")
        try:
            os.link(tmp, final)
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            if os.path.lexists(final):
                continue
            os.rename(tmp, final)
        else:
            os.unlink(tmp)
        fsync_dir(folder)
        return final
    raise FileExistsError(f"no free name for {base}{ext}")


def set_aside(path: Path, label: str, when: str) -> Path:
    """Keep `path` byte for byte under a new unique name beside it; the original stays put.

    A hard link is instant and needs no space; where links are not possible
    the bytes are copied. Names are never reused, so nothing is overwritten
    (two rescues in the same second get -2, -3...).
    """
    base = f"{path.name}.{label}-{when}"
    for n in range(1, 1000):
        aside = path.with_name(base if n == 1 else f"{base}-{n}")
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            try:
                copy_exact(path, aside)
            except FileExistsError:
                continue
        make_private(aside)
        fsync_dir(path.parent)
        return aside
    raise FileExistsError(f"no free name for {base}")


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def clean_stale_temps(folder: Path) -> None:
    """Remove temporaries a killed run left behind (old enough that no one is writing them)."""
    if not folder.is_dir():
        return
    cutoff = time.time() - STALE_TEMP_SECONDS
    for leftover in folder.glob(f".*{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < cutoff:
                leftover.unlink()


@contextlib.contextmanager
def removed_on_failure(path: Path) -> Iterator[Path]:
    try:
        yield path
    except BaseException:
        remove_quietly(path)
        raise
