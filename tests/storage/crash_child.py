"""The process the crash test kills: writes through the real services, backs up, restores, rescues.

Run as `python -m tests.storage.crash_child`: a small fork server. It imports
the app once, then for each JSON command on stdin forks a child that runs one
scenario, prints the child's pid, waits for it (the test SIGKILLs it) and
prints how it ended. Forking keeps each of the many runs cheap; the child
is an ordinary process of the app, killed for real.

The child appends a line to its ledger file after every acknowledged step
(a write the service returned from, a backup made, a restore done), with
os.write: once written, a line survives the child's death. The test
compares the ledger with what the data file holds afterwards.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from services.clock import SystemClock
from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage import backup, restore
from services.storage.db import open_database

STORAGE_CODE = str(Path(backup.__file__).parent)
MAX_SECONDS = 60  # a child nobody kills stops by itself


class Ledger:
    def __init__(self, path: str):
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._lock = threading.Lock()

    def say(self, *words) -> None:
        line = f"{time.monotonic():.6f} " + " ".join(str(w) for w in words) + "\n"
        with self._lock:
            os.write(self._fd, line.encode())


def kill_at_line(n: int | None, ledger: Ledger, what: str):
    """A trace that SIGKILLs this process at the n-th line run inside services/storage (n=None: count only)."""
    seen = 0

    def local(frame, event, arg):
        nonlocal seen
        if event == "line":
            seen += 1
            if n is not None and seen >= n:
                ledger.say("self-kill", what, seen)
                os.kill(os.getpid(), signal.SIGKILL)
        return local

    def global_trace(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(STORAGE_CODE) else None

    return global_trace, lambda: seen


def traced(fn, n, ledger, what):
    """Run fn under the killing trace (this thread only); report how many lines it took."""
    trace, count = kill_at_line(n, ledger, what)
    sys.settrace(trace)
    try:
        return fn()
    finally:
        sys.settrace(None)
        ledger.say("lines", what, count())


def write_forever(services: AppServices, ledger: Ledger, token: int, tag: str, keep_going) -> None:
    card_id = services.practice.deck.list_cards(limit=1).cards[0].id
    while keep_going():
        token += 1
        for app_id in services.applications.log_application(count=1):
            ledger.say(tag, "app", app_id)
        token += 1
        services.mood.log_entry(mood=1 + token % 5, note=f"m{token}")
        ledger.say(tag, "mood", f"m{token}")
        token += 1
        services.practice.schedule.review_card(card_id=card_id, rating=3, duration_ms=token)
        ledger.say(tag, "review", token)


def backups_forever(path: Path, ledger: Ledger, day0: datetime, kill_line: int | None, keep_going, once=False) -> None:
    day = day0
    first = True
    while keep_going():
        ledger.say("backup-start", f"{day:%Y%m%d}")
        made = traced(lambda d=day: backup.backup_if_due(path, now=d), kill_line if first else None, ledger, "backup")
        ledger.say("backup-done", f"{day:%Y%m%d}", made.name if made else "-")
        first = False
        day += timedelta(days=1)
        if once:  # calibration: one backup is enough
            return
        time.sleep(random.uniform(0.0, 0.3))  # so that kills land between backups too


def run(cmd: dict) -> None:
    """One scenario. `calibrate`: no kill expected; do each step once and finish."""
    ledger = Ledger(cmd["ledger"])
    calibrate = cmd.get("calibrate", False)
    stop_at = time.monotonic() + MAX_SECONDS

    def until(seconds: float | None = None):
        end = min(stop_at, time.monotonic() + seconds) if seconds is not None else stop_at
        return lambda: time.monotonic() < end

    data = Path(cmd["data"])
    now = datetime.now()
    ledger.say("open-start")
    open_kill = cmd.get("kill_line") if cmd["mode"] == "rescue" else None
    db = traced(lambda: open_database(data, now=now), open_kill, ledger, "open")
    ledger.say("open-done", len(db.notices))
    services = AppServices(db, SystemClock(), notifier=RecordingNotifier())
    if cmd["mode"] == "writes":
        day0 = datetime.strptime(cmd["day0"], "%Y%m%d")
        worker = threading.Thread(
            target=backups_forever,
            args=(db.path, ledger, day0, cmd.get("kill_line"), until(), calibrate),
            daemon=True,
        )
        worker.start()
        write_forever(services, ledger, cmd["token"], "w", worker.is_alive if calibrate else until())
        worker.join()
    elif cmd["mode"] == "restore":
        write_forever(services, ledger, cmd["token"], "pre", until(cmd["pre_seconds"]))
        chosen = Path(cmd["chosen"])
        ledger.say("restore-start", chosen.name)
        done = traced(lambda: restore.restore(db, chosen, now=now), cmd.get("kill_line"), ledger, "restore")
        ledger.say("restore-done", done.kept_as.name)
        write_forever(services, ledger, cmd["token"] + 500_000, "post", until(0.05 if calibrate else None))
    elif cmd["mode"] == "rescue":
        write_forever(services, ledger, cmd["token"], "post", until(0.05 if calibrate else None))
    ledger.say("finished")


def serve() -> None:
    for line in sys.stdin:
        cmd = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: one scenario, then gone without any cleanup
            random.seed(cmd.get("seed"))
            log = os.open(Path(cmd["ledger"]).with_suffix(".log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.dup2(log, 1)
            os.dup2(log, 2)
            try:
                run(cmd)
                code = 0
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 3
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"pid": pid, "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                          "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}), flush=True)


if __name__ == "__main__":
    serve()
