"""The app shell: destinations, responsive navigation, theme choice."""

import re

import flet as ft
import pytest

pytestmark = pytest.mark.asyncio

LABELS = ["Today", "Applications", "Mood", "Feedback", "Practice"]


async def test_wide_window_uses_rail_and_switches_destination(mount_bounceback):
    h = await mount_bounceback(width=1280, height=800)
    assert h.one(ft.Tabs).selected_index == 0  # the rail: a vertical tab bar (see views/rail.py)
    assert not h.find_by_type(ft.NavigationBar)
    for i, label in enumerate(LABELS):
        await h.select_destination(label)
        assert h.one(ft.Tabs).selected_index == i
        assert h.page.route.rstrip("/") == ("" if i == 0 else "/" + label.lower())
        assert h.find_text(label), f"{label} heading missing: {h.texts()[:20]}"


async def test_the_chosen_rail_tab_goes_back_to_its_list(mount_bounceback, services):
    app = services.applications.add_application(applied_on=services.clock.today(), company="Acme")
    h = await mount_bounceback(width=1280, height=800, route=f"/applications/{app.id}")
    await h.go(f"/applications/{app.id}")
    assert h.one(ft.Tabs).selected_index == 1  # a record's page sits under Applications
    await h.select_destination("Applications")
    assert h.page.route == "/applications"


async def test_narrow_window_uses_bar_and_switches_live_on_resize(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    assert h.one(ft.NavigationBar)
    await h.select_destination("Mood")
    assert h.one(ft.NavigationBar).selected_index == 2
    await h.resize(1280, 800)
    assert h.one(ft.Tabs).selected_index == 2, "the place is kept across the layout switch"
    assert not h.find_by_type(ft.NavigationBar)
    await h.resize(390, 844)
    assert h.one(ft.NavigationBar).selected_index == 2


async def test_wide_settings_is_the_rails_last_tab(mount_bounceback):
    h = await mount_bounceback(width=1280, height=800)
    await h.select_destination("Settings")
    assert h.page.route == "/settings"
    assert h.one(ft.Tabs).selected_index == 5
    await h.select_destination("Mood")
    assert h.page.route == "/mood"


async def test_settings_opens_from_the_named_button(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.click(h.find_button("Settings"))
    assert h.page.route == "/settings"
    assert h.find_text("Appearance")


async def test_theme_choice_persists(mount_bounceback, services):
    h = await mount_bounceback(route="/settings")
    await h.go("/settings")
    group = h.one(ft.RadioGroup)
    await h.set_value(group, "dark")
    assert services.settings.theme_mode() == "dark"
    assert h.page.theme_mode == ft.ThemeMode.DARK


async def test_narrow_settings_page_has_a_way_back(mount_bounceback):
    h = await mount_bounceback(width=390, height=844)
    await h.click(h.find_button("Settings"))
    assert not h.find_by_type(ft.NavigationBar)
    await h.click(h.find_button("Back to Today"))
    assert h.page.route == "/"
    assert h.one(ft.NavigationBar).selected_index == 0


async def test_an_unexpected_error_shows_a_calm_message_not_a_crash(mount, services, monkeypatch):
    """With the safety net on (as in the real app), a failing handler becomes a snack bar."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from views.app import start

    def locked(**kwargs):
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(services.applications, "log_application", locked)
    h = await mount(lambda page: start(page, services, reminders=False, safety_net=True, day_watch=False), width=390, height=844)
    await h.click(h.find_button(re.compile(r"^\+1 application")))
    assert not h.errors
    assert h.find_text(re.compile("couldn't save that just now"), exact=False)


async def test_a_half_written_note_survives_the_switch_between_phone_and_wide_layouts(mount_bounceback):
    """Turning a phone on its side (390 -> 844 px wide) or widening a window crosses the
    640 px line where the bar becomes the rail; the screen below must stay the same screen,
    with what was typed and not yet saved."""
    h = await mount_bounceback(width=390, height=844, route="/mood/new")
    note = "What's on your mind? (optional)"

    def field():
        found = h.find_all(lambda c: isinstance(c, ft.TextField) and c.label == note)
        assert found, h.texts()[:30]
        return found[0]

    await h.type_text(field(), "Rough call this morning")
    await h.resize(844, 390)
    assert h.one(ft.Tabs) and not h.find_by_type(ft.NavigationBar)
    assert field().value == "Rough call this morning"
    await h.resize(390, 844)
    assert h.one(ft.NavigationBar)
    assert field().value == "Rough call this morning"
