"""Kill the app at random moments, 60 times: nothing it acknowledged is ever lost.

A child process (tests/storage/crash_child.py) writes through the real
services: the quick log, a mood entry, a practice review, each acknowledged
in a ledger only after the service returned. It is SIGKILLed:
- while writing, with the daily backup running in a background thread
  (24 kills at random times, 8 at a random line inside a backup);
- while restoring a backup chosen in Settings (6 at random times, 8 at a
  random line inside the restore);
- while rescuing a damaged file at start-up, with incomplete newer backups
  lying about (6 at random times, 8 at a random line inside the rescue).
"At a random line" is the child killing itself from a trace hook at the
n-th line run inside services/storage: every step between two system calls
gets its turn, whatever the machine's speed. After each kill the next start
(open_database, as main.py does it) must find: every acknowledged write,
integrity_check ok, every kept backup complete, either the old or the new
state after a restore, and the good backup (never an incomplete one) after
a rescue. The figures are printed (run with -s) and saved beside the data.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from services.storage import backup
from services.storage.db import DB_FILE_NAME
from tests.storage.crash_harness import (
    Figures,
    Zygote,
    acked,
    calibrate,
    contents,
    kill,
    ledger_lines,
    missing,
    next_start,
    seed,
    wait_for,
)
from tests.storage_helpers import services_on

pytestmark = pytest.mark.slow

# Review tokens travel in duration_ms, which the service keeps only up to 24 h (86,400,000 ms):
# writes use n * 10**6 (n <= 32), restores 40-54 * 10**6 (+500,000 after), rescues 60-74 * 10**6,
# calibrations 80 * 10**6.
PLAN = {"writes": 24, "backup-line": 8, "restore": 6, "restore-line": 8, "rescue": 6, "rescue-line": 8}


def run_writes(zygote, base: Path, figures: Figures, rng: random.Random) -> None:
    data = base / "writes"
    seed(data, apps=4000, moods=100)
    checked: set[str] = set()
    expected = {"app": set(), "mood": set(), "review": set()}
    day0 = datetime(2030, 1, 1)
    cal = {"mode": "writes", "data": str(data), "ledger": str(base / "w-cal.ledger"), "token": 80 * 10**6,
           "day0": f"{day0:%Y%m%d}"}
    lines_per_backup, _ = calibrate(zygote, cal, "backup")
    expected = acked(ledger_lines(base / "w-cal.ledger"))
    runs = ["writes"] * PLAN["writes"] + ["backup-line"] * PLAN["backup-line"]
    rng.shuffle(runs)
    for n, kind in enumerate(runs, start=1):
        ledger = base / f"w{n}.ledger"
        cmd = {"mode": "writes", "data": str(data), "ledger": str(ledger), "token": n * 10**6,
               "day0": f"{day0 + timedelta(days=60 * n):%Y%m%d}", "seed": n}
        if kind == "backup-line":
            cmd["kill_line"] = rng.randint(1, max(1, int(lines_per_backup * 0.9)))
        pid = zygote.start(cmd)
        wait_for(ledger, "open-done")
        if kind == "writes":
            time.sleep(rng.uniform(0.1, 2.0))
        else:  # the child kills itself inside its first backup; a miss is killed here
            wait_for(ledger, "backup-done")
        kill(zygote, pid, figures, kind)
        lines = ledger_lines(ledger)
        if any(w[0] == "self-kill" for _, w in lines) or _backup_open(lines):
            figures.in_window["backup"] += 1
        else:
            figures.in_window["between backups"] += 1
        for key, values in acked(lines).items():
            expected[key] |= values
        notices, found = next_start(data, figures, checked)
        assert notices == [], f"a kill while writing must never look like damage: {notices}"
        lost = missing(expected, found)
        figures.losses += lost
        assert lost == 0, f"run {n} ({kind}): {lost} acknowledged writes lost"
    figures.acknowledged += sum(len(v) for v in expected.values())


def _backup_open(lines) -> bool:
    started = [w[1] for _, w in lines if w[0] == "backup-start"]
    done = {w[1] for _, w in lines if w[0] == "backup-done"}
    return bool(started) and started[-1] not in done


def make_restore_template(base: Path) -> tuple[Path, dict[str, set]]:
    """Live data = the chosen backup's, plus 50 applications and a mood entry written after it."""
    data = base / "restore-template"
    seed(data, apps=300, moods=20)
    app = services_on(data)
    chosen = backup.backup_file(app.db.path, now=datetime(2026, 1, 1, 8, 0))
    app.applications.log_application(count=50)
    app.mood.log_entry(mood=3, note="after the backup")
    app.db.dispose()
    return data, contents(chosen)


def run_restores(zygote, base: Path, figures: Figures, rng: random.Random) -> None:
    template, early = make_restore_template(base)
    chosen_name = "bounceback-20260101-080000-auto.db"

    def fresh(name: str) -> tuple[Path, dict[str, set]]:
        data = base / name
        shutil.copytree(template, data)
        return data, contents(data / DB_FILE_NAME)

    data, _ = fresh("r-cal")
    cal = {"mode": "restore", "data": str(data), "ledger": str(base / "r-cal.ledger"), "token": 80 * 10**6,
           "pre_seconds": 0.05, "chosen": str(data / "backups" / chosen_name)}
    lines_per_restore, duration = calibrate(zygote, cal, "restore")
    runs = ["restore"] * PLAN["restore"] + ["restore-line"] * PLAN["restore-line"]
    rng.shuffle(runs)
    for n, kind in enumerate(runs, start=1):
        data, before = fresh(f"r{n}")
        ledger = base / f"r{n}.ledger"
        cmd = {"mode": "restore", "data": str(data), "ledger": str(ledger), "token": (40 + n) * 10**6,
               "pre_seconds": rng.uniform(0.0, 0.1), "chosen": str(data / "backups" / chosen_name), "seed": n}
        if kind == "restore-line":
            cmd["kill_line"] = rng.randint(1, max(1, int(lines_per_restore * 0.9)))
        pid = zygote.start(cmd)
        wait_for(ledger, "restore-start")
        if kind == "restore":
            time.sleep(rng.uniform(0.0, duration * 1.3))
        else:
            time.sleep(0.5)
        kill(zygote, pid, figures, kind)
        lines = ledger_lines(ledger)
        words = [w[0] for _, w in lines]
        if "self-kill" in words or "restore-done" not in words:
            figures.in_window["restore"] += 1
        pre, post = acked(lines, {"pre"}), acked(lines, {"post"})
        old = {k: before[k] | pre[k] for k in before}  # everything acknowledged before the restore
        notices, found = next_start(data, figures, set())
        assert notices == []
        kept = [p for p in backup.list_backups(data / DB_FILE_NAME) if "before-restore" in p.name]
        is_old = missing(old, found) == 0
        # New state: all of the backup, none of the mood or review tokens written after it
        # (application ids can't tell: SQLite reuses the ids above the restored maximum).
        is_new = missing(early, found) == 0 and not any(found[k] & (old[k] - early[k]) for k in ("mood", "review"))
        assert is_old or is_new, f"run {n}: neither the old state nor the restored one"
        if "restore-done" in words:
            assert is_new
        if is_new:
            assert kept, "the state from before the restore is kept"
            lost = missing(old, contents(kept[0])) + missing(post, found)
            figures.states["new"] += 1
        else:
            lost = missing(old, found)
            figures.states["old"] += 1
        figures.losses += lost
        figures.acknowledged += sum(len(v) for v in pre.values()) + sum(len(v) for v in post.values())
        assert lost == 0, f"run {n} ({kind}): {lost} acknowledged writes lost"


def make_rescue_template(base: Path) -> tuple[Path, dict[str, set], bytes]:
    data = base / "rescue-template"
    seed(data, apps=300, moods=20)
    app = services_on(data)
    good = backup.backup_file(app.db.path, now=datetime(2026, 1, 1, 8, 0))
    app.applications.log_application(count=50)  # lost with the damage: not in any backup
    app.db.dispose()
    folder = good.parent
    (folder / "bounceback-20260101-090000-auto.db").write_bytes(b"")  # an old-style interrupted backup
    partial = folder / "bounceback-20260101-100000-auto.db"  # one cut short, its journal still hot
    partial.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    (folder / (partial.name + "-journal")).write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + os.urandom(4096))
    damaged = os.urandom((data / DB_FILE_NAME).stat().st_size)
    (data / DB_FILE_NAME).write_bytes(damaged)
    return data, contents(good), damaged


def run_rescues(zygote, base: Path, figures: Figures, rng: random.Random) -> None:
    template, in_backup, damaged = make_rescue_template(base)
    data = base / "s-cal"
    shutil.copytree(template, data)
    cal = {"mode": "rescue", "data": str(data), "ledger": str(base / "s-cal.ledger"), "token": 80 * 10**6}
    lines_per_open, duration = calibrate(zygote, cal, "open")
    runs = ["rescue"] * PLAN["rescue"] + ["rescue-line"] * PLAN["rescue-line"]
    rng.shuffle(runs)
    for n, kind in enumerate(runs, start=1):
        data = base / f"s{n}"
        shutil.copytree(template, data)
        ledger = base / f"s{n}.ledger"
        cmd = {"mode": "rescue", "data": str(data), "ledger": str(ledger), "token": (60 + n) * 10**6, "seed": n}
        if kind == "rescue-line":
            cmd["kill_line"] = rng.randint(1, max(1, int(lines_per_open * 0.9)))
        pid = zygote.start(cmd)
        wait_for(ledger, "open-start")
        time.sleep(rng.uniform(0.0, duration * 1.3) if kind == "rescue" else 0.5)
        kill(zygote, pid, figures, kind)
        lines = ledger_lines(ledger)
        words = [w[0] for _, w in lines]
        if "self-kill" in words or "open-done" not in words:
            figures.in_window["rescue"] += 1
        post = acked(lines, {"post"})
        planted = {"bounceback-20260101-090000-auto.db", "bounceback-20260101-100000-auto.db"}  # old-style leftovers
        notices, found = next_start(data, figures, set(planted))
        # The good backup came back (never one of the incomplete newer ones), plus what was written after.
        lost = missing(in_backup, found) + missing(post, found)
        extra = found["app"] - in_backup["app"] - post["app"]
        assert len(extra) <= 1, "only a write cut off before its acknowledgement may be extra"
        asides = [p for p in data.iterdir() if p.name.startswith("bounceback.db.damaged-") and not p.name.endswith("-wal")]
        assert asides and all(p.read_bytes() == damaged for p in asides), "the damaged original, byte for byte"
        figures.losses += lost
        figures.acknowledged += sum(len(v) for v in post.values())
        assert lost == 0, f"run {n} ({kind}): {lost} rows lost; notices {notices}"


def test_kill_at_random_moments(tmp_path):
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20260304")))
    figures = Figures()
    zygote = Zygote()
    try:
        run_writes(zygote, tmp_path, figures, rng)
        run_restores(zygote, tmp_path, figures, rng)
        run_rescues(zygote, tmp_path, figures, rng)
    finally:
        zygote.close()
    report = {
        "kills": sum(figures.kills.values()),
        "kills_by_kind": dict(figures.kills),
        "kills_inside": dict(figures.in_window),
        "acknowledged_writes": figures.acknowledged,
        "losses": figures.losses,
        "integrity_ok": figures.integrity_ok,
        "backups_checked_complete": figures.backups_checked,
        "restore_end_states": dict(figures.states),
    }
    (tmp_path / "crash-figures.json").write_text(json.dumps(report, indent=1))
    print("\ncrash test:", json.dumps(report))
    assert report["kills"] >= 50
    assert figures.losses == 0
    for window in ("backup", "restore", "rescue"):
        assert figures.in_window[window] >= 1, f"no kill landed inside a {window}"
