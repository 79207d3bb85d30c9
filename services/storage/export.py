"""Your data, out: one JSON file of everything, and a zip with a CSV per table.

Read inside one transaction so the files are a consistent snapshot. Values
are written as SQLite holds them (dates as ISO text), so nothing is lost.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from services.storage.db import Database

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ExportResult:
    json_path: Path
    csv_zip_path: Path
    rows: int


def _tables(conn) -> list[str]:
    names = conn.execute(
        text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).scalars()
    return list(names)


def snapshot(db: Database) -> dict[str, list[dict]]:
    with db.engine.begin() as conn:
        data = {}
        for name in _tables(conn):
            result = conn.execute(text(f'SELECT * FROM "{name}"'))  # names come from sqlite_master
            columns = list(result.keys())
            data[name] = [dict(zip(columns, row, strict=True)) for row in result]
        return data


def export_all(db: Database, *, folder: Path, now: datetime) -> ExportResult:
    data = snapshot(db)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"bounceback-export-{now:%Y%m%d-%H%M%S}"
    json_path = folder / f"{stem}.json"
    payload = {"app": "Bounceback", "format": FORMAT_VERSION, "exported_at": now.isoformat(), "tables": data}
    json_path.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")

    zip_path = folder / f"{stem}-csv.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in data.items():
            buffer = io.StringIO()
            if rows:
                writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            # utf-8-sig so spreadsheet apps read accents and emoji correctly
            archive.writestr(f"{name}.csv", buffer.getvalue().encode("utf-8-sig"))
    return ExportResult(json_path, zip_path, sum(len(r) for r in data.values()))


def exports_dir(db_path: Path) -> Path:
    return db_path.parent / "exports"
