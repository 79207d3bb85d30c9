"""Import in a real browser: export from Settings, wipe the data folder, import the file through
the picker, and Today, Mood and Practice show the same numbers (and the data file holds the same
rows); a Daylio file with one mood name of the person's own goes through the matching step.
Screenshots of the preview and the summary at both sizes."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.helpers import (
    DESKTOP,
    PHONE,
    TIMEOUT_MS,
    go_settings,
    nav,
    open_app,
    set_theme,
    shot,
    tap,
    wait_heading,
    wait_quiet_frames,
)

pytestmark = pytest.mark.e2e


def button(page: Page, name: str | re.Pattern) -> Locator:
    return page.get_by_role("button", name=name).first


def see(page: Page, text: str | re.Pattern) -> Locator:
    """Text on its own or in a merged label; waits as long as a page load may take (reading,
    checking and saving a file run in the background on a shared, busy machine)."""
    pattern = text if isinstance(text, re.Pattern) else re.compile(re.escape(text))
    loc = page.get_by_text(pattern).or_(page.get_by_label(pattern)).first
    expect(loc).to_be_attached(timeout=TIMEOUT_MS)
    return loc


def reveal(loc: Locator) -> Locator:
    """Bring a control below the fold on screen by scrolling Flutter itself (the mouse wheel),
    then wait for its drawn frame.

    helpers.tap scrolls the page's semantics element, which moves before Flutter does; on this
    busy machine a click right after it landed on the dropdown Flutter still drew at that spot
    (the Link column's, not the status's). With the wheel, Flutter scrolls its own layout and the
    semantics tree follows it, so once the element's box is on screen, so is the control.
    """
    loc.wait_for(state="attached")
    page = loc.page
    height = page.viewport_size["height"]
    for _ in range(12):
        box = loc.bounding_box()
        if box and 60 <= box["y"] and box["y"] + box["height"] <= height - 40:
            break
        page.mouse.move(page.viewport_size["width"] * 0.5, height * 0.5)
        page.mouse.wheel(0, (box["y"] - height / 3) if box else 300)
        wait_quiet_frames(page)
    wait_quiet_frames(page)
    return loc


def label_of(loc: Locator) -> str:
    return loc.get_attribute("aria-label") or loc.inner_text()


def pick_file(page: Page, path: Path) -> None:
    """Tap "Choose a file…" and answer the browser's file chooser (the picker opens inside the tap)."""
    choose = button(page, "Choose a file…")
    expect(choose).to_be_visible()
    with page.expect_file_chooser() as chooser:
        tap(choose)
    chooser.value.set_files(str(path))


def wait_for_files(folder: Path, pattern: str, timeout_s: float = 30) -> list[Path]:
    """The message naming the export is selectable text, which the accessibility tree doesn't
    show; the file appearing is what counts anyway."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = sorted(folder.glob(pattern))
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"nothing matching {pattern} appeared in {folder}")


def dump(data_dir: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(data_dir / "bounceback.db")
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
    finally:
        conn.close()


def _seed(data_dir: Path) -> None:
    """A few weeks of a person's data through the real services: applications (one rejected,
    with feedback), moods with their own words, and practice with reviews, some of them today."""
    from services.clock import FixedClock
    from services.container import AppServices
    from services.storage.db import open_database

    db = open_database(data_dir)
    tz = datetime.now().astimezone().tzinfo
    today = date.today()
    clock = FixedClock(datetime(today.year, today.month, today.day, 7, 0, tzinfo=tz) - timedelta(days=20))
    s = AppServices(db, clock)
    s.practice.schedule.set_new_per_day(limit=3)
    for day in range(21):
        s.applications.log_application(count=1 + day % 3)
        if day % 4 == 0:
            s.mood.log_entry(mood=1 + day % 5, feelings=["hopeful", "my own ✨ word"], activities=["walk"],
                             note=f"Day {day}: «مرحبا» and “quotes”, commas, and a\nsecond line")
        for i, card_id in enumerate(s.practice.schedule.due_queue()[:3]):
            s.practice.schedule.review_card(card_id=card_id, rating=(3, 3, 2, 4)[(i + day) % 4], duration_ms=45_000)
        if day < 20:
            clock.advance(days=1)
    app = s.applications.add_application(applied_on=today - timedelta(days=9), company="Émile & Co", role="Analyst")
    s.applications.change_status(application_id=app.id, status="rejected")
    s.mood.log_entry(mood=2, feelings=["hurt"], note="After the no from Émile & Co", application_id=app.id, about_rejection=True)
    db.dispose()


def numbers(page: Page) -> dict[str, str]:
    """What Today, Mood and Practice say, read off the screen."""
    found = {}
    nav(page, "Today")
    wait_heading(page, "Today")
    found["today"] = label_of(see(page, re.compile(r"^Today's count: \d+$")))
    found["week"] = label_of(page.locator("flt-semantics").filter(has_text=re.compile(r"^\d+ of \d+$")).first)
    nav(page, "Mood")
    wait_heading(page, "Mood")
    found["mood"] = label_of(see(page, re.compile(r"^(Today so far: .*entr|One tap saves how you feel)")))
    nav(page, "Practice")
    wait_heading(page, "Practice")
    found["due"] = label_of(see(page, re.compile(r"questions? (is|are) ready for practice today|No questions due")))
    found["reviewed"] = page.locator("flt-semantics").filter(has_text=re.compile(r"practised today")).last.inner_text()
    return found


def test_export_wipe_import_gives_back_the_same(fresh_app, browser, tmp_path):
    fresh_app.stop()
    _seed(fresh_app.data_dir)
    fresh_app.start()
    page = open_app(browser, fresh_app.url, *DESKTOP)
    before = numbers(page)
    go_settings(page)
    tap(button(page, "Export my data"))
    (exported,) = wait_for_files(fresh_app.data_dir / "exports", "*.json")
    kept = tmp_path / "my-bounceback.json"  # the person keeps it somewhere safe
    shutil.copy(exported, kept)
    rows_before = dump(fresh_app.data_dir)

    fresh_app.stop()
    shutil.rmtree(fresh_app.data_dir)
    fresh_app.data_dir.mkdir()
    fresh_app.start()
    page = open_app(browser, fresh_app.url, *DESKTOP)
    assert numbers(page) != before, "a wiped folder starts empty"
    go_settings(page)
    tap(button(page, "Import…"))
    wait_heading(page, "Import")
    pick_file(page, kept)
    see(page, "What will come in")
    see(page, re.compile(r"^Nothing of yours is on this device yet"))
    shot(page, "preview")
    tap(button(page, "Import"))
    see(page, "All in")
    shot(page, "summary")
    assert numbers(page) == before
    assert dump(fresh_app.data_dir) == rows_before


DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    "{d1},x,x,8:30 PM,good,walk | friends | تأمل,First interview,\"She said \"\"we'll be in touch\"\", then<br>we talked 😀\"\n"
    "{d2},x,x,7:05 AM,stormy,,,\n"
    "{d3},x,x,11:45 PM,meh,work,,\"Line one\nline two, with a comma\"\n"
)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_daylio_with_an_own_mood_name_goes_through_matching(fresh_app, browser, tmp_path, size):
    today = date.today()
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO.format(d1=today - timedelta(days=1), d2=today - timedelta(days=2), d3=today - timedelta(days=3)),
                    encoding="utf-8")
    if size == PHONE:
        fresh_app.stop()
        set_theme(fresh_app.data_dir, "dark")
        fresh_app.start()
    page = open_app(browser, fresh_app.url, *size)
    go_settings(page)
    tap(button(page, "Import…"))
    wait_heading(page, "Import")
    shot(page, "choose")
    pick_file(page, path)
    see(page, "Match your moods")
    expect(button(page, re.compile(r"^“good”, 1 entry 4 · good"))).to_be_visible(timeout=TIMEOUT_MS)  # Daylio's names are matched
    expect(button(page, "Continue")).to_be_disabled()
    shot(page, "matching")
    tap(button(page, re.compile(r"^“stormy”, 1 entry Choose a mood…")))
    tap(button(page, "2 · low"))
    expect(button(page, re.compile(r"^“stormy”, 1 entry 2 · low"))).to_be_visible()
    expect(button(page, "Continue")).to_be_enabled()
    tap(button(page, "Continue"))
    see(page, "What will come in")
    see(page, "3 mood entries to add")
    shot(page, "preview")
    tap(button(page, "Import"))
    see(page, "All in")
    see(page, "3 mood entries added")
    shot(page, "summary")
    conn = sqlite3.connect(fresh_app.data_dir / "bounceback.db")
    rows = conn.execute("SELECT day, mood, note FROM mood_entry ORDER BY day").fetchall()
    conn.close()
    assert rows == [
        (str(today - timedelta(days=3)), 3, "Line one\nline two, with a comma"),
        (str(today - timedelta(days=2)), 2, ""),
        (str(today - timedelta(days=1)), 4, "First interview\n\nShe said \"we'll be in touch\", then\nwe talked 😀"),
    ]
    tap(button(page, "See your moods"))
    wait_heading(page, "Mood")


SHEET = (
    "Company,Job Title,Date Applied,Status,Link,Notes\n"
    "Acme Ltd,Data Analyst,15/01/2026,Rejected,https://acme.example/jobs/1,\"Kind recruiter, said \"\"keep in touch\"\"\"\n"
    "Søren & Co,Designer,20/01/2026,Interviewing,,\"Two rounds:\nportfolio, then team\"\n"
    "Globex,PM,,Wishlist,,\n"
    "Initech,Engineer,03/02/2026,Vibing,,nice people\n"
)


def test_a_spreadsheet_of_applications_on_a_phone(fresh_app, browser, tmp_path):
    path = tmp_path / "my applications.csv"
    path.write_text(SHEET, encoding="utf-8")
    page = open_app(browser, fresh_app.url, *PHONE)
    go_settings(page)
    tap(button(page, "Import…"))
    wait_heading(page, "Import")
    pick_file(page, path)
    see(page, "Which column is which")
    expect(button(page, re.compile(r"^Date applied \(needed\) Date Applied"))).to_be_visible()
    shot(page, "columns")
    # Below the fold: scrolled with the wheel, so Flutter scrolls first and the page follows (see reveal).
    reveal(button(page, re.compile(r"^“Vibing” \(1\) Applied"))).click()
    tap(button(page, "Heard back"))
    expect(button(page, re.compile(r"^“Vibing” \(1\) Heard back"))).to_be_visible()
    tap(button(page, "Continue"))
    see(page, "3 applications to add")
    see(page, "1 application to leave out: not applied yet")
    shot(page, "preview")
    tap(button(page, "Import"))
    see(page, "3 applications added")
    shot(page, "summary")
    tap(button(page, "See your applications"))
    wait_heading(page, "Applications")
    see(page, "Søren & Co")
