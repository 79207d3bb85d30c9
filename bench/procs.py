"""Starting the app (or the bare baseline) as a process, and reading its peak memory.

Peak RSS comes from /proc/<pid>/status VmHWM (Linux only), summed over the
process and any descendants, so nothing spawned by Flet is missed.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# An installed app runs from compiled bytecode. This machine sets
# PYTHONDONTWRITEBYTECODE, which would make every start recompile every module
# (worse the more modules an app has), so the measured processes get a private
# bytecode cache instead: outside the source tree, filled by the warm-up start,
# the same for the app and the bare baseline.
PYCACHE = Path(__file__).resolve().parent / "results" / "pycache"
PRINTED_LINK = re.compile(r"^Open (http://\S+) in your browser\.$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_command(port: int, data_dir: Path) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--web", "--port", str(port), "--data-dir", str(data_dir)]


def bare_command(port: int) -> list[str]:
    return [sys.executable, "-m", "bench.bare_app", "--port", str(port)]


@dataclass
class Proc:
    popen: subprocess.Popen
    port: int
    started: float  # perf_counter just before the process was spawned
    output: list[str] = field(default_factory=list)

    def link(self, timeout: float = 60.0) -> str:
        """The address the process printed ("Open <link> in your browser."): the app's carries
        its launch key, the bare app's is plain. The app prints it once its port listens."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.output):
                found = PRINTED_LINK.match(line.strip())
                if found:
                    return found.group(1)
            if self.popen.poll() is not None:
                raise RuntimeError(f"process exited early ({self.popen.returncode}):\n" + "".join(self.output[-30:]))
            time.sleep(0.005)
        raise TimeoutError(f"no link printed after {timeout}s:\n" + "".join(self.output[-30:]))

    def wait_listening(self, timeout: float = 60.0) -> None:
        """Poll the port until the web server accepts connections."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"process exited early ({self.popen.returncode}):\n" + "".join(self.output[-30:]))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.005)
        raise TimeoutError(f"nothing listening on {self.port} after {timeout}s:\n" + "".join(self.output[-30:]))

    def peak_rss_kb(self) -> int:
        return sum(_vm_hwm_kb(pid) for pid in [self.popen.pid, *_descendants(self.popen.pid)])

    def descendants(self) -> list[int]:
        return _descendants(self.popen.pid)

    def stop(self) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)  # our own process group, by id
            except ProcessLookupError:
                pass
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)


# How a process finds its bytecode (see docs/benchmark.md, "Bytecode"):
#   "cached"  - every module from the private cache above: an installed app on its second start;
#   "install" - the first start after `uv sync` with compile-bytecode (pyproject [tool.uv]): installed
#               packages from the virtualenv's own bytecode, our modules compiled from source;
#   "none"    - no bytecode anywhere (an empty cache of its own): what uv's default install gives.
BYTECODE = ("cached", "install", "none")


def start(cmd: list[str], port: int, *, bytecode: str = "cached", pycache: Path | None = None) -> Proc:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode == "cached":
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    elif bytecode == "install":
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # read the virtualenv's .pyc files, write nothing
    elif bytecode == "none":
        assert pycache is not None and not any(pycache.iterdir()), "needs an empty folder of its own"
        env["PYTHONPYCACHEPREFIX"] = str(pycache)  # Python looks only there: nothing to find
    else:
        raise ValueError(bytecode)
    started = time.perf_counter()
    popen = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopped by id, nothing else
    )
    proc = Proc(popen=popen, port=port, started=started)

    def pump() -> None:
        assert popen.stdout is not None
        for line in popen.stdout:
            proc.output.append(line)

    threading.Thread(target=pump, daemon=True).start()
    return proc


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            stack.extend(kids)
    return found


def site_packages_compiled() -> tuple[int, int]:
    """(.py files with a current .pyc beside them, .py files) in the virtualenv's site-packages."""
    import sysconfig

    site = Path(sysconfig.get_paths()["purelib"])
    sources = list(site.rglob("*.py"))
    tag = sys.implementation.cache_tag  # not importlib's cache_from_source: it follows PYTHONPYCACHEPREFIX
    compiled = sum(1 for src in sources if (src.parent / "__pycache__" / f"{src.stem}.{tag}.pyc").exists())
    return compiled, len(sources)
