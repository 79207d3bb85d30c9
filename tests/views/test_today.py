"""Today, headless: quick log and undo, several at once, keyboard shortcut, goals, attention, wins."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import flet as ft
import pytest

pytestmark = pytest.mark.asyncio


def count(h) -> str:
    return h.find_by_key("today-count").value


def open_snackbars(h) -> list[ft.SnackBar]:
    return [d for d in h.page._dialogs.controls if isinstance(d, ft.SnackBar) and d.open]


def snackbar(h) -> ft.SnackBar:
    bars = [d for d in h.page._dialogs.controls if isinstance(d, ft.SnackBar) and d.open]
    assert bars, "no snack bar showing"
    return bars[-1]


@pytest.mark.parametrize("width", [390, 1280])
async def test_plus_one_three_times_then_undo(mount_bounceback, services, width):
    h = await mount_bounceback(width=width, height=800)
    assert count(h) == "0"
    for _ in range(3):
        await h.click(h.find_button("+1 application"))
    assert count(h) == "3"
    assert "Logged 1 application" in snackbar(h).content.value
    await h.dispatch(snackbar(h), "action")
    assert count(h) == "2"
    assert services.goals.progress().today == 2
    assert h.find_by_key("goal-today").value == "2 of 2"


async def test_the_new_count_is_sent_before_the_undo_snack_bar(mount_bounceback, services, monkeypatch):
    """The snack bar waits for the count: hold its delay open and the new count is already out."""
    from types import SimpleNamespace

    from views.today import counter

    gate = asyncio.Event()

    async def held(_seconds):  # the snack bar's pause, ended by the test instead of a clock
        await gate.wait()

    monkeypatch.setattr(counter, "asyncio", SimpleNamespace(sleep=held))
    h = await mount_bounceback(width=390, height=844)
    await h.click(h.find_button("+1 application"))  # settles; the held pause is left pending
    assert count(h) == "1"
    assert not open_snackbars(h), "the snack bar came before the new count"
    gate.set()
    await h.settle()
    assert "Logged 1 application" in snackbar(h).content.value
    await h.dispatch(snackbar(h), "action")
    assert count(h) == "0"
    assert services.applications.queries.list_applications().total == 0


async def test_plus_one_does_not_re_read_the_rest_of_today(mount_bounceback, services):
    calls = []

    class Provider:
        def attention(self, today):
            calls.append(today)
            return []

    services.attention.register(Provider())
    h = await mount_bounceback(width=1280, height=800)
    assert len(calls) == 1
    for _ in range(2):
        await h.click(h.find_button("+1 application"))
    await h.dispatch(snackbar(h), "action")
    assert count(h) == "1"
    assert len(calls) == 1, "a +1 or Undo re-rendered Needs attention"
    await h.click(h.find_button("Add a win"))
    await h.click(h.find_button("Got a referral"))
    assert h.find_text("Got a referral")
    assert len(calls) == 2, "adding a win should refresh the whole of Today"


async def test_several_at_once_takes_two_taps(mount_bounceback, services):
    h = await mount_bounceback(width=390, height=844)
    await h.click(h.find_button("Several…"))
    await h.click(h.find_by_key("several-5"))
    assert count(h) == "5"
    assert services.applications.queries.list_applications().total == 5
    await h.dispatch(snackbar(h), "action")
    assert count(h) == "0"


async def test_keyboard_shortcut_logs_one_and_is_explained_on_wide_screens(mount_bounceback):
    h = await mount_bounceback(width=1280, height=800)
    assert h.find_text("Shortcut: Ctrl+Enter logs one.")
    await h.dispatch(h.page, "keyboard_event", {"key": "Enter", "ctrl": True, "shift": False, "alt": False, "meta": False})
    assert count(h) == "1"


async def test_attention_lists_reapply_dates_and_navigates(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=200), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected", on=clock.today() - timedelta(days=100))
    h = await mount_bounceback(width=1280, height=800)
    [tile] = [t for t in h.find_by_type(ft.ListTile) if "Acme" in t.title.value]
    await h.click(tile)
    assert h.page.route == f"/applications/{app.id}"


async def test_wins_and_reframe_after_a_rejection(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=9), company="Globex")
    services.applications.change_status(application_id=app.id, status="interview", on=clock.today() - timedelta(days=3))
    services.applications.change_status(application_id=app.id, status="rejected")
    h = await mount_bounceback(width=390, height=844)
    assert h.find_text("Interview with Globex")
    assert h.find_text("About that “no”")
    await h.click(h.find_button("Add a win"))
    await h.click(h.find_button("Got a referral"))
    assert h.find_text("Got a referral")
    await h.click(h.find_button("Take the next small step"))
    assert h.page.route == f"/feedback/after-rejection/{app.id}"


async def test_goals_are_set_in_settings_and_shown_on_today(mount_bounceback, services):
    h = await mount_bounceback(width=1280, height=800, route="/settings")
    await h.set_value(h.find_by_key("goal-daily"), "x")
    await h.click(h.find_button("Save goals"))
    assert "whole number" in h.find_by_key("goal-daily").error
    await h.set_value(h.find_by_key("goal-daily"), "4")
    await h.set_value(h.find_by_key("goal-weekly"), "15")
    await h.select_chip(h.find_by_key("rest-6"), False)
    await h.click(h.find_button("Save goals"))
    goals = services.goals.current_goals()
    assert (goals.daily_target, goals.weekly_target, goals.rest_weekdays) == (4, 15, (5,))
    await h.toggle(h.find_first(lambda c: isinstance(c, ft.Switch) and c.label == "Show a streak on Today"), True)
    assert services.goals.show_streak()
    await h.go("/")
    assert h.find_by_key("goal-today").value == "0 of 4"


async def test_a_reapply_date_can_be_dismissed_and_stays_away(mount_bounceback, services, clock):
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=120), company="Initech")
    services.applications.set_reapply_after(application_id=app.id, on=clock.today() - timedelta(days=2))
    h = await mount_bounceback(width=390, height=844)
    assert h.find_text("You can apply to Initech again")
    await h.click(h.find_button("Dismiss: You can apply to Initech again"))
    assert not h.find_text("You can apply to Initech again")
    assert not [i for i in services.attention.items() if i.kind == "reapply"], "the dismissal is saved"
