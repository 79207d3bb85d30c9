"""Feedback in Chromium: mark an application rejected, go through the after-rejection flow,
copy the request, record what they said, accept the suggested theme, tick an action,
restart and find it all; the keyword check; screenshots at both sizes, light and dark."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e import helpers
from tests.e2e.helpers import DESKTOP, PHONE, goto, nav, open_app, shot, tap, wait_heading, wait_text

pytestmark = pytest.mark.e2e

SAID = "Thanks for your time. Your answers were a bit general; we'd have liked specific examples of your impact."
LISTING = (
    "Data Analyst. Build Tableau dashboards and write SQL. Design A/B tests with product; "
    "report on A/B tests. Python for automation. Stakeholder management. Clear stakeholder management."
)
RESUME = "Analyst. Wrote SQL queries and built Excel dashboards. Presented insights to leadership."


def see(page: Page, text: str) -> None:
    """Text shown on its own or inside a merged semantics label (cards merge their texts)."""
    pattern = re.compile(re.escape(text))
    expect(page.get_by_text(pattern).or_(page.get_by_label(pattern)).first).to_be_attached()


def type_into(page: Page, label: str, text: str) -> None:
    helpers.type_into(helpers.textbox(page, label), text)


def six_months_after(day: date) -> date:
    """The same day six months on, or that month's last day if it is shorter (31 Aug -> 28/29 Feb)."""
    first = date(day.year + (day.month + 5) // 12, (day.month + 5) % 12 + 1, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first.replace(day=min(day.day, last.day))


def moods(data_dir: Path) -> list[int]:
    conn = sqlite3.connect(data_dir / "bounceback.db")
    try:
        return [m for (m,) in conn.execute("SELECT mood FROM mood_entry ORDER BY id")]
    finally:
        conn.close()


def button(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name).first


def seed(data_dir: Path, *, theme: str | None = None, applications: bool = True, feedback: bool = False) -> None:
    """Rows the UI would make, written before the server starts (schema is migrated by a first start)."""
    conn = sqlite3.connect(data_dir / "bounceback.db")
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    applied = (date.today() - timedelta(days=20)).isoformat()
    if applications:
        conn.execute(
            "INSERT INTO application (company, role, applied_on, status, status_on, created_at, updated_at) "
            "VALUES ('Acme', 'Data Analyst', ?, 'applied', ?, ?, ?)",
            (applied, applied, now, now),
        )
    if feedback:
        rows = [
            ("Globex", "Analyst", "received", SAID, "examples"),
            ("Initech", "BI Developer", "received", "We went with someone with more direct experience.", "experience"),
            ("Umbrella", "Data Analyst", "received", "More concrete examples would have helped.", "examples"),
            ("Hooli", "Analyst", "asked", "", None),
            ("Stark", "Data Scientist", "not_asked", "", None),
        ]
        for i, (company, role, status, said, theme_key) in enumerate(rows):
            day = (date.today() - timedelta(days=3 + i * 4)).isoformat()
            conn.execute(
                "INSERT INTO feedback (company, role, status, asked_on, received_on, what_they_said, theme, reflection, "
                "rejected_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
                (company, role, status, day if status != "not_asked" else None, day if status == "received" else None,
                 said, theme_key, day, now, now),
            )  # fmt: skip
        conn.execute(
            "INSERT INTO feedback_action (feedback_id, text, done, done_on, position, created_at) VALUES "
            "(1, 'Write three STAR stories with numbers', 0, NULL, 0, ?), (1, 'Rehearse them aloud', 1, ?, 1, ?)",
            (now, date.today().isoformat(), now),
        )
    if theme:
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('theme_mode', ?, '2026-01-01 00:00:00')",
            (f'"{theme}"',),
        )
    conn.commit()
    conn.close()


def test_rejection_flow_request_received_theme_action_restart(fresh_app, browser):
    fresh_app.stop()
    seed(fresh_app.data_dir)
    fresh_app.start()
    page = open_app(browser, fresh_app.url, *PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=fresh_app.url.rstrip("/"))

    # Mark the application rejected: Applications goes straight to the after-rejection flow.
    nav(page, "Applications")
    tap(page.get_by_text(re.compile("Acme")).or_(page.get_by_label(re.compile("Acme"))).first)
    tap(button(page, "Rejected"))
    tap(button(page, "Save"))
    wait_heading(page, "After a no")
    see(page, "It isn't a verdict on your worth.")
    shot(page, "after-rejection-top")

    # Step 1: how you feel, one tap.
    tap(page.get_by_role("button", name=re.compile(r"^Mood 2 of 5")).first)
    see(page, "Noted. Naming it is a real step")
    assert moods(fresh_app.data_dir) == [2], "the tap on the second face recorded that face"

    # Step 2: the request, with an accented name; copy it (the text is on screen and on the clipboard).
    type_into(page, "Hiring manager's name", "José")
    type_into(page, "Your name", "Sam Lee")
    # The message is written by the server as the names are typed: wait for the last of it,
    # so the buttons below it are where they will stay.
    signed = re.compile(r"Hi José,.*Kind regards,\s+Sam Lee", re.S)
    expect(page.get_by_text(signed).or_(page.get_by_label(signed)).first).to_be_attached()
    shot(page, "after-rejection-request")
    tap(button(page, "Copy message"))
    see(page, "Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Hi José," in copied and "Sam Lee" in copied and copied.startswith("Subject: Thank you")
    see(page, "Asked ")

    # Step 3: the reapply date (three months by default), moved to six.
    see(page, "You can apply to Acme again from")
    tap(button(page, "6 months"))
    six = six_months_after(date.today())
    see(page, "We'll let you know on")
    shot(page, "after-rejection-done")

    # The record: what they said, the suggested theme accepted, an action ticked.
    tap(button(page, "Open the feedback record"))
    wait_heading(page, "Data Analyst at Acme")
    type_into(page, "What they said", SAID)
    tap(button(page, "Save what they said"))
    see(page, "This sounds like: More specific examples wanted")
    shot(page, "detail-suggestion")
    tap(button(page, "Use this theme"))
    see(page, "What it usually means")
    tap(button(page, "Add these to my actions"))
    box = page.get_by_role("checkbox", name=re.compile("^Prepare a handful of stories")).first
    tap(box)
    expect(box).to_be_checked()
    shot(page, "detail-guide-actions")

    fresh_app.restart()
    page = open_app(browser, fresh_app.url, *DESKTOP)
    nav(page, "Feedback")
    wait_heading(page, "Feedback")
    see(page, "Received (1)")
    see(page, "1 of 1 mentions examples")
    shot(page, "list-after-restart")
    tap(page.get_by_role("button", name=re.compile("^Data Analyst at Acme Received")))
    expect(page).to_have_url(re.compile(r"/feedback/\d+$"))
    wait_heading(page, "Data Analyst at Acme")
    expect(page.get_by_role("checkbox", name=re.compile("^Prepare a handful of stories")).first).to_be_checked()
    see(page, "More specific examples wanted")
    # The six-month reapply date survived the restart.
    nav(page, "Applications")
    tap(page.get_by_role("button", name=re.compile("Acme")).first)
    expect(page).to_have_url(re.compile(r"/applications/\d+$"))
    see(page, f"apply here again from {six.day} {six:%b %Y}")


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_feedback_screenshots(fresh_app, browser, mode):
    fresh_app.stop()
    seed(fresh_app.data_dir, theme=mode, applications=True, feedback=True)
    fresh_app.start()
    for width, height in (PHONE, DESKTOP):
        page = open_app(browser, fresh_app.url, width, height)
        nav(page, "Feedback")
        wait_heading(page, "Feedback")
        see(page, "2 of 3 mention examples")
        shot(page, f"list-{mode}")
        tap(button(page, "Add"))
        wait_text(page, "For a rejection you didn't log as an application.")
        type_into(page, "Company", "Initech")
        type_into(page, "Role", "Analyst")
        shot(page, f"add-{mode}")
        tap(page.get_by_role("button", name="Add").last)  # the dialog's, above the screen's
        wait_heading(page, "Analyst at Initech")
        goto(page, fresh_app.url + "feedback")
        wait_heading(page, "Feedback")
        tap(page.get_by_role("button", name=re.compile("^Analyst at Globex Received")))
        expect(page).to_have_url(re.compile(r"/feedback/1$"))
        wait_heading(page, "Analyst at Globex")
        see(page, "What it usually means")
        shot(page, f"detail-{mode}")
        page.mouse.move(width * 0.6, height * 0.5)
        page.mouse.wheel(0, 900)
        shot(page, f"detail-scrolled-{mode}")

        nav(page, "Feedback")
        wait_heading(page, "Feedback")
        tap(button(page, "Check keywords"))
        wait_heading(page, "Keyword check")
        type_into(page, "Job listing", LISTING)
        type_into(page, "Your resume", RESUME)
        tap(button(page, "Check keywords"))
        see(page, "Not in your resume yet")
        see(page, "Tableau")
        shot(page, f"keywords-{mode}")

        goto(page, fresh_app.url + "feedback/5")  # Stark: not asked yet, the request composer open
        wait_heading(page, "Data Scientist at Stark")
        see(page, "Thank you for letting me know")
        shot(page, f"request-{mode}")

        goto(page, fresh_app.url + "feedback/after-rejection/1")
        wait_heading(page, "After a no")
        shot(page, f"after-rejection-{mode}")
        page.context.close()
