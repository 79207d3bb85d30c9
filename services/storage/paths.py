"""Where the data file lives: --data-dir, else Flet's app storage, else the OS user-data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Bounceback"


def resolve_data_dir(cli_value: str | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    flet_storage = os.environ.get("FLET_APP_STORAGE_DATA")
    if flet_storage:
        return Path(flet_storage)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


# Files picked in the browser view are uploaded here by Flet's upload endpoint,
# read once by the import screen and deleted. A folder of their own, readable by
# this account only.
UPLOADS_DIR_NAME = "uploads"
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # the largest file an import reads (checked before reading)


def uploads_dir(data_dir: Path) -> Path:
    return data_dir / UPLOADS_DIR_NAME


def prepare_uploads_dir(data_dir: Path) -> Path:
    """Create it (0700) and clear what an interrupted import may have left behind."""
    folder = uploads_dir(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    for leftover in folder.iterdir():
        if leftover.is_file():
            leftover.unlink(missing_ok=True)
    return folder
