"""The app keeps calm when the data file is locked by someone else, and odd text survives."""

from __future__ import annotations

import re
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import PHONE, open_app, shot, wait_heading

pytestmark = pytest.mark.e2e


def count_is(page, n: int) -> None:
    expect(
        page.get_by_text(f"Today's count: {n}", exact=True).or_(page.get_by_label(f"Today's count: {n}")).first
    ).to_be_visible()


def test_locked_database_gets_a_kind_message_and_loses_nothing(fresh_app, browser):
    page = open_app(browser, fresh_app.url, *PHONE)
    wait_heading(page, "Today")
    plus = page.get_by_role("button", name=re.compile(r"^\+1 application"))
    plus.click()
    count_is(page, 1)

    # Another program holds a write lock longer than our busy timeout.
    blocker = sqlite3.connect(fresh_app.data_dir / "bounceback.db", timeout=1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        plus.click()
        message = re.compile("couldn't save that just now")
        expect(page.get_by_text(message).or_(page.get_by_label(message)).first).to_be_visible(timeout=30_000)
        shot(page, "locked")
        page.get_by_role("button", name="OK").click()
    finally:
        blocker.rollback()
        blocker.close()

    count_is(page, 1)  # the failed tap saved nothing half-way; the first one is still there
    plus.click()
    count_is(page, 2)
    assert fresh_app.running, "the server survived the failed write"
