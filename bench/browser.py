"""Driving a Flet web app in Debian's Chromium through Playwright's sync API.

Flutter draws on a canvas; its accessibility tree makes controls addressable.
After load we switch semantics on by clicking `flt-semantics-placeholder`, then
find controls by role and accessible name.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Locator, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]
VIEWPORT = {"width": 1280, "height": 800}  # wide: the navigation rail


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A new context each time: empty cache, like a first visit after start-up."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()


def open_app(page: Page, url: str, ready: Locator | None = None, timeout_ms: float = 60_000) -> None:
    """Load the page, enable semantics, and wait for `ready` (if given) to be visible."""
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    enable_semantics(page, timeout_ms)
    if ready is not None:
        ready.first.wait_for(state="visible", timeout=timeout_ms)


def enable_semantics(page: Page, timeout_ms: float = 60_000) -> None:
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=timeout_ms)
    placeholder.evaluate("e => e.click()")


def button(page: Page, name: str | re.Pattern) -> Locator:
    return page.get_by_role("button", name=name)


SHOWN_JS = """([pattern, n]) => {
    const re = new RegExp(pattern.replace("{n}", String(n)));
    for (const e of document.querySelectorAll("flt-semantics")) {
        const label = e.getAttribute("aria-label");
        if ((label && re.test(label)) || (!e.querySelector("flt-semantics") && re.test(e.textContent))) return true;
    }
    return false;
}"""
TEXTS_JS = """() => Array.from(document.querySelectorAll("flt-semantics")).flatMap(
    e => [e.getAttribute("aria-label") || "", e.querySelector("flt-semantics") ? "" : e.textContent])"""


def wait_shown(page: Page, pattern: str, n: int, timeout_ms: float = 10_000) -> None:
    """Wait (polling every animation frame) until an accessibility node's label or
    text matches the regex `pattern` with {n} replaced by `n`."""
    page.wait_for_function(SHOWN_JS, arg=[pattern, n], polling="raf", timeout=timeout_ms)


def read_number(page: Page, pattern: str) -> int:
    """The number shown where the regex `pattern` has {n}."""
    rx = re.compile(pattern.replace("{n}", r"(?P<n>\d+)"))
    for text in page.evaluate(TEXTS_JS):
        m = rx.search(text)
        if m:
            return int(m.group("n"))
    raise LookupError(f"nothing on the page matches {pattern!r}")


def click_round_trip(page: Page, target: Locator, pattern: str, start: int, clicks: int) -> list[float]:
    """Click `target` `clicks` times; each time wait until the new number shows.

    Returns milliseconds from the click being sent to the new number showing.
    The button's position is read once and clicked with the mouse directly, so
    Playwright's actionability checks are not part of the figure.
    """
    box = target.first.bounding_box()
    if box is None:
        raise RuntimeError("the button has no box: is it on screen?")
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    times: list[float] = []
    n = start
    for _ in range(clicks):
        n += 1
        t0 = time.perf_counter()
        page.mouse.click(x, y)
        wait_shown(page, pattern, n)
        times.append((time.perf_counter() - t0) * 1000)
    return times
