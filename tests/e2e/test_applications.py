"""Applications in Chromium: a full application through interview and rejection; list, detail, charts."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    DESKTOP,
    PHONE,
    go_settings,
    nav,
    open_app,
    resize,
    shot,
    tap,
    textbox,
    type_into,
    wait_heading,
    wait_text,
)

pytestmark = pytest.mark.e2e


def fill(page, label: str, text: str, clear: bool = False) -> None:
    type_into(textbox(page, label), text, clear=clear)


def save(page) -> None:
    page.get_by_role("button", name=re.compile("^Save")).last.click()


def test_full_application_through_interview_and_rejection(fresh_app, browser):
    today = date.today()
    applied, interview = today - timedelta(days=10), today - timedelta(days=3)
    page = open_app(browser, fresh_app.url, *DESKTOP)
    nav(page, "Applications")
    wait_text(page, "No applications yet")
    page.get_by_role("button", name="Add", exact=True).click()
    wait_heading(page, "New application")
    fill(page, "Company", "Acme & Söhne")
    fill(page, "Role", "Data analyst")
    fill(page, "Date applied", applied.isoformat(), clear=True)
    fill(page, "Industry", "Logistics")
    fill(page, "Link to the listing", "https://jobs.example/123")
    fill(page, "Notes", "Referred by Sam; ask about the team's data stack.")
    shot(page, "form")
    save(page)
    wait_heading(page, "Data analyst · Acme & Söhne")

    page.get_by_role("button", name=re.compile("^Interview")).click()
    fill(page, "The day they invited you", interview.isoformat(), clear=True)
    save(page)
    wait_text(page, re.compile(rf"Interview\s*since\s*{interview:%A}"))  # three days ago: its weekday
    page.get_by_role("button", name=re.compile("^Rejected")).click()
    save(page)
    # The Feedback feature's after-rejection sheet lives at this route.
    page.wait_for_url(re.compile(r"/feedback/after-rejection/\d+$"))

    nav(page, "Applications")
    page.get_by_text("Data analyst · Acme & Söhne").first.click()
    wait_heading(page, "Data analyst · Acme & Söhne")
    day = lambda d: f"{d.day} {d:%b %Y}"  # noqa: E731
    # The timeline reads as one group: each status with its own date, in order.
    # Near days in words, older ones as "2 Dec 2026".
    wait_text(page, re.compile(rf"Applied\s*{day(applied)}\s*Interview\s*{interview:%A}\s*Rejected\s*Today"))
    reapply = re.compile(r"Suggested: apply here again from \d+ \w+ \d{4}")
    expect(page.get_by_text(reapply).or_(page.get_by_label(reapply)).first).to_be_visible()
    shot(page, "detail")
    resize(page, PHONE)
    shot(page, "detail")
    # Today now carries the interview as a small win and a gentle word about the "no".
    nav(page, "Today")
    for words in ("Interview with Acme & Söhne", "About that “no”"):  # inside cards' group labels
        expect(page.get_by_text(words).or_(page.get_by_label(words)).first).to_be_visible()
    page.mouse.wheel(0, 400)
    shot(page, "today-after-rejection")


@pytest.mark.parametrize("theme", ["Light", "Dark"])
def test_list_and_charts_screenshots(fresh_app, browser, theme):
    page = open_app(browser, fresh_app.url, *DESKTOP)
    go_settings(page)
    radio = page.get_by_role("radio", name=theme)
    radio.click()
    expect(radio).to_be_checked()
    nav(page, "Today")
    page.get_by_role("button", name=re.compile("^Several")).click()
    page.get_by_role("button", name="3", exact=True).click()
    nav(page, "Applications")
    wait_heading(page, "Applications")
    page.get_by_role("button", name="Add", exact=True).click()
    wait_heading(page, "New application")
    # Three +1s today without details: Add offers to fill one in, so nothing counts twice.
    wait_text(page, "You logged 3 applications with +1 today, still without details. Is this one of them?")
    shot(page, f"form-offers-a-quick-log-{theme}")
    fill(page, "Company", "Globex")
    fill(page, "Role", "Operations lead")
    save(page)
    wait_heading(page, "Operations lead · Globex")
    nav(page, "Applications")
    wait_text(page, "1–3 of 3")
    fill(page, "Search company, role, notes", "glob")  # typed key by key: the field must keep up
    wait_text(page, "1–1 of 1")
    expect(page.locator("input:focus")).to_have_value("glob")
    for _ in range(4):
        page.keyboard.press("Backspace")
    wait_text(page, "1–3 of 3")
    for size in (DESKTOP, PHONE):
        resize(page, size)
        wait_text(page, "1–3 of 3")
        shot(page, f"list-{theme}")
    tap(page.get_by_role("button", name="Charts and patterns"))
    wait_heading(page, "Charts and patterns")
    shot(page, f"charts-{theme}")
    resize(page, DESKTOP)
    wait_heading(page, "Charts and patterns")
    shot(page, f"charts-{theme}")
