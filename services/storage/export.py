"""Your data, out: one JSON file of everything, and a zip with a CSV per table.

Read inside one transaction so the files are a consistent snapshot. The JSON
keeps every value exactly as SQLite holds it (dates as ISO text): it is our
import format (services/transfer/export.py owns it), the file a person picks
again to import. The CSVs are for spreadsheets, which run a cell starting with
= + - @ (or a tab or carriage return) as a formula: such text cells get a
leading apostrophe there, as OWASP advises ("CSV injection"), so a note can
never become a command. Both files are 0600 in a 0700 folder: they hold the
whole journal.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from services.storage import files
from services.storage.db import Database

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
    # Imported here, not at the top: the transfer package stays out of the app's start-up.
    from services.transfer.export import payload, read_everything, write_json

    schema, data = read_everything(db)
    files.private_dir(folder)
    stem = f"bounceback-export-{now:%Y%m%d-%H%M%S}"
    json_path = folder / f"{stem}.json"
    write_json(json_path, payload(schema, data, now=now))

    zip_path = folder / f"{stem}-csv.zip"
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in data.items():
            buffer = io.StringIO()
            if rows:
                writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
            # utf-8-sig so spreadsheet apps read accents and emoji correctly
            archive.writestr(f"{name}.csv", buffer.getvalue().encode("utf-8-sig"))
    files.write_private(zip_path, packed.getvalue())
    return ExportResult(json_path, zip_path, sum(len(r) for r in data.values()))


def exports_dir(db_path: Path) -> Path:
    return db_path.parent / "exports"
