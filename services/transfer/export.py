"""Our own export: one JSON file with every row of every table, exactly as SQLite holds it.

It is the file a person picks again to import (on this device or another), so it
carries its format version and the schema version it was written from; ours.py
reads it back. Values are SQLite's own (dates and times as ISO text in UTC,
booleans as 0/1), so an export and an import give back identical rows.

Format history:
- 1: {"app", "format", "exported_at", "tables"}; no UUIDs (schema 7 and before).
- 2: adds "schema" (PRAGMA user_version) and a "uuid" on every row a person creates.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from services.storage import files
from services.storage.db import Database

FORMAT_VERSION = 2
APP = "Bounceback"


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


def table_names(conn) -> list[str]:
    names = conn.execute(
        text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).scalars()
    return list(names)


def read_everything(db: Database) -> tuple[int, dict[str, list[dict]]]:
    """(schema version, every table's rows), read in one transaction: a consistent snapshot."""
    with db.engine.begin() as conn:
        schema = conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
        data = {}
        for name in table_names(conn):
            result = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid'))  # names come from sqlite_master
            columns = list(result.keys())
            data[name] = [dict(zip(columns, row, strict=True)) for row in result]
        return schema, data


def payload(schema: int, tables: dict[str, list[dict]], *, now: datetime) -> dict:
    return {"app": APP, "format": FORMAT_VERSION, "schema": schema, "exported_at": now.isoformat(), "tables": tables}


def write_json(path: Path, content: dict) -> None:
    """Written beside the target and renamed into place, 0600, fsynced (services/storage/files.py's
    rules): a half-written export never looks like a whole one, and a killed run's leftover is
    cleaned up like any other temporary."""
    files.private_dir(path.parent)
    tmp = files.temp_path(path.parent, path.name)
    try:
        files.create_exclusive(tmp)
        with open(tmp, "w", encoding="utf-8") as handle:
            for chunk in _lines(content):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        files.remove_quietly(tmp)
        raise
    files.fsync_dir(path.parent)


def _lines(content: dict):
    """The JSON text with one row per line: readable, diffable, and written by the fast (C) encoder
    row by row (json.dump with indent= runs in pure Python: ten times slower on a big export)."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    head = {k: v for k, v in content.items() if k != "tables"}
    yield "{\n" + "".join(f" {encode(k)}: {encode(v)},\n" for k, v in head.items()) + ' "tables": {'
    for n, (name, rows) in enumerate(content["tables"].items()):
        yield ("," if n else "") + f"\n  {encode(name)}: ["
        for i, row in enumerate(rows):
            yield ("," if i else "") + "\n   " + encode(row)
        yield "\n  ]" if rows else "]"
    yield "\n }\n}\n"


def export_file(db: Database, path: Path, *, now: datetime) -> Exported:
    schema, tables = read_everything(db)
    write_json(path, payload(schema, tables, now=now))
    return Exported(path, sum(len(rows) for rows in tables.values()))


def default_name(now: datetime) -> str:
    return f"bounceback-export-{now:%Y%m%d-%H%M%S}.json"
