"""Mood screens, headless: quick check-in, the full form, calendar, day view, Today's faces."""

from __future__ import annotations

import re
from datetime import date

import flet as ft
import pytest
from harness import find_button

pytestmark = pytest.mark.asyncio

TODAY = date(2026, 3, 4)


def field(h, label: str) -> ft.TextField:
    found = h.find_all(lambda c: isinstance(c, ft.TextField) and c.label == label)
    assert found, f"no field {label!r}: {h.texts()[:40]}"
    return found[0]


def chip(h, word: str) -> ft.Chip:
    found = h.find_all(lambda c: isinstance(c, ft.Chip) and c.label == word)
    assert found, f"no chip {word!r}"
    return found[0]


async def test_faces_are_named_for_screen_readers_and_one_tap_saves(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood")
    for name in ("Mood 1 of 5: very low", "Mood 3 of 5: okay", "Mood 5 of 5: great"):
        assert h.find_button(name)
    await h.click(h.find_button("Mood 4 of 5: good"))
    (entry,) = services.mood.entries_on(day=TODAY)
    assert entry.mood == 4
    assert h.find_text("Logged: good. Thanks for checking in.")
    assert h.find_text("Today so far", exact=False)


async def test_full_entry_with_a_built_in_and_a_new_feeling(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood/new")
    await h.click(h.find_button("Mood 2 of 5: low"))
    await h.select_chip(chip(h, "disappointed"))
    await h.submit(field(h, "Find or add a feeling"), "Gutted")
    assert chip(h, "gutted").selected
    await h.set_value(field(h, "What's on your mind? (optional)"), "Acme said no.")
    await h.select_chip(chip(h, "walk"))
    await h.click(h.find_button("Save entry"))
    assert h.page.route == "/mood"
    (entry,) = services.mood.entries_on(day=TODAY)
    assert (entry.mood, set(entry.feelings), entry.note, entry.activities) == (
        2,
        {"disappointed", "gutted"},
        "Acme said no.",
        ("walk",),
    )
    await h.go("/mood/new")
    assert h.find_text("Your own words") and chip(h, "gutted"), "the new word is offered next time"


async def test_saving_without_a_face_explains_and_saves_nothing(mount_bounceback, services):
    h = await mount_bounceback(width=1280, height=800, route="/mood")
    await h.go("/mood/new")
    await h.set_value(field(h, "What's on your mind? (optional)"), "hmm")
    await h.click(h.find_button("Save entry"))
    assert h.find_text("Pick one of the five faces.")
    assert services.mood.entries_on(day=TODAY) == []
    assert h.page.route == "/mood/new"


async def test_too_long_note_is_refused_at_the_field(mount_bounceback, services):
    h = await mount_bounceback(width=1280, height=800, route="/mood")
    await h.go("/mood/new")
    await h.click(h.find_button("Mood 3 of 5: okay"))
    await h.set_value(field(h, "What's on your mind? (optional)"), "x" * 20_001)
    await h.click(h.find_button("Save entry"))
    assert "longer than 20,000" in field(h, "What's on your mind? (optional)").error
    assert services.mood.entries_on(day=TODAY) == []


async def test_rejection_entry_gets_a_warm_word(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood/new")
    await h.click(h.find_button("Mood 1 of 5: very low"))
    checkbox = h.find_first(lambda c: isinstance(c, ft.Checkbox) and c.label == "This is about a rejection")
    await h.toggle(checkbox)
    await h.click(h.find_button("Save entry"))
    assert h.find_text("That stings, and that's allowed")
    assert services.mood.entries_on(day=TODAY)[0].about_rejection
    await h.click(h.find_button("Thanks"))
    assert not h.find_text("That stings, and that's allowed")


async def test_linked_rejected_application_preselects_the_rejection(mount_bounceback, services):
    (app_id,) = services.applications.log_application()
    from sqlalchemy import text

    with services.db.engine.begin() as conn:
        conn.execute(text("UPDATE application SET status='rejected', company='Acme' WHERE id=:i"), {"i": app_id})
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go(f"/mood/new/{app_id}")
    dropdown = h.one(ft.Dropdown)
    assert dropdown.value == str(app_id)
    assert h.find_first(lambda c: isinstance(c, ft.Checkbox) and c.label == "This is about a rejection").value


async def test_calendar_day_opens_its_entries_and_deletes_one(mount_bounceback, services):
    services.mood.log_entry(mood=5, feelings=["proud"], note="Got a callback!")
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood")
    cell = h.find_by_key("day-2026-03-04")
    assert cell.bgcolor == "#4DB6AC"
    assert h.find_button("Wednesday 4 March: great, 1 entry")
    await h.click(cell)
    assert h.page.route == "/mood/day/2026-03-04"
    assert h.find_text("Got a callback!") and h.find_text("Felt: proud")
    await h.click(h.find_button("Delete"))
    await h.click(find_button(h.one(ft.AlertDialog), "Delete"))
    assert services.mood.entries_on(day=TODAY) == []
    assert h.find_text("Nothing logged this day")


async def test_calendar_moves_between_months(mount_bounceback):
    h = await mount_bounceback(width=1280, height=800, route="/mood")
    await h.go("/mood")
    assert h.find_text("March 2026")
    await h.click(h.find_button("Previous month"))
    assert h.find_text("February 2026")
    assert h.find_by_key("day-2026-02-28")


async def test_edit_route_loads_the_entry(mount_bounceback, services):
    entry = services.mood.log_entry(mood=3, feelings=["calm"], note="steady")
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go(f"/mood/entry/{entry.id}")
    assert h.find_text("Edit entry")
    assert chip(h, "calm").selected
    await h.click(h.find_button("Mood 4 of 5: good"))
    await h.click(h.find_button("Save entry"))
    assert services.mood.get_entry(entry_id=entry.id).mood == 4


async def test_today_check_in_saves_and_shows_todays_face(mount, services):
    from views.context import ServicesContext
    from views.today.mood_checkin import MoodCheckIn

    h = await mount(lambda page: page.render(lambda: ServicesContext(services, lambda: MoodCheckIn())))
    assert h.find_text("Tap a face to check in. Nothing more needed.")
    await h.click(h.find_button("Mood 3 of 5: okay"))
    assert services.mood.entries_on(day=TODAY)[0].mood == 3
    assert h.find_text("Checked in today: okay. Tap again if it changes.")


async def test_trend_ranges_and_insights_on_a_logged_history(mount_bounceback, services, clock):
    from datetime import datetime, timedelta

    import flet_charts as fch

    from tests.conftest import LOCAL_TZ

    for i in range(120):
        day = TODAY - timedelta(days=119 - i)
        clock.set(datetime(day.year, day.month, day.day, 12, tzinfo=LOCAL_TZ))
        rejected = i in (40, 90)
        walk = i % 2 == 0
        services.mood.log_entry(
            mood=1 if rejected else (4 if walk else 3), activities=["walk"] if walk else [], about_rejection=rejected
        )
    clock.set(datetime(2026, 3, 4, 9, 30, tzinfo=LOCAL_TZ))
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood")
    chart = h.one(fch.LineChart)
    assert len(chart.data_series[0].points) == 30
    picker = h.find_by_key("trend-range")
    for value, points in (("90", 90), ("365", 18)):  # a year is drawn as weekly averages
        await h.dispatch(picker, "change", [value], {"selected": [value]})
        assert len(h.one(fch.LineChart).data_series[0].points) == points
    assert h.find_text(
        re.compile(r'^On days with "walk", your mood averaged 3\.9; on other days, 3\.0 \(60 days vs 60 days\)\.$')
    )
    assert h.find_text("These are patterns in your own days, not proof that one thing causes another.")
    assert h.find_by_key("bounce-chart"), "two known bounce-backs are drawn"
    assert h.find_text(re.compile(r"^A rejection, .*: back to your usual after 2 days\.$"))


async def test_add_details_after_a_quick_log_opens_that_entry(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844, route="/mood")
    await h.go("/mood")
    await h.click(h.find_button("Mood 2 of 5: low"))
    (entry,) = services.mood.entries_on(day=TODAY)
    snack = h.one(ft.SnackBar)
    await h.dispatch(snack, "action")
    assert h.page.route == f"/mood/entry/{entry.id}"
    assert h.find_text("Edit entry")


async def test_calendar_comes_first_and_the_insights_are_filled_in_after(mount_bounceback, services, monkeypatch):
    import asyncio
    import threading

    insights = services.mood_insights
    real, gate, asked = insights.bounce_backs, threading.Event(), threading.Event()

    def held(**kwargs):  # the whole history is slow to read: hold it until the calendar is checked
        asked.set()
        assert gate.wait(120), "the test never let the insights through"
        return real(**kwargs)

    monkeypatch.setattr(insights, "bounce_backs", held)
    h = await mount_bounceback(width=390, height=844, route="/")
    await h.page.push_route("/mood")  # no settle yet: that would wait for the held insights
    try:
        # Wait for the question itself (in a worker thread), not for a number of polls.
        loop = asyncio.get_running_loop()
        assert await loop.run_in_executor(None, asked.wait, 120), "the insights were never asked for"
        assert h.find_by_key("day-2026-03-04") and h.find_text("March 2026"), "calendar shown before the insights"
        assert h.find_button("Mood 3 of 5: okay")
        assert h.find_by_key("looking-with") and h.find_by_key("looking-bounce")
        assert h.find_text("Looking at your patterns…")
    finally:
        gate.set()
    await h.settle()
    assert not h.find_text("Looking at your patterns…")
    assert h.find_text("When a rejection comes in", exact=False)
    assert h.find_text("Once you have at least 3 days with", exact=False)


async def test_insights_that_fail_say_so_instead_of_waiting_forever(mount_bounceback, services, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(services.mood_insights, "bounce_backs", broken)
    h = await mount_bounceback(route="/mood")
    await h.go("/mood")
    await h.settle()
    assert h.find_text(re.compile("couldn't work out your patterns"), exact=False)
