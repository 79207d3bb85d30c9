"""Export: every table, exact values (odd text included), JSON and CSV agree."""

import csv
import io
import json
import zipfile
from datetime import date, datetime

from services.storage.export import export_all, spreadsheet_safe

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


FORMULAS = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)"]


def test_csv_cells_a_spreadsheet_would_run_are_made_inert_json_keeps_exact_text(services, db, tmp_path):
    """OWASP's CSV-injection advice: a leading apostrophe, only in the CSV; the JSON is exact."""
    for text in [*FORMULAS, "plain", "a = b", "5-3"]:
        services.applications.add_application(applied_on=date(2026, 3, 1), company=text)
    result = export_all(db, folder=tmp_path, now=datetime(2026, 3, 4, 10, 0))

    payload = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert [a["company"] for a in payload["tables"]["application"]] == [*FORMULAS, "plain", "a = b", "5-3"]
    with zipfile.ZipFile(result.csv_zip_path) as archive:
        text = archive.read("application.csv").decode("utf-8-sig")
    companies = [row["company"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert companies == [
        "'=HYPERLINK(\"http://x\",\"click\")", "'+1+1", "'-2+3", "'@SUM(A1)", "plain", "a = b", "5-3",
    ]
    ids = [row["id"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert ids == [str(i) for i in range(1, 8)], "numbers are left alone"


def test_tab_and_carriage_return_starts_are_neutralised_too():
    # The services trim leading whitespace, so these can only come from elsewhere (an import, say).
    assert [spreadsheet_safe(v) for v in ("\tx", "\rx", " =x", "x=", -5, None)] == ["'\tx", "'\rx", " =x", "x=", -5, None]
