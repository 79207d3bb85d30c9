"""Start the real app (main.py) on a data folder and read what it tells the person before serving."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVING = "Open http"  # main.py's line once the data is open and the browser view is about to start
START_TIMEOUT = 180  # generous: a busy machine imports flet slowly; never part of an assertion


@dataclass
class Outcome:
    started: bool  # reached the serving line
    code: int | None  # exit code when it stopped by itself
    stdout: list[str]
    stderr: list[str]

    @property
    def said(self) -> list[str]:
        """What the person was told about their data: the lines after the data path (or the error)."""
        if self.started:
            lines = [line for line in self.stdout if not line.startswith(("Your data lives in", SERVING))]
            return lines + self.stderr
        return self.stderr + [line for line in self.stdout if not line.startswith("Your data lives in")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_app(data_dir: Path) -> Outcome:
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--web", "--port", str(free_port()), "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue = queue.Queue()
    out: list[str] = []
    err: list[str] = []

    def pump(stream, sink, tag):
        for line in stream:
            sink.append(line.rstrip("\n"))
            lines.put((tag, line))
        lines.put((tag, None))

    readers = [
        threading.Thread(target=pump, args=(proc.stdout, out, "out"), daemon=True),
        threading.Thread(target=pump, args=(proc.stderr, err, "err"), daemon=True),
    ]
    for reader in readers:
        reader.start()
    started, closed = False, 0
    try:
        while closed < 2:
            tag, line = lines.get(timeout=START_TIMEOUT)
            if line is None:
                closed += 1
            elif tag == "out" and line.startswith(SERVING):
                started = True
                break
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for reader in readers:
            reader.join(timeout=10)
    return Outcome(started, None if started else proc.returncode, out, err)
