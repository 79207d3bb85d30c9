"""Interviews in Chromium, on the app's test clock (BOUNCEBACK_FAKE_NOW, main.py):

Wednesday 4 March 2026: schedule a technical round for Saturday from the application's page,
see it on Today with its prep plan, practise two questions from it. Then the app restarts on
Sunday morning: Today asks how it went; check in, add a question they asked and make it a
practice question, copy the thank-you note (on the clipboard, accents intact).
Screenshots of each screen at 390x844 and 1280x800, and the screens again in light and dark.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from services.clock import FixedClock
from services.container import AppServices
from services.storage.db import open_database
from tests.e2e.conftest import AppServer
from tests.e2e.helpers import (
    DESKTOP,
    PHONE,
    nav,
    open_app,
    resize,
    shot,
    tap,
    textbox,
    type_into,
    wait_heading,
    wait_quiet_frames,
)
from tests.e2e.visits import Visit, open_visit, seeded_server, shown

pytestmark = pytest.mark.e2e

FAKE_NOW = "BOUNCEBACK_FAKE_NOW"
WEDNESDAY = datetime(2026, 3, 4, 9, 30)  # local wall time of the machine running the app
SATURDAY = date(2026, 3, 7)  # three days ahead
SUNDAY_MORNING = datetime(2026, 3, 8, 9, 30)
QUESTION = "Tell me about a time you disagreed with your manager"


def see(page: Page, text: str | re.Pattern) -> Locator:
    """Text shown on its own or inside a merged semantics label (tiles merge their texts)."""
    pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))
    found = page.get_by_text(pattern).or_(page.get_by_label(pattern)).first
    expect(found).to_be_attached()
    return found


def button(page: Page, name: str | re.Pattern) -> Locator:
    return page.get_by_role("button", name=name).first


def both_sizes(page: Page, name: str) -> None:
    """The screen as it is at phone size, then at desktop size, then back (the screen stays
    mounted across the switch: tests/e2e/test_shell.py checks a half-written note survives it)."""
    shot(page, f"{name}-phone")
    resize(page, DESKTOP)
    shot(page, f"{name}-desktop")
    resize(page, PHONE)


def seed(data_dir: Path) -> int:
    """An application to Acme, sent a fortnight before, and the starter questions (as at start)."""
    clock = FixedClock(WEDNESDAY.astimezone())
    db = open_database(data_dir, now=WEDNESDAY)
    try:
        s = AppServices(db, clock)
        s.practice.starter.ensure_starter_deck()
        # Signed as before (asking for feedback keeps it). Not typed here: the note is redrawn as
        # its fields change, and a redraw can send a field's older text back mid-typing (the
        # TextField race the shared field component fixes; this test is about the note).
        s.feedback.set_your_name(name="Zoë O’Brien")
        app = s.applications.add_application(applied_on=date(2026, 2, 18), company="Acme", role="Data Analyst")
        return app.id
    finally:
        db.dispose()


def rows(data_dir: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(data_dir / "bounceback.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def on_the_test_clock(chromium_path, tmp_path_factory, monkeypatch):
    """A server of its own whose clock starts on Wednesday morning (restart it to move the day)."""
    base = tmp_path_factory.mktemp("interviews")
    (base / "data").mkdir()
    app_id = seed(base / "data")
    monkeypatch.setenv(FAKE_NOW, WEDNESDAY.isoformat(timespec="minutes"))
    server = AppServer(base / "data", base).start()
    yield server, app_id
    server.stop()


def test_schedule_prepare_practise_then_the_day_after(on_the_test_clock, browser, monkeypatch):
    server, app_id = on_the_test_clock
    assert "Test clock (BOUNCEBACK_FAKE_NOW): the app's time starts at 2026-03-04 09:30." in server.log()
    page = open_app(browser, server.url, *PHONE)

    # Schedule a technical round three days ahead from the application's page.
    nav(page, "Applications")
    tap(see(page, "Acme"))
    tap(button(page, "Schedule an interview"))
    wait_heading(page, "Schedule an interview")
    type_into(textbox(page, "Day"), SATURDAY.isoformat(), clear=True)
    type_into(textbox(page, "Time"), "14:00", clear=True)
    tap(button(page, "Add a person"))
    type_into(textbox(page, "Name (person 1)"), "José Núñez")
    type_into(textbox(page, "Their role (person 1)"), "Head of Data")
    shot(page, "form-phone")
    tap(button(page, "Save"))
    wait_heading(page, "Technical interview with Acme")
    see(page, "the application moved to Interview")
    [(round_id, starts_at)] = rows(server.data_dir, "SELECT id, starts_at FROM interview")
    saturday_2pm = datetime(2026, 3, 7, 14, 0).astimezone()  # the machine's zone, as the app's clock
    assert datetime.fromisoformat(starts_at) == (saturday_2pm - (saturday_2pm.utcoffset() or timedelta())).replace(
        tzinfo=None), "the moment typed, stored as UTC"
    assert rows(server.data_dir, "SELECT status FROM application") == [("interview",)]
    see(page, "José Núñez (Head of Data)")
    both_sizes(page, "detail")

    # Today: the round with its prep plan (three questions a day until Friday).
    nav(page, "Today")
    see(page, "Technical interview with Acme on Saturday")
    see(page, "Today: 0 of 3 done")
    both_sizes(page, "today")

    # Practise two questions from it: ordinary FSRS reviews.
    tap(button(page, "Practise for this interview"))
    see(page, "Question 1 of 3")
    for n in (1, 2):
        tap(button(page, "Show my answer"))
        tap(button(page, re.compile(r"^Good\s+in ")))
        see(page, f"Question {n + 1} of 3")
    tap(button(page, "End session"))
    see(page, "You practised 2 questions")
    assert rows(server.data_dir, "SELECT count(*) FROM practice_review") == [(2,)]
    tap(button(page, "Back to the interview"))
    wait_heading(page, "Technical interview with Acme")
    see(page, "Today: 2 of 3 done")

    # The day after the interview: the same data, the app's clock on Sunday morning.
    monkeypatch.setenv(FAKE_NOW, SUNDAY_MORNING.isoformat(timespec="minutes"))
    server.restart()
    page = open_app(browser, server.url, *PHONE)
    wait_heading(page, "Today")
    tap(see(page, "How did your technical interview with Acme go?"))
    wait_heading(page, "How did it go?")

    # Check in: a face, a feeling; saved as a mood entry about the application.
    tap(button(page, "Mood 4 of 5: good"))
    tap(page.get_by_role("checkbox", name="relieved").or_(button(page, "relieved")).first)
    tap(button(page, "Save check-in"))
    see(page, "However it went, you showed up for it.")
    assert rows(server.data_dir, "SELECT m.mood, m.application_id FROM interview i JOIN mood_entry m "
                                 "ON m.id = i.mood_entry_id") == [(4, app_id)]

    # A question they asked, turned into a practice question with one tap.
    type_into(textbox(page, "A question they asked"), QUESTION)
    tap(button(page, "Add"))
    see(page, QUESTION)
    tap(button(page, "Practise this"))
    expect(button(page, "In your deck")).to_be_visible()
    assert rows(server.data_dir, "SELECT c.question FROM interview_question q JOIN practice_card c "
                                 "ON c.id = q.card_id") == [(QUESTION,)]
    both_sizes(page, "after")

    # The thank-you note: to the person met, signed, copied (a small win).
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    # To the person met, signed with the name kept from before (a field's value isn't in the tree until edited).
    see(page, re.compile(r"Hi José Núñez,.*Best wishes,\s+Zoë O’Brien", re.S))
    tap(button(page, "Copy note"))
    see(page, "Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Thank you") and "Hi José Núñez," in copied and copied.endswith("Zoë O’Brien")
    assert "yesterday" in copied, "the note says when you spoke, from the app's clock"
    assert rows(server.data_dir, "SELECT thank_you_sent_on FROM interview") == [("2026-03-08",)]
    assert rows(server.data_dir, "SELECT kind, won_on FROM win WHERE kind = 'thank_you'") == [("thank_you", "2026-03-08")]
    both_sizes(page, "thank-you")


SCREENS = [  # each shown scrolled to the text it names (the interview part of the screen)
    Visit("/", shows="Coming up"),
    Visit("/interviews/{round_id}", shows="What to practise"),
    Visit("/applications/{interview_id}/interviews/new", shows=re.compile("^Kind of round")),
    Visit("/interviews/{past_round_id}/after", shows="Questions they asked"),
    Visit("/applications/insights", shows="From applying to an offer"),  # the stage funnel
]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_interview_screens_in_light_and_dark(chromium_path, tmp_path_factory, browser, theme):
    server, ids = seeded_server(tmp_path_factory, theme=theme)
    try:
        for size, (w, h) in (("phone", PHONE), ("desktop", DESKTOP)):
            page = open_app(browser, server.url, w, h)
            for v in SCREENS:
                open_visit(page, server.url, ids, v)
                shown(page, v.shows).scroll_into_view_if_needed()
                wait_quiet_frames(page)
                name = v.route.strip("/").replace("{", "").replace("}", "").replace("/", "-") or "today"
                shot(page, f"{theme}-{name}-{size}")
            page.close()
    finally:
        server.stop()
