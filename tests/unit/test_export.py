"""Export: every table, exact values (odd text included), JSON and CSV agree."""

import csv
import io
import json
import zipfile
from datetime import date, datetime

from services.storage.export import export_all

ODD = "Émile 😀 «مرحبا» '); DROP TABLE application;--"


def test_export_has_every_table_and_exact_values(services, db, tmp_path):
    services.applications.add_application(applied_on=date(2026, 3, 1), company=ODD, notes="line1\nline2")
    services.mood.log_entry(mood=4, feelings=["hopeful", "gutted"], note=ODD)
    result = export_all(db, folder=tmp_path, now=datetime(2026, 3, 4, 10, 0))

    payload = json.loads(result.json_path.read_text(encoding="utf-8"))
    tables = payload["tables"]
    assert {"application", "mood_entry", "setting", "practice_card", "feedback", "status_change"} <= set(tables)
    assert tables["application"][0]["company"] == ODD
    assert tables["application"][0]["notes"] == "line1\nline2"
    assert any(e["note"] == ODD for e in tables["mood_entry"])
    assert result.rows == sum(len(rows) for rows in tables.values())

    with zipfile.ZipFile(result.csv_zip_path) as archive:
        names = set(archive.namelist())
        assert {f"{t}.csv" for t in tables} == names
        rows = list(csv.DictReader(io.StringIO(archive.read("application.csv").decode("utf-8-sig"))))
    assert rows[0]["company"] == ODD and rows[0]["notes"] == "line1\nline2"


def test_export_of_an_empty_database_still_writes_files(db, tmp_path):
    result = export_all(db, folder=tmp_path / "new", now=datetime(2026, 3, 4, 10, 0))
    assert result.json_path.exists() and result.csv_zip_path.exists()
