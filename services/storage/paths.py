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
