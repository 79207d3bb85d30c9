"""Numbered schema migrations on PRAGMA user_version.

Why not Alembic: the app ships to phones and desktops as one SQLite file with
no migration tooling at hand; a few plain, frozen SQL steps keyed on
`user_version` are easy to read, run inside one transaction each, and need
no extra package in the Android build.

Each module here is named `vN_<what>.py` and defines `upgrade(conn)`, where
conn is a sqlite3-style DBAPI connection. A step's DDL is frozen once
released: change the schema with a new step, never by editing an old one.
A test checks that the migrated schema matches the SQLModel tables.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

_NAME = re.compile(r"^v(\d+)_\w+$")


def load_steps() -> list[tuple[int, ModuleType]]:
    """All steps, in order; versions must run 1..N without gaps."""
    steps = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            steps.append((int(match.group(1)), importlib.import_module(f"{__name__}.{info.name}")))
    steps.sort(key=lambda s: s[0])
    versions = [v for v, _ in steps]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migration versions must be 1..N without gaps, got {versions}")
    return steps


def latest_version() -> int:
    return len(load_steps())
