"""After a "no", in Chromium: Today leads with care on the day it arrives (no goal pressure),
the status dialog speaks plainly and asks before leaving "rejected", and the after-rejection
steps show where things stand. Screenshots at both sizes, light and dark."""

from __future__ import annotations

import io
import re
import time
from datetime import date, timedelta

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.helpers import DESKTOP, PHONE, goto, open_app, set_theme, shot, tap, wait_heading

pytestmark = pytest.mark.e2e


def seed(data_dir, theme: str) -> dict[str, int]:
    """Through the app's own services, on this machine's clock: a no today, one a while ago."""
    from services.clock import SystemClock
    from services.container import AppServices
    from services.reminders.notify import RecordingNotifier
    from services.storage.db import open_database

    db = open_database(data_dir)
    try:
        s = AppServices(db, SystemClock(), notifier=RecordingNotifier())
        today = s.clock.today()
        s.applications.log_application(count=1)
        acme = s.applications.add_application(applied_on=today - timedelta(days=16), company="Acme & Söhne",
                                              role="Data Analyst", source="Referral")
        s.applications.change_status(application_id=acme.id, status="interview", on=today - timedelta(days=6))
        s.applications.change_status(application_id=acme.id, status="rejected", on=today)
        globex = s.applications.add_application(applied_on=today - timedelta(days=40), company="Globex", role="Analyst")
        s.applications.change_status(application_id=globex.id, status="rejected", on=today - timedelta(days=20))
        record = s.feedback.start_for_application(application_id=globex.id)
        s.feedback.mark_asked(feedback_id=record.id, on=today - timedelta(days=19))
        s.feedback.mark_received(feedback_id=record.id, what_they_said="We wanted more specific examples.")
        s.mood.log_entry(mood=2, application_id=globex.id, about_rejection=True)
        initech = s.applications.add_application(applied_on=today - timedelta(days=3), company="Initech", role="BI Developer")
        return {"acme": acme.id, "globex": globex.id, "initech": initech.id}
    finally:
        db.dispose()
        set_theme(data_dir, theme)


def painted(page: Page, name: str) -> None:
    """Screenshot once Flutter has painted and stopped: on a busy machine the canvas can stay
    blank, or show the "Working..." splash with its spinner, for seconds after the semantics
    tree (which the assertions read) is ready. Wait for three identical, non-blank frames."""
    deadline = time.monotonic() + 45
    frames: list[bytes] = []
    while time.monotonic() < deadline:
        frame = page.screenshot()
        low, high = Image.open(io.BytesIO(frame)).convert("L").getextrema()
        frames = [*frames, frame][-3:] if low != high else []
        if len(frames) == 3 and len(set(frames)) == 1:
            break
        page.wait_for_timeout(400)
    shot(page, name)


def scroll_down(page: Page, width: int, height: int) -> None:
    """Wheel over the content (the pointer must enter the canvas first, or Flutter ignores it)."""
    page.mouse.move(width * 0.5, height * 0.5)
    page.wait_for_timeout(300)
    page.mouse.move(width * 0.5 + 5, height * 0.5 + 5)
    for _ in range(4):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(150)


def y_of(page: Page, text: str) -> float:
    loc = page.get_by_text(text).or_(page.get_by_label(re.compile(re.escape(text)))).first
    expect(loc).to_be_visible()
    return loc.bounding_box()["y"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_today_on_the_day_of_a_no(fresh_app, browser, theme):
    fresh_app.stop()
    seed(fresh_app.data_dir, theme)
    fresh_app.start()
    for width, height in (PHONE, DESKTOP):
        page = open_app(browser, fresh_app.url, width, height)
        wait_heading(page, "Today")
        # Care first, then the numbers; no "N more for today's goal" that day.
        assert y_of(page, "About that “no”") < y_of(page, "Sent today")
        expect(page.get_by_text(re.compile("Today is for looking after yourself")).first).to_be_visible()
        expect(page.get_by_text(re.compile(r"No goal today")).first).to_be_visible()
        assert page.get_by_text(re.compile(r"more for today's goal")).count() == 0
        painted(page, f"Today-rejection-day-{theme}")
        scroll_down(page, width, height)
        painted(page, f"Today-rejection-day-{theme}-scrolled")
        page.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_status_dialog_and_the_rejection_flow(fresh_app, browser, size):
    fresh_app.stop()
    ids = seed(fresh_app.data_dir, "light" if size == PHONE else "dark")
    fresh_app.start()
    base = fresh_app.url.rstrip("/")
    for width, height in (size,):
        page = open_app(browser, fresh_app.url, width, height)
        # An application still waiting: plain words, and care in the "no" dialog.
        goto(page, f"{base}/applications/{ids['initech']}")
        wait_heading(page, "BI Developer · Initech")
        tap(page.get_by_role("button", name=re.compile("^Interview")).first)
        expect(page.get_by_text("An interview").first).to_be_visible()
        painted(page, "status-interview")
        tap(page.get_by_role("button", name="Cancel").first)
        tap(page.get_by_role("button", name=re.compile("^Rejected")).first)
        expect(page.get_by_text("It was a no").first).to_be_visible()
        painted(page, "status-rejected")
        tap(page.get_by_role("button", name="Cancel").first)

        # Leaving "rejected" asks once, saying what it undoes.
        goto(page, f"{base}/applications/{ids['acme']}")
        wait_heading(page, "Data Analyst · Acme & Söhne")
        tap(page.get_by_role("button", name=re.compile("^Offer")).first)
        expect(page.get_by_text(re.compile("Move it from “Rejected” to “Offer”")).first).to_be_visible()
        expect(page.get_by_text(re.compile("marked as a no today")).first).to_be_visible()
        painted(page, "status-leaving-rejected")
        tap(page.get_by_role("button", name="Cancel").first)

        # Back to an older no whose feedback came in: no request form, the way to what they said.
        goto(page, f"{base}/feedback/after-rejection/{ids['globex']}")
        wait_heading(page, "After a no")
        expect(page.get_by_text(re.compile(r"^Received")).first).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("Read what they said"))).to_be_visible()
        assert page.get_by_role("button", name=re.compile("^Copy message")).count() == 0
        painted(page, "after-rejection-revisit")
        scroll_down(page, width, height)
        painted(page, "after-rejection-revisit-scrolled")
        page.close()
    assert date.today()  # seeded on this machine's clock, like the app
