"""The browser half of the benchmark: start-up, click round trip, destinations, memory.

Start-up = from spawning the process to the Today screen being interactive in
Chromium (a fresh browser context, so an empty cache): the port accepts
connections, the page loads, semantics are switched on, and a known button is
visible by role and name ("+1 application" for the app, "Count" for the bare
app). Peak memory is VmHWM of the app process (and any children) at the end of
a session.
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page

from bench import browser, procs
from bench.bare_app import BUTTON_LABEL

PLUS_ONE = re.compile(r"^\+1 application")
CLICKS = 50
SETTLE_S = 0.5  # pause on Today before each destination click
# What the count looks like in the accessibility tree ({n}: the number).
TODAY_COUNT = r"Today's count: {n}($|\n)"
BARE_COUNT = r"(^|\n)Count: {n}($|\n)"


@dataclass(frozen=True)
class Destination:
    name: str  # as in the table
    nav: str  # the navigation destination's accessible name
    content: str  # regex on an accessibility node's label or text: the screen's first real content


# What each destination shows once its data is there (checked against screenshots).
DESTINATIONS = [
    # A list row: "Role · Company\nToday · Job board\nApplied".
    Destination("Applications list", "Applications",
                r"\n(Applied|Heard back|Interview|Offer|Rejected|No reply|Withdrawn)$"),
    # A calendar cell: "Monday 2 November: low, 3 entries" (or "nothing logged").
    Destination("Mood calendar", "Mood", r"^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+: "),
    # A list row: "Business Analyst at Cedar Retail\nAsked 26 Nov · 1 open action\n23 Nov".
    Destination("Feedback list", "Feedback", r"^.+\n(Asked|Received|No reply|Not asked)[^\n]*\n"),
    # The headline beside the big number: "questions are ready for practice today" (or "questions due").
    Destination("Practice due count", "Practice", r"ready for practice today|questions due"),
]


@dataclass
class Session:
    kind: str  # "heavy" | "empty" | "bare"
    startup_ms: float
    peak_rss_mb: float
    listening_ms: float = 0.0  # process start -> the web server accepts connections
    bytecode: str = "cached"  # see procs.BYTECODE
    loaded_bytes: int = 0  # response bodies the browser fetched until Today was interactive
    font_bytes: int = 0  # of which font files (the icon font, and any fallback font the text needs)
    backup_ms: float | None = None  # process start -> the daily backup file in place (when watched)
    backup_before_ready: bool | None = None  # was one there when Today became interactive?
    clicks_ms: list[float] = field(default_factory=list)
    destinations_ms: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


FONT = re.compile(r"\.(ttf|otf|woff2?)($|\?)|/fonts/", re.IGNORECASE)
BACKUP_WAIT_S = 60.0  # the app takes it a couple of seconds after Today (bench watchdog only)


def _backups(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "backups").glob("bounceback-*-auto*.db")) if (data_dir / "backups").is_dir() else []


def _ready(page: Page, kind: str) -> Locator:
    return browser.button(page, BUTTON_LABEL if kind == "bare" else PLUS_ONE)


def run_session(
    b: Browser, kind: str, data_dir: Path | None, *, clicks: int = 0, destination_runs: int = 0,
    bytecode: str = "cached", watch_backup: bool = False,
) -> Session:
    """One start (and optionally clicks and destinations). `watch_backup`: the data folder has no
    backup yet; after start-up, wait for the app's daily backup and note whether it came before Today."""
    port = procs.free_port()
    cmd = procs.bare_command(port) if kind == "bare" else procs.app_command(port, data_dir)
    with tempfile.TemporaryDirectory(prefix="bench-pyc-") as empty_cache:
        proc = procs.start(cmd, port, bytecode=bytecode, pycache=Path(empty_cache))
        try:
            return _drive(b, kind, proc, data_dir, clicks, destination_runs, bytecode, watch_backup)
        finally:
            proc.stop()


def _drive(b: Browser, kind: str, proc: procs.Proc, data_dir: Path | None, clicks: int, destination_runs: int,
           bytecode: str, watch_backup: bool) -> Session:
    proc.wait_listening()
    listening = (time.perf_counter() - proc.started) * 1000
    with browser.fresh_page(b) as page:
        responses: list = []

        def loaded(response) -> None:
            responses.append(response)

        page.on("response", loaded)
        browser.open_app(page, proc.link(), _ready(page, kind))
        startup = (time.perf_counter() - proc.started) * 1000
        page.remove_listener("response", loaded)
        session = Session(kind, startup, 0.0, listening, bytecode)
        if watch_backup and data_dir is not None:
            session.backup_before_ready = bool(_backups(data_dir))
            deadline = time.monotonic() + BACKUP_WAIT_S
            while not _backups(data_dir) and time.monotonic() < deadline:
                time.sleep(0.02)
            if _backups(data_dir):
                session.backup_ms = (time.perf_counter() - proc.started) * 1000
        for r in responses:
            size = r.request.sizes().get("responseBodySize", 0) or 0
            session.loaded_bytes += size
            session.font_bytes += size if FONT.search(r.url) else 0
        if clicks:
            pattern = BARE_COUNT if kind == "bare" else TODAY_COUNT
            start = browser.read_number(page, pattern)
            session.clicks_ms = browser.click_round_trip(page, _ready(page, kind), pattern, start, clicks)
        if destination_runs and kind != "bare":
            session.destinations_ms = _destinations(page, destination_runs, session.errors)
        session.peak_rss_mb = proc.peak_rss_kb() / 1024
        return session


def _nav(page: Page, name: str) -> Locator:
    """A destination in the rail: a tab named like the screen (older builds: a button "Mood Tab 3 of 5")."""
    return page.get_by_role("tab", name=name, exact=True).or_(browser.button(page, re.compile(rf"^{name}\s+Tab \d+ of \d+$")))


def _click_center(page: Page, target: Locator) -> None:
    target.first.wait_for(state="visible", timeout=10_000)
    box = target.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _destinations(page: Page, runs: int, errors: list[str]) -> dict[str, list[float]]:
    """From the click on a rail destination to its first content being visible; back to Today between."""
    out: dict[str, list[float]] = {d.name: [] for d in DESTINATIONS}
    today_nav = _nav(page, "Today")
    for _ in range(runs):
        for d in DESTINATIONS:
            try:
                _click_center(page, today_nav)
                _ready(page, "app").first.wait_for(state="visible", timeout=10_000)
                time.sleep(SETTLE_S)  # let Today finish drawing: its work is not the destination's
                nav = _nav(page, d.nav)
                nav.first.wait_for(state="visible", timeout=10_000)
                box = nav.first.bounding_box()
                t0 = time.perf_counter()
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                browser.wait_shown(page, d.content, 0, timeout_ms=15_000)
                out[d.name].append((time.perf_counter() - t0) * 1000)
            except Exception as exc:  # a screen not built yet: report it, keep measuring the rest
                errors.append(f"{d.name}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    return out


def prepare_dir(src: Path | None, dst: Path) -> Path:
    """A private data folder: a copy of the heavy database, or empty."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    if src is not None:
        for f in src.iterdir():
            if f.is_file():
                shutil.copy2(f, dst / f.name)
    return dst


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
