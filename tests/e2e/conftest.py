"""e2e fixtures: the real app (`main.py --web`) on 127.0.0.1 and Debian's Chromium.

- `app` (module-scoped) / `fresh_app` (per test, own empty data dir): a running server,
  see `AppServer` (.url, .port, .data_dir, .restart(), .stop()).
- `browser` (session-scoped): headless Chromium. Open pages with `helpers.open_app`.
- After every e2e test, pages opened with `open_app` are closed and checked: a request
  to an unknown other host, an uncaught page error or a Flutter error in the console
  fails the test.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e import helpers

REPO = helpers.REPO
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    # Chromium's own autofill lookups would otherwise go to Google (not the page's doing).
    "--disable-features=AutofillServerCommunication",
]
# Watchdogs for a hung process, not speed limits: a start takes about 5 s on a busy 2-core
# machine (see PYCACHE), but several helpers' browsers at once can make it ten times slower.
START_TIMEOUT_S = 180
STOP_TIMEOUT_S = 30
# This machine sets PYTHONDONTWRITEBYTECODE=1, so each start of the app compiled flet,
# SQLAlchemy, FastAPI... from source again: 15-20 s per start under load instead of 5-7 s,
# which made starts miss their deadline on a busy machine. Their bytecode is kept here,
# outside the source tree, and shared by every start (Python checks it against the sources).
PYCACHE = Path(tempfile.gettempdir()) / f"bounceback-e2e-pycache-{os.getuid()}"
# What main.py prints once the port is listening; the link carries this launch's key.
PRINTED_LINK = re.compile(r"^Open (http://\S+\?token=\S+) in your browser\.$", re.MULTILINE)


def find_chromium() -> str | None:
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_pending: list[str] = []  # problems of pages closed when their server stopped


class AppServer:
    """`main.py --web` as a child process bound to 127.0.0.1 with its own data dir."""

    def __init__(self, data_dir: Path, log_dir: Path):
        self.data_dir = Path(data_dir)
        self.log_dir = Path(log_dir)
        self.port: int = 0
        self.proc: subprocess.Popen | None = None
        self.returncode: int | None = None  # of the last stop()
        self.launch_url: str = ""  # the link the app printed, read from its output
        self._starts = 0

    @property
    def url(self) -> str:
        """The app's address without the key: pages opened with `open_app` get the key added."""
        parts = urlsplit(self.launch_url)
        return f"{parts.scheme}://{parts.netloc}/"

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.launch_url).query)["token"][0]

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"server-{self._starts}.log"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def start(self, port: int | None = None) -> AppServer:
        assert self.proc is None, "already running"
        self.port = port or free_port()
        self._starts += 1
        env = {k: v for k, v in os.environ.items() if not k.startswith("FLET_")}
        env["FLET_FORCE_WEB_SERVER"] = "true"  # never try to open a browser window
        env["PYTHONUNBUFFERED"] = "1"
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        cmd = [sys.executable, "main.py", "--web", "--port", str(self.port), "--host", "127.0.0.1",
               "--data-dir", str(self.data_dir)]  # fmt: skip
        with open(self.log_path, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        self._wait_serving()
        return self

    def _wait_serving(self) -> None:
        """Wait for the printed link (it comes once the port listens), then check it opens the app."""
        deadline = time.monotonic() + START_TIMEOUT_S
        last: Exception | None = None
        self.launch_url = ""
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                rc = self.proc.returncode
                self.proc = None
                raise RuntimeError(f"main.py --web exited with {rc} before serving:\n{self.log()}")
            found = PRINTED_LINK.search(self.log())
            if found:
                self.launch_url = found.group(1)
                # The link answers with a cookie and a redirect to the clean address: follow both.
                opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
                try:
                    with opener.open(self.launch_url, timeout=5) as resp:
                        if resp.status == 200:
                            helpers.TOKENS[self.url] = self.token
                            return
                except (urllib.error.URLError, OSError) as exc:
                    last = exc
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"main.py --web did not serve its link within {START_TIMEOUT_S}s ({last}):\n{self.log()}")

    def stop(self) -> int | None:
        """SIGTERM, wait, then SIGKILL; returns the exit code. Asserts the process is gone.

        Pages opened on this server with open_app are closed first (a page left open would
        log reconnection errors); their problems are still reported when the test ends.
        """
        _pending.extend(helpers.finish_pages(url_prefix=self.url if self.launch_url else f"http://127.0.0.1:{self.port}/"))
        proc, self.proc = self.proc, None
        if proc is None:
            return self.returncode
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(STOP_TIMEOUT_S)
        assert proc.poll() is not None, f"server pid {proc.pid} did not exit"
        self.returncode = proc.returncode
        return self.returncode

    def restart(self, port: int | None = None, same_port: bool = False) -> AppServer:
        """Stop and start again on the same data dir (new free port unless `port`/`same_port`)."""
        old = self.port
        self.stop()
        return self.start(old if same_port else port)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        msg = "Chromium not found: install it with `sudo apt-get install chromium` to run the e2e tests"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " (CI=true: e2e tests must run)", pytrace=False)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _server(tmp_path_factory, name: str):
    base = tmp_path_factory.mktemp(name)
    (base / "data").mkdir()
    return AppServer(base / "data", base)


@pytest.fixture(scope="module")
def app(chromium_path, tmp_path_factory):
    """One server per test module, shared by its tests (data persists between them)."""
    server = _server(tmp_path_factory, "app").start()
    yield server
    server.stop()


@pytest.fixture
def fresh_app(chromium_path, tmp_path_factory):
    """A server of its own with an empty data dir, for tests that create data."""
    server = _server(tmp_path_factory, "fresh").start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _check_pages(request):
    """Fail an e2e test whose pages made unknown external requests or logged errors."""
    yield
    problems = helpers.finish_pages() + _pending
    _pending.clear()
    if problems:
        pytest.fail("page problems:\n  " + "\n  ".join(problems), pytrace=False)
