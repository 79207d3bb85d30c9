"""The benchmark's dataset generator runs on a tiny size and is deterministic."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta, timezone

import pytest

from bench.dataset import generate

TZ = timezone(timedelta(hours=-5), "UTC-5")
TABLES_SKIPPED = {"sqlite_sequence"}


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if r[0] not in TABLES_SKIPPED
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}
    finally:
        conn.close()


def test_tiny_dataset_is_written_and_deterministic(tmp_path):
    kwargs = dict(scale=0.01, seed=3, today=date(2026, 3, 4), tz=TZ)
    first = generate(tmp_path / "a", **kwargs)
    second = generate(tmp_path / "b", **kwargs)
    assert first == second
    assert first.get("applications") == 200
    a, b = _dump(tmp_path / "a" / "bounceback.db"), _dump(tmp_path / "b" / "bounceback.db")
    assert a == b
    assert len(a["application"]) == 200
    # Nothing dated after "today".
    assert max(r[0] for r in sqlite3.connect(tmp_path / "a" / "bounceback.db").execute(
        "SELECT applied_on FROM application UNION ALL SELECT changed_on FROM status_change")) <= "2026-03-04"


def test_refuses_a_folder_that_already_has_data(tmp_path):
    generate(tmp_path, scale=0.005, today=date(2026, 3, 4), tz=TZ)
    with pytest.raises(FileExistsError):
        generate(tmp_path, scale=0.005, today=date(2026, 3, 4), tz=TZ)
