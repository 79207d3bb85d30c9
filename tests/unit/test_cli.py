"""The command line: exact output lines and exit codes, on the same services as the app."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import cli
from tests.unit.transfer_fixtures import dump, file_services, fill

ROOT = Path(__file__).resolve().parents[2]
DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-03-03,March 3,Tuesday,9:15 PM,rad,walk,,\n"
    "2026-03-02,March 2,Monday,8:00 AM,Stormy,,,\n"
    "2026-03-01,March 1,Sunday,7:30 AM,ecstatic,,,\n"
    "2026-02-28,February 28,Saturday,12:00 PM,good,,,\n"
    "2026-02-27,February 27,Friday,6:45 PM,meh,,,\n"
    "2026-02-26,February 26,Thursday,6:45 PM,awful,,,\n"
)


def run(*argv: str, clock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def daylio(tmp_path) -> Path:
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    return path


def test_import_prints_one_line_per_kind_and_twice_adds_nothing(tmp_path, daylio, clock):
    data = str(tmp_path / "data")
    maps = ["--mood-map", "Stormy=2", "--mood-map", "ecstatic=5"]
    assert run("import", str(daylio), "--data-dir", data, *maps, clock=clock)[:2] == (0, "added 6 mood entries, skipped 0\n")
    assert run("import", str(daylio), "--data-dir", data, *maps, clock=clock)[:2] == (
        0, "added 0 mood entries, skipped 6 (already here)\n")


def test_unknown_mood_names_exit_2_naming_each_and_the_flag_and_write_nothing(tmp_path, daylio, clock):
    data = tmp_path / "data"
    code, out, err = run("import", str(daylio), "--data-dir", str(data), clock=clock)
    assert (code, out) == (2, "")
    assert "“Stormy”, “ecstatic”" in err and '--mood-map "Stormy=N" --mood-map "ecstatic=N"' in err
    assert "Nothing was imported." in err
    assert dump(data / "bounceback.db")["mood_entry"] == []


def test_dry_run_says_what_would_happen_and_writes_nothing(tmp_path, daylio, clock):
    data = tmp_path / "data"
    code, out, err = run("import", str(daylio), "--data-dir", str(data), "--mood-map", "stormy=2",
                         "--mood-map", "Ecstatic=5", "--dry-run", clock=clock)
    assert (code, out) == (0, "would add 6 mood entries, would skip 0\n")
    assert "Dry run: nothing was written." in err
    assert dump(data / "bounceback.db")["mood_entry"] == []
    assert not (data / "backups").exists() or not any("before-import" in p.name for p in (data / "backups").iterdir())


def test_a_bad_file_exits_2_with_the_row_and_field(tmp_path, clock):
    path = tmp_path / "bad.csv"
    path.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n2026-13-01,x,x,8:00 PM,good,,,\n",
                    encoding="utf-8")
    code, out, err = run("import", str(path), "--data-dir", str(tmp_path / "data"), clock=clock)
    assert (code, out) == (2, "")
    assert err.startswith("Row 2, “full_date”: “2026-13-01”")


def test_a_bad_mood_map_value_exits_2(tmp_path, daylio, clock):
    code, _, err = run("import", str(daylio), "--data-dir", str(tmp_path / "d"), "--mood-map", "Stormy=7", clock=clock)
    assert code == 2 and "“Stormy” needs a number from 1 to 5, not “7”." in err


def test_export_then_import_elsewhere_is_exact(tmp_path, clock):
    source = file_services(tmp_path / "phone", clock)
    fill(source, clock)
    source.db.dispose()
    out_path = tmp_path / "mine.json"
    code, out, err = run("export", "--data-dir", str(tmp_path / "phone"), "--out", str(out_path), clock=clock)
    assert (code, out) == (0, f"{out_path}\n") and err.startswith("Exported ")
    assert json.loads(out_path.read_text(encoding="utf-8"))["format"] == 2
    assert out_path.stat().st_mode & 0o777 == 0o600
    code, out, _ = run("import", str(out_path), "--data-dir", str(tmp_path / "laptop"), clock=clock)
    assert code == 0 and out.splitlines()[0] == "added 3 applications, skipped 0"
    assert dump(tmp_path / "laptop" / "bounceback.db") == dump(tmp_path / "phone" / "bounceback.db")


def test_backup_and_restore(tmp_path, daylio, clock):
    data = tmp_path / "data"
    code, out, _ = run("backup", "--data-dir", str(data), clock=clock)
    made = Path(out.strip())
    assert code == 0 and made.exists() and made.parent == data / "backups"
    run("import", str(daylio), "--data-dir", str(data), "--mood-map", "Stormy=2", "--mood-map", "ecstatic=5", clock=clock)
    assert len(dump(data / "bounceback.db")["mood_entry"]) == 6
    code, out, _ = run("restore", "--data-dir", str(data), clock=clock)
    assert code == 0 and made.name in out.split()
    clock.advance(minutes=1)
    code, _, err = run("restore", made.name, "--data-dir", str(data), clock=clock)
    assert code == 0 and "is kept as" in err
    assert dump(data / "bounceback.db")["mood_entry"] == []
    assert run("restore", "nope.db", "--data-dir", str(data), clock=clock)[0] == 2


@pytest.mark.parametrize("command", ["import", "export", "backup", "restore"])
def test_each_command_explains_itself(command, capsys, clock):
    with pytest.raises(SystemExit) as done:
        cli.run([command, "--help"], clock=clock)
    assert done.value.code == 0 and f"usage: main.py {command}" in capsys.readouterr().out


def test_main_py_hands_the_commands_to_cli():
    result = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert "main.py import FILE | export | backup | restore" in result.stdout
    result = subprocess.run([sys.executable, "main.py", "export", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "usage: main.py export" in result.stdout


def test_the_app_start_path_does_not_load_the_transfer_package():
    code = (
        "import sys, main, views.app, views.routes, views.settings.screen\n"
        "main.parse_args([])\n"
        "assert not [m for m in sys.modules if m.startswith('services.transfer')], 'loaded at start'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
