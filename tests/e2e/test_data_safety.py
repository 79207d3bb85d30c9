"""Your data in the browser: every kept backup listed and restorable; a damaged file rescued with a word."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from services.storage import backup
from tests.e2e.helpers import DESKTOP, PHONE, go_settings, open_app, set_theme, shot, wait_heading, wait_text
from tests.storage_helpers import app_ids, services_on

pytestmark = pytest.mark.e2e


def seed_with_backups(data_dir) -> set[int]:
    """Applications and moods, and backups over three weeks (daily, one by hand, one before a restore).

    The backup the fixture's first start took of the empty file goes: it would be the newest.
    """
    shutil.rmtree(data_dir / "backups", ignore_errors=True)
    app = services_on(data_dir)
    ids = app.applications.log_application(count=12)
    for n in range(6):
        app.mood.log_entry(mood=1 + n % 5, note=f"day {n}")
    start = datetime(2026, 2, 10, 8, 0)
    for day in (0, 7, 14, 17, 18, 19, 20):
        backup.backup_file(app.db.path, now=start + timedelta(days=day))
    backup.backup_file(app.db.path, now=start + timedelta(days=20, hours=6), reason="manual")
    backup.backup_file(app.db.path, now=start + timedelta(days=15, hours=2), reason="before-restore")
    app.applications.log_application(count=3)  # after the last backup
    app.db.dispose()
    return set(ids)


def picture(page, name: str) -> None:
    # Flutter paints a moment after its semantics change, and on a loaded machine the canvas can
    # stand still longer than shot()'s settle check: give it a second before looking.
    page.wait_for_timeout(1500)
    shot(page, name)


def to_data_section(page) -> None:
    go_settings(page)
    target = page.get_by_text(re.compile(r"^Kept backups \(\d+\)$")).first
    target.scroll_into_view_if_needed()
    expect(target).to_be_visible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_kept_backups_are_listed_and_one_restores(fresh_app, browser, theme):
    fresh_app.stop()
    in_backups = seed_with_backups(fresh_app.data_dir)
    set_theme(fresh_app.data_dir, theme)
    fresh_app.start()
    kept = backup.list_backups(fresh_app.data_dir / "bounceback.db")

    for size in (PHONE, DESKTOP):
        page = open_app(browser, fresh_app.url, *size)
        wait_heading(page, "Today")
        to_data_section(page)
        wait_text(page, f"Kept backups ({len(kept)})")
        wait_text(page, "Mon 2 Mar 2026, 14:00 · taken by you")
        picture(page, f"backups-{theme}")
        page.close()
    if theme == "dark":
        return  # the restore itself once is enough

    page = open_app(browser, fresh_app.url, *DESKTOP)
    wait_heading(page, "Today")
    to_data_section(page)
    chosen = next(i for i, p in enumerate(kept) if p.name == "bounceback-20260301-080000-auto.db")
    row = page.get_by_text("Sun 1 Mar 2026, 08:00 · daily", exact=True)
    row.scroll_into_view_if_needed()
    page.get_by_role("button", name="Restore", exact=True).nth(chosen).click()  # rows are newest first, as listed
    wait_text(page, "Your data will go back to how it was on Sun 1 Mar 2026, 08:00")
    picture(page, f"restore-confirm-{theme}")
    page.get_by_role("alertdialog").get_by_role("button", name="Restore", exact=True).click()
    wait_text(page, "Restored the backup from Sun 1 Mar 2026, 08:00")
    picture(page, f"restored-{theme}")
    assert app_ids(fresh_app.data_dir / "bounceback.db") == in_backups, "the 3 written after it are gone..."
    before = [p for p in backup.list_backups(fresh_app.data_dir / "bounceback.db") if "before-restore" in p.name]
    assert len(before) == 2 and len(app_ids(before[0])) == 15, "...and kept in the copy made first"


def test_a_damaged_file_is_rescued_and_the_person_told(fresh_app, browser):
    fresh_app.stop()
    in_backups = seed_with_backups(fresh_app.data_dir)
    (fresh_app.data_dir / "bounceback.db").write_bytes(b"this is not a database " * 400)
    fresh_app.start()
    page = open_app(browser, fresh_app.url, *PHONE)
    wait_heading(page, "Today")
    wait_text(page, "Your data file could not be read, so we set it aside, unchanged")
    picture(page, "rescued")
    assert app_ids(fresh_app.data_dir / "bounceback.db") == in_backups
