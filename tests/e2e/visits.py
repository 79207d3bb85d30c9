"""Visiting the app's screens and dialogs in a browser, from a list (shared by the a11y and layout tests).

A `Visit` is a route (formatted with the ids in `tests.e2e.seed.Seeded`), optionally
something to press once there (a dialog, a sheet, a state), and what to wait for.
`open_visit` starts a fresh Flet session for each, so no dialog or screen state carries over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from tests.e2e import a11y
from tests.e2e.conftest import AppServer
from tests.e2e.helpers import DESKTOP, PHONE, nav_target
from tests.e2e.seed import Seeded, seed_first_week

SIZES = {"phone": PHONE, "desktop": DESKTOP}
Opener = Callable[[Page], None]


def press(name: str | re.Pattern, role: str = "button") -> Opener:
    """Open something by pressing the control named `name` (exact unless a pattern)."""

    def run(page: Page) -> None:
        target = page.get_by_role(role, name=name, exact=isinstance(name, str)).first
        a11y.scroll_until(page, target)
        target.click()
        # The pointer rests where it clicked; if what opened puts a button with a tooltip
        # under it (the calendar's "Switch to input" at phone size), Flutter shows the
        # tooltip and adds its text to that button's name a second time. The check reads
        # the screen as a screen reader user meets it, so the pointer goes to the corner.
        page.mouse.move(0, 0)

    run.__name__ = f"press {name if isinstance(name, str) else name.pattern}"
    return run


def steps(*openers: Opener) -> Opener:
    def run(page: Page) -> None:
        for opener in openers:
            opener(page)

    run.__name__ = ", then ".join(o.__name__ for o in openers)
    return run


@dataclass(frozen=True)
class Visit:
    route: str  # formatted with Seeded's fields, e.g. "/applications/{rejected_id}"
    open: Opener | None = None  # what to press once there (a dialog, a sheet, a state)
    shows: str | re.Pattern | None = None  # text proving we got there; default: any heading

    def __str__(self) -> str:
        return self.route + (f" ({self.open.__name__})" if self.open else "")


def seeded_server(tmp_path_factory, *, theme: str | None = None) -> tuple[AppServer, Seeded]:
    """A server on a data dir holding `seed_first_week` (started; stop it when done)."""
    base = tmp_path_factory.mktemp("seeded")
    (base / "data").mkdir()
    ids = seed_first_week(base / "data", theme=theme)
    return AppServer(base / "data", base).start(), ids


def goto(page: Page, url: str) -> None:
    """Load a deep link and turn the semantics tree on again (as open_app does)."""
    page.goto(url)
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached")
    placeholder.evaluate("e => e.click()")


def shown(page: Page, what: str | re.Pattern | None):
    if what is None:
        return page.get_by_role("heading").first
    exact = isinstance(what, str)
    return page.get_by_text(what, exact=exact).or_(page.get_by_label(what, exact=exact)).first


def open_visit(page: Page, base: str, ids: Seeded, v: Visit) -> None:
    """Show `v` in `page` (opened with open_app on `base`) in a new Flet session."""
    # Flet keeps a tab's session across reloads (dialogs, screen state): start a new one.
    page.evaluate("() => sessionStorage.removeItem('_flet_session_id')")
    goto(page, base + v.route.format(**vars(ids)).lstrip("/"))
    expect(nav_target(page, "Today").or_(page.get_by_role("button", name="Back to Today"))).to_be_visible()
    if v.open is not None:
        expect(page.get_by_role("heading").first).to_be_visible()
        v.open(page)
    expect(shown(page, v.shows)).to_be_attached()
