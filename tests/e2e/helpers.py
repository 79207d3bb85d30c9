"""Small helpers for driving Bounceback's Flet web view in Chromium.

Flutter draws on a canvas; its semantics (accessibility) tree is what makes the UI
addressable. `open_app` turns it on. Every page opened with `open_app` records the
requests it makes to other hosts and its console errors; the autouse fixture in
conftest.py checks them when the test ends (see `page_problems`).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, expect

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"  # ignored by git

TIMEOUT_MS = 30_000  # generous: two shared cores, Flutter's first load takes a few seconds
# Every wait in these tests is for a condition; this bounds how long (Playwright's own
# default for `expect` is 5 s, short for a busy machine).
expect.set_options(timeout=TIMEOUT_MS)

# Requests to other hosts that are allowed to leave the browser: none. The app's own
# server sends a Content-Security-Policy that lets the page reach only its own origin.
KNOWN_EXTERNAL_URLS: frozenset[str] = frozenset()

# Attempts the browser refuses itself because of that policy (no request is made).
# The Flet 1.0.5 web client (flet_web/web/main.dart.js, package rive_native) hard-codes the
# Rive runtime's CDN and asks for it at start-up; Bounceback draws no Rive animation, so
# it does without. Any other refused attempt fails the test: something new tried to leave.
KNOWN_CSP_REFUSALS = frozenset(
    {
        "https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/wasm/rive_native.js",
    }
)

# The launch key of each running app, by its clean address ("http://127.0.0.1:PORT/"):
# tests/e2e/conftest.py reads it from the link the app printed.
TOKENS: dict[str, str] = {}

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

# Console errors that mean a Flutter widget failed to build or Dart threw.
FLUTTER_ERROR = re.compile(
    r"EXCEPTION CAUGHT BY|Another exception was thrown|ErrorWidget|Exception:|Error:|Uncaught", re.IGNORECASE
)

# Destinations in navigation order; Settings is an icon button, not a destination.
DESTINATIONS = ["Today", "Applications", "Mood", "Feedback", "Practice"]
PHONE = (390, 844)
DESKTOP = (1280, 800)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension", "devtools"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class PageRecord:
    """What a page did that a test may want to check."""

    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    external_requests: list[str] = field(default_factory=list)
    refused_by_csp: list[str] = field(default_factory=list)  # never left the browser
    console_errors: list[str] = field(default_factory=list)  # "text (url)"
    page_errors: list[str] = field(default_factory=list)  # uncaught JS exceptions
    allowed_errors: list[re.Pattern] = field(default_factory=list)
    url: str = ""  # what open_app loaded

    def allow_console_error(self, pattern: str) -> None:
        """Tolerate console errors matching `pattern` (regex) on this page."""
        self.allowed_errors.append(re.compile(pattern))

    def problems(self) -> list[str]:
        out = [
            f"unexpected request to another host: {u}"
            for u in self.external_requests
            if u not in KNOWN_EXTERNAL_URLS and u not in self.refused_by_csp
        ]
        out += [f"unexpected attempt to reach another host: {u}" for u in self.refused_by_csp if u not in KNOWN_CSP_REFUSALS]
        for err in self.console_errors:
            if _known_blocked(err) or any(p.search(err) for p in self.allowed_errors):
                continue
            if FLUTTER_ERROR.search(err) or "net::" not in err:
                out.append(f"console error: {err}")
            elif "net::ERR_NAME_NOT_RESOLVED" not in err:
                out.append(f"console network error: {err}")
        out += [f"uncaught page error: {e}" for e in self.page_errors]
        return out


def _known_blocked(err: str) -> bool:
    if "Content Security Policy" in err:
        return any(f"'{u}'" in err for u in KNOWN_CSP_REFUSALS)
    return "net::ERR_NAME_NOT_RESOLVED" in err and any(u in err for u in KNOWN_EXTERNAL_URLS)


def with_token(url: str) -> str:
    """`url` with its app's launch key added, as in the printed link (the app swaps it for a cookie)."""
    if "token=" in url:
        return url
    for base, token in TOKENS.items():
        if url.startswith(base):
            return f"{url}{'&' if '?' in url else '?'}token={token}"
    return url


_open: list[tuple[Page, PageRecord]] = []


def record(page: Page) -> PageRecord:
    """The PageRecord of a page opened with open_app."""
    for p, rec in _open:
        if p is page:
            return rec
    raise KeyError("page was not opened with open_app")


def finish_pages(url_prefix: str = "") -> list[str]:
    """Close the pages opened with open_app on URLs starting with `url_prefix` (all by default),
    and their contexts; return their problems."""
    problems: list[str] = []
    for page, rec in [(p, r) for p, r in _open if r.url.startswith(url_prefix)]:
        _open.remove((page, rec))
        problems += rec.problems()
        try:
            page.context.close()
        except Exception:  # already closed
            pass
    return problems


def open_app(
    browser: Browser,
    url: str,
    width: int = DESKTOP[0],
    height: int = DESKTOP[1],
    block_other_hosts: bool = True,
    **context_options,
) -> Page:
    """A new page (own context) at width x height, loaded, semantics on, Today's navigation visible.

    `url` is the app's address (its launch key is added) or the printed link itself.
    Requests to other hosts fail as if offline, unless `block_other_hosts` is False
    (for a test that lets them reach a recording proxy instead)."""
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    rec = PageRecord(url=url)

    def on_request(req):
        rec.requests.append(req.url)
        if not is_local(req.url):
            rec.external_requests.append(req.url)

    def on_console(msg: ConsoleMessage):
        if msg.type == "error":
            where = msg.location.get("url", "") if msg.location else ""
            rec.console_errors.append(f"{msg.text} ({where})" if where else msg.text)

    def on_failed(req):
        if not is_local(req.url) and req.failure == "csp":
            rec.refused_by_csp.append(req.url)

    context.on("request", on_request)
    context.on("requestfailed", on_failed)
    # Behave the same with or without internet: other hosts look unreachable.
    if block_other_hosts:
        context.route(lambda u: not is_local(u), lambda route: route.abort("namenotresolved"))
    page = context.new_page()
    page.on("console", on_console)
    page.on("pageerror", lambda exc: rec.page_errors.append(str(exc)))
    page.on("websocket", lambda ws: None if is_local(ws.url) else rec.external_requests.append(ws.url))
    page.set_default_timeout(TIMEOUT_MS)
    _open.append((page, rec))

    context.add_init_script(_WATCH_TEXT_EDITING)
    goto(page, with_token(url))
    expect(nav_target(page, "Today")).to_be_visible(timeout=TIMEOUT_MS)
    return page


def goto(page: Page, url: str) -> None:
    """Load `url` (the app, or one of its routes) and switch Flutter's semantics tree on.

    Each page load starts with semantics off. Flutter's web engine then shows one
    "Enable accessibility" button, `flt-semantics-placeholder`: 1x1 px at (-1, -1), outside
    the page on purpose so no pointer ever reaches it. Screen readers activate it by
    sending it a click event, and that is what `dispatch_event` does. (It is not a tap on
    something the user sees, so nothing is lost here; a keyboard press on it does not
    enable semantics in this engine.)
    """
    page.goto(url)
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=TIMEOUT_MS)
    placeholder.dispatch_event("click")
    # The placeholder removes itself once semantics are on.
    expect(placeholder).to_have_count(0, timeout=TIMEOUT_MS)


def _rail_button(page: Page, label: str) -> Locator:
    # Named "Mood Tab 3 of 5"; match all of it, since screens have buttons like "Mood 1 of 5: low".
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(label)}\s+Tab \d+ of \d+$"))


def nav_target(page: Page, label: str) -> Locator:
    """The navigation destination named `label`: a rail button (wide) or a bar tab (narrow)."""
    bar = page.get_by_role("tab", name=label, exact=True)
    return _rail_button(page, label).or_(bar).first


def nav_selected(page: Page, label: str) -> Locator:
    """The destination `label` once selected (rail buttons: aria-current, bar tabs: aria-selected)."""
    rail = _rail_button(page, label).and_(page.locator("[aria-current='true']"))
    bar = page.get_by_role("tab", name=label, exact=True, selected=True)
    return rail.or_(bar).first


def resize(page: Page, size: tuple[int, int]) -> None:
    """Set the viewport; wait until the shell shows that size's navigation (bar below 640 px, else rail)."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    # Both are tab lists now (views/rail.py); only the rail has Settings as a tab.
    settings = page.get_by_role("tab", name="Settings", exact=True)
    if size[0] < 640:  # views/context.py NARROW_BELOW
        expect(page.get_by_role("tab", name="Today", exact=True)).to_be_visible()
        expect(settings).to_have_count(0)
    else:
        expect(settings).to_be_visible()


def nav(page: Page, label: str) -> None:
    """Click a destination in whichever navigation is showing; wait until it is selected."""
    nav_target(page, label).click()
    expect(nav_selected(page, label)).to_be_visible()


def go_settings(page: Page) -> None:
    # Wide: the rail's last tab; narrow: the named icon button in the top bar.
    page.get_by_role("tab", name="Settings", exact=True).or_(page.get_by_role("button", name="Settings", exact=True)).first.click()
    wait_heading(page, "Settings")


def heading(page: Page, text: str) -> Locator:
    """A screen's title: exact text inside the screen's scrolling body.

    (Nav labels and hover tooltips show the same words outside it.)
    """
    return (
        page.get_by_role("heading", name=text, exact=True)
        .or_(page.locator("flt-semantics[role='group']").get_by_text(text, exact=True))
        .first
    )


def wait_heading(page: Page, text: str, timeout: int = TIMEOUT_MS) -> None:
    expect(heading(page, text)).to_be_visible(timeout=timeout)


def wait_text(page: Page, text: str | re.Pattern, timeout: int = TIMEOUT_MS, exact: bool = False) -> Locator:
    """Wait until some visible text matches; return its locator."""
    loc = page.get_by_text(text, exact=exact).first
    expect(loc).to_be_visible(timeout=timeout)
    return loc


def shot(page: Page, name: str, settle_s: float = 5.0) -> Path:
    """Screenshot to screenshots/<test>-<name>-<W>x<H>.png once the picture is drawn and still.

    Flutter paints a frame or two after its semantics tree changes (and ink/tooltip
    animations run), so an immediate screenshot can show the previous screen: take
    screenshots until two in a row are identical (for up to `settle_s`). Right after a page
    load the semantics tree (what tests wait for) can be complete while the canvas is still
    blank, for seconds on a busy machine; two blank pictures are identical too, so a blank
    one never counts, and one still blank after TIMEOUT_MS fails the test.
    """
    test = os.environ.get("PYTEST_CURRENT_TEST", "manual").split(" ")[0]
    test = re.sub(r"[^A-Za-z0-9_.-]+", "_", test.split("::")[-1].replace("[", "-").rstrip("]"))
    size = page.viewport_size or {"width": 0, "height": 0}
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{test}-{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}-{size['width']}x{size['height']}.png"
    page.mouse.move(0, 0)  # no hover tooltip in the picture
    start = time.monotonic()
    previous = page.screenshot()
    while True:
        page.wait_for_timeout(150)  # the interval between two pictures compared
        current = page.screenshot()
        waited = time.monotonic() - start
        if _blank(current):
            assert waited < TIMEOUT_MS / 1000, f"{path.name}: the page is still blank after {waited:.0f} s"
        elif current == previous or waited > settle_s:
            break
        previous = current
    path.write_bytes(current)
    return path


def _blank(png: bytes) -> bool:
    """One colour all over: nothing drawn yet (every Bounceback screen has text)."""
    from io import BytesIO

    from PIL import Image  # Pillow comes with flet's dependencies

    darkest, lightest = Image.open(BytesIO(png)).convert("L").getextrema()
    return lightest - darkest < 8


def tap(loc: Locator) -> None:
    """Click a control (a semantics node) where Flutter draws it, scrolling it into view first.

    Playwright scrolls the node into view with the browser's own scrolling: the browser
    scrolls the <flt-semantics> element of the Flutter Scrollable around it, and Flutter's
    engine turns that into a real scroll (SemanticsAction scrollToOffset), drawn a frame or
    two later. The click must wait for that frame. With semantics on, the engine holds a
    pointerdown on a button for 200 ms waiting for the browser's "click", which it turns into
    the button's tap; on a busy machine the click can come later, and then the engine hands
    the raw pointer events to Flutter instead, which hit-tests them against its own layout.
    Clicked before Flutter has scrolled, that tap lands on whatever Flutter still draws
    there (a lost or misdirected tap). So: scroll, wait until Flutter has drawn the result
    (see wait_quiet_frames), then click. No DOM click fallback: a tap that does not reach
    the control fails the test.
    """
    loc.scroll_into_view_if_needed()
    wait_quiet_frames(loc.page)
    loc.click()


# Installed in every page opened with open_app (see `type_into`). Flutter's web engine
# attaches its "input" and "keydown" listeners to a semantics <input>/<textarea> only when
# the framework opens a text-input connection for it, which is one round trip through
# Dart after the browser focus moved there. Keys typed before that change the DOM value
# and are then overwritten by the framework's (empty) editing state. The engine starts
# editing an element by applying the input configuration to it
# (SemanticsTextEditingStrategy.enable -> applyConfiguration, which always writes the
# element's "autocorrect" attribute) and attaches its listeners in the same task, so an
# "autocorrect" write on the focused element is the signal that typing will reach Flutter.
# A blur ends editing (the engine removes its listeners then).
_WATCH_TEXT_EDITING = """
(() => {
  const editing = new WeakSet();
  Object.defineProperty(window, "__flutterEditing", {value: editing});
  new MutationObserver(records => { for (const r of records) editing.add(r.target); })
    .observe(document, {subtree: true, attributes: true, attributeFilter: ["autocorrect"]});
  document.addEventListener("focusout", e => editing.delete(e.target), true);
})();
"""


# Resolves after two animation frames in a row in which nothing changed in the semantics tree
# (no node added, removed or changed, no focus moved). Two, not one: a frame Flutter requests
# while this script's first callback is already queued runs after it in the same frame.
_QUIET_FRAMES = """
() => new Promise(resolve => {
  let changed = false, quiet = 0;
  const mark = () => { changed = true; };
  const watch = new MutationObserver(mark);
  watch.observe(document.querySelector("flt-semantics-host") || document,
                {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener("focusin", mark, true);
  const frame = () => requestAnimationFrame(() => {
    quiet = changed ? 0 : quiet + 1;
    changed = false;
    if (quiet < 2) { frame(); return; }
    watch.disconnect();
    document.removeEventListener("focusin", mark, true);
    resolve();
  });
  frame();
})
"""


def wait_quiet_frames(page: Page) -> None:
    """Wait until Flutter has drawn what it has been asked to (a scroll, a new screen, a focus).

    Flutter runs its frames in requestAnimationFrame callbacks and updates the semantics
    tree in them, so two frames in a row without a change mean the frames it scheduled
    have run. One case this matters for: when a screen replaces the one whose button had
    the focus (the button that opened it), Flutter gives the focus back to the control
    focused before it (often the navigation destination) in the frame after the new screen
    is drawn. A field tapped in between gets the browser focus and then loses it to that
    restoration, and its editing session ends (seen once in test_feedback's keyword check).
    Another: see `tap`.
    """
    page.evaluate(_QUIET_FRAMES)


def wait_editing(field: Locator) -> None:
    """Wait until Flutter edits `field` (a textbox with browser focus); see _WATCH_TEXT_EDITING."""
    expect(field).to_be_focused()
    field.page.wait_for_function("() => window.__flutterEditing.has(document.activeElement)")


def textbox(page: Page, label: str) -> Locator:
    """The text field labelled `label`. (A focused field's name gains its helper text.)"""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}(\s|$)")).first


def type_into(field: Locator, text: str, *, clear: bool = False) -> None:
    """Tap a text field, wait until Flutter edits it, type `text`; the field then ends with it.

    Typing goes where the cursor is; `clear` first erases what the field holds, key by key
    from the end, as a user would.
    """
    page = field.page
    tap(field)
    wait_editing(field)
    if clear:
        page.keyboard.press("Control+End")
        for _ in field.input_value():
            page.keyboard.press("Backspace")
        expect(field).to_have_value("")
    page.keyboard.type(text)
    expect(field).to_have_value(re.compile(re.escape(text) + r"$"))


def set_theme(data_dir, mode: str) -> None:
    """Choose light/dark before the app starts, as Settings would store it."""
    import sqlite3

    conn = sqlite3.connect(data_dir / "bounceback.db")
    conn.execute(
        "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('theme_mode', ?, '2026-01-01 00:00:00')",
        (f'"{mode}"',),
    )
    conn.commit()
    conn.close()
