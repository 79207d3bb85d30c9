"""Practice in a real browser: start, reveal, rate Good (and by keyboard), the count drops; a STAR answer
written in a session survives a restart with the due date the button promised.
Screenshots of home, session (question and revealed answer) and the editor, both sizes,
light and dark."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from models.practice import PracticeCardUpdate
from tests.e2e import helpers
from tests.e2e.helpers import DESKTOP, PHONE, goto, nav, open_app, set_theme, shot, tap, wait_heading

pytestmark = pytest.mark.e2e

SITUATION = "Our team had two weeks to ship the new sign-up flow"
RESULT = "We launched on time and sign-ups rose by a fifth"


def button(page: Page, name: str | re.Pattern) -> Locator:
    return page.get_by_role("button", name=name).first


def see(page: Page, text: str | re.Pattern) -> Locator:
    """Visible text, whether a plain text node or merged into a card's (group's) name."""
    pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))
    loc = page.get_by_text(pattern).or_(page.get_by_role("group", name=pattern)).first
    expect(loc).to_be_visible()
    return loc


def type_into(page: Page, label: str, text: str) -> None:
    helpers.type_into(helpers.textbox(page, label), text)


def scroll(page: Page, dy: int) -> None:
    size = page.viewport_size
    page.mouse.move(size["width"] * 0.6, size["height"] * 0.5)
    page.mouse.wheel(0, dy)


def db_rows(data_dir, sql: str) -> list[tuple]:
    conn = sqlite3.connect(data_dir / "bounceback.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_practise_rate_good_and_answer_survives_restart(fresh_app, browser):
    page = open_app(browser, fresh_app.url, *PHONE)
    nav(page, "Practice")
    wait_heading(page, "Practice")
    see(page, re.compile(r"^10 questions are ready for practice today"))
    shot(page, "home")

    tap(button(page, "Start practice"))
    see(page, "Question 1 of 10")
    shot(page, "question")
    tap(button(page, "Show my answer"))
    see(page, "You haven't written an answer yet. Write one now?")
    tap(button(page, "Write my answer"))
    type_into(page, "Situation", SITUATION)
    type_into(page, "Result", RESULT)
    save = button(page, "Save answer")
    tap(save)
    expect(save).to_be_hidden()
    see(page, SITUATION)
    # Each rating says what it does: "Good" over "in 2 days"; "Again" over "back this session".
    good = button(page, re.compile(r"^Good\s+in \d+ days?"))
    expect(good).to_be_visible()
    expect(button(page, re.compile(r"^Again\s+back this session"))).to_be_visible()
    label = good.get_attribute("aria-label") or good.inner_text()
    days = int(re.search(r"Good\s+in (\d+) day", label).group(1))
    shot(page, "revealed")
    tap(good)
    see(page, "Question 2 of 10")
    # On a keyboard: Space shows the answer, 1-4 rate it. The session keeps the focus: before,
    # it stayed on the Practice tab clicked to get here (or Settings, for a keyboard user),
    # and Space pressed that instead.
    # Its key listener has no semantics node, so the browser focus sits on the Flutter view.
    expect(page.locator("flutter-view")).to_be_focused()
    page.keyboard.press("Space")
    expect(button(page, re.compile(r"^Easy\s+in "))).to_be_visible()
    page.keyboard.press("4")
    see(page, "Question 3 of 10")
    tap(button(page, "End session"))
    see(page, "You practised 2 questions")
    shot(page, "summary")
    tap(button(page, "Back to Practice"))
    wait_heading(page, "Practice")
    see(page, re.compile(r"^8 questions are ready for practice today"))

    ((question, situation, result),) = db_rows(
        fresh_app.data_dir, "SELECT question, situation, result FROM practice_card WHERE situation != ''"
    )
    assert (situation, result) == (SITUATION, RESULT)

    fresh_app.restart()
    page = open_app(browser, fresh_app.url, *DESKTOP)
    nav(page, "Practice")
    wait_heading(page, "Practice")
    see(page, re.compile(r"^8 questions are ready for practice today"))
    tap(button(page, "Browse and edit"))
    wait_heading(page, "Your questions")
    tap(button(page, re.compile("^" + re.escape(question))))
    wait_heading(page, "Edit question")
    due = date.today() + timedelta(days=days)
    if days == 1:
        expected = "Next practice tomorrow"
    else:  # a weekday name within the week, "2 Dec 2026" beyond it
        expected = f"Next practice on {due:%A}" if days <= 6 else f"Next practice on {due.day} {due:%b %Y}"
    see(page, expected)
    shot(page, "editor-after-restart")
    # A text field's value only reaches the accessibility tree once it has focus, and focusing
    # by click is unreliable below the fold; the fields' character counters show what's loaded.
    see(page, f"{5000 - len(SITUATION):,} characters remaining")
    see(page, f"{5000 - len(RESULT):,} characters remaining")
    assert db_rows(fresh_app.data_dir, "SELECT result FROM practice_card WHERE situation != ''") == [(RESULT,)]



def _seed(data_dir) -> None:
    """The starter deck, one written answer and a fortnight of practice, via the real services."""
    from datetime import datetime

    from services.clock import FixedClock
    from services.container import AppServices
    from services.storage.db import open_database

    db = open_database(data_dir)
    tz = datetime.now().astimezone().tzinfo
    today = date.today()
    clock = FixedClock(datetime(today.year, today.month, today.day, 8, 0, tzinfo=tz) - timedelta(days=14))
    services = AppServices(db, clock)
    practice = services.practice
    practice.starter.ensure_starter_deck()  # as the app does at start
    practice.schedule.set_new_per_day(limit=4)
    first = practice.schedule.due_queue()[0]
    practice.deck.update_card(
        card_id=first,
        changes=PracticeCardUpdate(
            situation=SITUATION,
            task="Own the form validation and the error messages",
            action="I paired with design each morning and tested with five users",
            result=RESULT,
        ),
    )
    for day in range(14):
        for i, card_id in enumerate(practice.schedule.due_queue()):
            practice.schedule.review_card(card_id=card_id, rating=(3, 3, 2, 1, 4)[(i + day) % 5], duration_ms=60_000)
        clock.advance(days=1)
    db.dispose()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_practice_screenshots(fresh_app, browser, mode):
    fresh_app.stop()
    _seed(fresh_app.data_dir)
    set_theme(fresh_app.data_dir, mode)
    fresh_app.start()
    (first_id,) = db_rows(fresh_app.data_dir, "SELECT id FROM practice_card WHERE situation != '' LIMIT 1")[0]
    for w, h in (PHONE, DESKTOP):
        page = open_app(browser, fresh_app.url, w, h)
        nav(page, "Practice")
        wait_heading(page, "Practice")
        see(page, "Your progress")
        shot(page, f"{mode}-home")
        scroll(page, 900)
        shot(page, f"{mode}-home-stats")
        goto(page, fresh_app.url + "practice/session")
        wait_heading(page, "Practice session")
        shot(page, f"{mode}-session-question")
        tap(button(page, "Show my answer"))
        expect(button(page, re.compile(r"^Good\s+in "))).to_be_visible()
        shot(page, f"{mode}-session-revealed")
        goto(page, fresh_app.url + f"practice/cards/{first_id}")
        wait_heading(page, "Edit question")
        shot(page, f"{mode}-editor")
        scroll(page, 700)
        shot(page, f"{mode}-editor-lower")
        goto(page, fresh_app.url + "practice/cards")
        wait_heading(page, "Your questions")
        # The filters and the list are drawn (a Dropdown in a wrapping Row once left a grey box).
        expect(page.get_by_role("switch", name="Archived")).to_be_visible()
        see(page, "What drew you to this role?")
        shot(page, f"{mode}-deck")
        goto(page, fresh_app.url + "practice/mock")
        wait_heading(page, "Mock interview")
        tap(button(page, "Begin"))
        see(page, "Question 1 of 5")
        see(page, re.compile(r"^0:0[1-9] · aim for 2 min"))  # the clock runs by itself
        shot(page, f"{mode}-mock")
        page.context.close()
