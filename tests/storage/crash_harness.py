"""The crash test's tools: the fork server, the child's ledger, and what the next start finds."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from services.storage import backup, rescue
from services.storage.db import DB_FILE_NAME, open_database
from tests.storage_helpers import services_on

ROOT = Path(__file__).resolve().parents[2]
WAIT = 120.0  # seconds a child may take to reach a marker on a very busy machine (never asserted)


class Zygote:
    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_child"],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )

    def start(self, cmd: dict) -> int:
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def ended(self) -> dict:
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def ledger_lines(path: Path) -> list[tuple[float, list[str]]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines(keepends=True):
        if line.endswith("\n"):  # a line cut by the kill was never acknowledged
            stamp, *words = line.split()
            out.append((float(stamp), words))
    return out


def wait_for(path: Path, *marks: str) -> float:
    """Until the ledger shows one of `marks` (or the child killed itself, or finished)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        for stamp, words in ledger_lines(path):
            if words[0] in (*marks, "self-kill", "finished"):
                return stamp
        time.sleep(0.002)
    raise AssertionError(f"{marks} never came; see {path.with_suffix('.log')}")


def acked(lines, tags=None) -> dict[str, set]:
    out: dict[str, set] = {"app": set(), "mood": set(), "review": set()}
    for _, words in lines:
        if len(words) == 3 and words[1] in out and (tags is None or words[0] in tags):
            out[words[1]].add(int(words[2]) if words[1] != "mood" else words[2])
    return out


def contents(path: Path) -> dict[str, set]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {
            "app": {r[0] for r in conn.execute("SELECT id FROM application")},
            "mood": {r[0] for r in conn.execute("SELECT note FROM mood_entry")},
            "review": {r[0] for r in conn.execute("SELECT duration_ms FROM practice_review")},
        }
    finally:
        conn.close()


def missing(expected: dict[str, set], found: dict[str, set]) -> int:
    return sum(len(expected[k] - found[k]) for k in expected)


class Figures:
    def __init__(self):
        self.kills = Counter()
        self.in_window = Counter()
        self.acknowledged = 0
        self.losses = 0
        self.integrity_ok = 0
        self.backups_checked = 0
        self.states = Counter()


def next_start(data: Path, figures: Figures, checked: set[str]) -> tuple[list[str], dict[str, set]]:
    """What the next start finds: notices, integrity, every kept backup whole, and the contents."""
    db = open_database(data)
    notices = list(db.notices)
    db.dispose()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    figures.integrity_ok += 1
    for kept in backup.list_backups(data / DB_FILE_NAME):
        if kept.name not in checked:  # a backup that counts is complete and restorable
            rescue.discard(rescue.checked_copy(kept, data))
            checked.add(kept.name)
            figures.backups_checked += 1
    return notices, contents(data / DB_FILE_NAME)


def kill(zygote: Zygote, pid: int, figures: Figures, kind: str) -> dict:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    ended = zygote.ended()
    assert ended["code"] != 3, "the child failed on its own: see its .log"
    if ended["signal"] == signal.SIGKILL:
        figures.kills[kind] += 1
    return ended


def seed(data: Path, apps: int, moods: int) -> set[int]:
    app = services_on(data)
    ids: list[int] = []
    while len(ids) < apps:
        ids += app.applications.log_application(count=min(50, apps - len(ids)))
    for n in range(moods):
        app.mood.log_entry(mood=1 + n % 5, note=f"seed{n}")
    app.practice.deck.create_card(question="Tell me about a time you recovered from a setback.")
    app.db.dispose()
    return set(ids)


def calibrate(zygote, cmd: dict, what: str) -> tuple[int, float]:
    """One run left to finish: how many storage lines `what` takes, and how long."""
    zygote.start({**cmd, "calibrate": True})
    assert zygote.ended()["code"] == 0, f"calibration failed: see {cmd['ledger']}.log"
    lines = ledger_lines(Path(cmd["ledger"]))
    count = next(int(w[2]) for _, w in lines if w[0] == "lines" and w[1] == what)
    start = next(t for t, w in lines if w[0] == f"{what}-start")
    done = next(t for t, w in lines if w[0] == f"{what}-done")
    return count, done - start
