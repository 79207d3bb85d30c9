"""Today in Chromium: +1 three times, undo one, the count survives a restart; screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import DESKTOP, PHONE, go_settings, nav, open_app, resize, shot, wait_heading

pytestmark = pytest.mark.e2e


def count_is(page, n: int) -> None:
    expect(
        page.get_by_text(f"Today's count: {n}", exact=True).or_(page.get_by_label(f"Today's count: {n}")).first
    ).to_be_visible()


def plus_one(page):
    return page.get_by_role("button", name=re.compile(r"^\+1 application"))


def test_plus_one_undo_and_restart(fresh_app, browser):
    page = open_app(browser, fresh_app.url, *DESKTOP)
    wait_heading(page, "Today")
    count_is(page, 0)
    for n in (1, 2, 3):
        plus_one(page).click()
        count_is(page, n)
    page.get_by_role("button", name="Undo").first.click()
    count_is(page, 2)
    shot(page, "Today-after-undo")

    fresh_app.restart()
    page = open_app(browser, fresh_app.url, *PHONE)
    wait_heading(page, "Today")
    count_is(page, 2)
    page.get_by_role("button", name=re.compile("^Several")).click()
    expect(page.get_by_role("button", name="4", exact=True)).to_be_visible()
    shot(page, "several")
    page.get_by_role("button", name="4", exact=True).click()
    count_is(page, 6)
    shot(page, "Today")


@pytest.mark.parametrize("theme", ["Light", "Dark"])
def test_today_screenshots(fresh_app, browser, theme):
    page = open_app(browser, fresh_app.url, *DESKTOP)
    wait_heading(page, "Today")
    plus_one(page).click()
    count_is(page, 1)
    go_settings(page)
    radio = page.get_by_role("radio", name=theme)
    radio.click()
    expect(radio).to_be_checked()
    nav(page, "Today")
    count_is(page, 1)
    shot(page, f"Today-{theme}")
    resize(page, PHONE)
    count_is(page, 1)
    shot(page, f"Today-{theme}")
    page.mouse.wheel(0, 1200)
    shot(page, f"Today-{theme}-scrolled")
