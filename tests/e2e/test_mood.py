"""Mood in a real browser: a quick check-in from Today, a full entry, restart, calendar;
screenshots of the Mood screen (form, calendar, insights) and Today's check-in."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e import helpers
from tests.e2e.helpers import DESKTOP, PHONE, nav, open_app, set_theme, shot, tap, wait_heading
from views.mood.faces import MOOD_COLORS

pytestmark = pytest.mark.e2e


def face(page: Page, mood: int) -> Locator:
    return page.get_by_role("button", name=re.compile(rf"^Mood {mood} of 5")).first


def type_into(page: Page, label: str, text: str, enter: bool = False) -> None:
    helpers.type_into(helpers.textbox(page, label), text)
    if enter:
        page.keyboard.press("Enter")


def _cell_color(page: Page, cell: Locator) -> str:
    """The colour near a calendar cell's top-left corner (inside its rounded border), as #rrggbb."""
    box = cell.bounding_box()
    png = page.screenshot(clip={"x": box["x"] + 8, "y": box["y"] + 6, "width": 2, "height": 2})
    from io import BytesIO

    Image = pytest.importorskip("PIL.Image")  # Pillow comes with flet's dependencies
    r, g, b = Image.open(BytesIO(png)).convert("RGB").getpixel((0, 0))
    return f"#{r:02x}{g:02x}{b:02x}"


def see(page: Page, text: str) -> None:
    """Text shown on its own or inside a merged semantics label (cards merge their texts)."""
    pattern = re.compile(re.escape(text))
    expect(page.get_by_text(pattern).or_(page.get_by_label(pattern)).first).to_be_attached()


def scroll(page: Page, dy: int) -> None:
    size = page.viewport_size
    page.mouse.move(size["width"] * 0.6, size["height"] * 0.5)
    page.mouse.wheel(0, dy)


def test_quick_and_full_entries_survive_a_restart(fresh_app, browser):
    today = date.today()
    page = open_app(browser, fresh_app.url, *PHONE)
    wait_heading(page, "Today")

    # Quick check-in from Today: one tap.
    tap(face(page, 4))
    see(page, "Checked in today: good")
    shot(page, "today-checked-in")

    # The full form: two feelings (one built in, one new), a note, an activity.
    nav(page, "Mood")
    wait_heading(page, "Mood")
    tap(page.get_by_role("button", name="New entry"))
    wait_heading(page, "How are you feeling?")
    tap(face(page, 2))
    tap(page.get_by_role("checkbox", name="disappointed", exact=True))
    type_into(page, "Find or add a feeling", "gutted", enter=True)
    expect(page.get_by_role("checkbox", name="gutted", checked=True)).to_be_attached()
    shot(page, "form-feelings")
    type_into(page, "What's on your mind? (optional)", "Acme said no. Going for a walk.")
    tap(page.get_by_role("checkbox", name="walk", exact=True))
    tap(page.get_by_role("button", name="Save entry"))
    wait_heading(page, "Mood")
    see(page, "Today so far: okay (2 entries)")

    fresh_app.restart()

    page = open_app(browser, fresh_app.url, *DESKTOP)
    nav(page, "Mood")
    wait_heading(page, "Mood")
    day_name = f"{today:%A} {today.day} {today:%B}: okay, 2 entries"
    cell = page.get_by_role("button", name=re.compile(re.escape(day_name)))
    expect(cell.first).to_be_attached()
    shot(page, "calendar-after-restart")
    assert _cell_color(page, cell.first) == MOOD_COLORS[3].lower(), "the day is tinted by its mood (3: okay)"
    tap(cell.first)
    see(page, "Felt: disappointed, gutted")
    see(page, "Acme said no. Going for a walk.")
    shot(page, "day")
    tap(page.get_by_role("button", name="Back to Mood"))
    wait_heading(page, "Mood")
    tap(page.get_by_role("button", name="New entry"))
    see(page, "Your own words")
    expect(page.get_by_role("checkbox", name="gutted", exact=True)).to_be_attached()


def _seed_history(data_dir, today: date) -> None:
    """Sixty days of varied moods, walks, applications and two rejections, written by the real services."""
    from services.clock import FixedClock
    from services.container import AppServices
    from services.storage.db import open_database

    db = open_database(data_dir)
    tz = datetime.now().astimezone().tzinfo
    clock = FixedClock(datetime(today.year, today.month, today.day, 9, 0, tzinfo=tz))
    services = AppServices(db, clock)
    start = today - timedelta(days=59)
    rejections = {today - timedelta(days=13), today - timedelta(days=40)}  # logged days (every sixth is skipped)
    for i in range(60):
        day = start + timedelta(days=i)
        if i % 6 == 5:
            continue  # not every day gets logged, and that's fine
        clock.set(datetime(day.year, day.month, day.day, 20, 0, tzinfo=tz))
        walk = i % 3 == 0
        if i % 2 == 0:
            services.applications.log_application()
        mood = 4 if walk else 3
        if day in rejections:
            services.mood.log_entry(
                mood=1,
                feelings=["hurt", "disappointed"],
                about_rejection=True,
                note="Didn't get the role at Northwind.",
            )
            continue
        if any(r < day <= r + timedelta(days=2) for r in rejections):
            mood = 2
        services.mood.log_entry(mood=mood, activities=["walk"] if walk else [], feelings=["calm"] if walk else [])
    db.dispose()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_screenshots_mood_with_history(fresh_app, browser, mode):
    today = date.today()
    fresh_app.stop()
    _seed_history(fresh_app.data_dir, today)
    set_theme(fresh_app.data_dir, mode)
    fresh_app.start()
    for w, h in (PHONE, DESKTOP):
        page = open_app(browser, fresh_app.url, w, h)
        wait_heading(page, "Today")
        shot(page, f"{mode}-today")
        nav(page, "Mood")
        wait_heading(page, "Mood")
        see(page, f"{today:%B} {today.year}")
        shot(page, f"{mode}-mood-top")
        scroll(page, 700)
        shot(page, f"{mode}-mood-middle")
        scroll(page, 900)
        see(page, "Bouncing back")
        see(page, "to get back to your usual mood")  # the insights are filled in after the calendar
        shot(page, f"{mode}-mood-insights")
        scroll(page, 900)
        shot(page, f"{mode}-mood-bottom")
        scroll(page, -5000)
        tap(page.get_by_role("button", name="New entry"))
        wait_heading(page, "How are you feeling?")
        tap(face(page, 3))
        shot(page, f"{mode}-form-top")
        scroll(page, 800)
        shot(page, f"{mode}-form-middle")
        scroll(page, 1200)
        shot(page, f"{mode}-form-bottom")
        page.context.close()
