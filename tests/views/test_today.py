"""Today, headless: quick log and undo, several at once, keyboard shortcut, goals, attention, wins."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import flet as ft
import pytest

from tests.conftest import LOCAL_TZ

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


async def test_goals_save_as_they_change_in_settings_and_show_on_today(mount_bounceback, services):
    h = await mount_bounceback(width=1280, height=800, route="/settings")
    assert not h.find_buttons("Save goals")
    await h.set_value(h.find_by_key("goal-daily"), "x")
    await h.blur(h.find_by_key("goal-daily"))
    assert "whole number" in h.find_by_key("goal-daily").error
    assert services.goals.current_goals().daily_target == 2, "nothing saved"
    await h.set_value(h.find_by_key("goal-daily"), "4")
    await h.blur(h.find_by_key("goal-daily"))
    assert not h.find_by_key("goal-daily").error
    assert h.find_text("Saved. New goals count from today; earlier days keep theirs.")
    await h.set_value(h.find_by_key("goal-weekly"), "15")
    await h.submit(h.find_by_key("goal-weekly"))
    await h.select_chip(h.find_by_key("rest-6"), False)
    goals = services.goals.current_goals()
    assert (goals.daily_target, goals.weekly_target, goals.rest_weekdays) == (4, 15, (5,))
    for day in range(7):  # every day a rest day: refused at the chips, the last saved goals stay
        if day != 5:
            await h.select_chip(h.find_by_key(f"rest-{day}"), True)
    assert h.find_text("Keep at least one applying day in the week.")
    assert services.goals.current_goals().rest_weekdays == (0, 1, 2, 3, 4, 5)
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
async def test_today_after_midnight_starts_a_new_day(mount_bounceback, services, clock, monkeypatch):
    from views import day

    ticks = []
    real_next = day.seconds_to_next_check

    def counted(now):
        ticks.append(now)
        return min(real_next(now), 0.01)  # the watcher's wake-ups, made quick

    monkeypatch.setattr(day, "seconds_to_next_check", counted)
    reads = []

    class Counting:  # a provider that records each day Today asks about
        def attention(self, today):
            reads.append(today)
            return []

    services.attention.register(Counting())
    clock.set(datetime(2026, 3, 4, 23, 58, tzinfo=LOCAL_TZ))
    services.goals.set_goals(daily_target=2, weekly_target=10, rest_weekdays=[])
    h = await mount_bounceback(width=390, height=844, day_watch=True)
    for _ in range(2):
        await h.click(h.find_button("+1 application"))
    assert count(h) == "2" and h.find_text("Today's goal is met. Anything more is a bonus.")
    assert reads == [date(2026, 3, 4)]

    clock.set(datetime(2026, 3, 5, 0, 1, tzinfo=LOCAL_TZ))  # the app stays open past midnight
    await until(h, lambda: count(h) == "0")
    assert h.find_by_key("goal-today").value == "0 of 2"
    assert h.find_text("2 more for today's goal of 2.")
    assert h.find_by_key("goal-week").value == "2 of 10"  # same week
    assert reads == [date(2026, 3, 4), date(2026, 3, 5)]
    # The watcher reads the clock, not the database: more wake-ups, no more reads.
    seen = len(ticks)
    await until(h, lambda: len(ticks) >= seen + 5)
    assert reads == [date(2026, 3, 4), date(2026, 3, 5)]


async def until(h, condition, limit: float = 20.0) -> None:
    """Wait for something the app does by itself (a generous limit: not a timing check)."""
    deadline = asyncio.get_running_loop().time() + limit
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "it never happened"
        await asyncio.sleep(0.01)
    await h.settle()


async def test_on_the_day_of_a_no_today_leads_with_care(mount_bounceback, services, clock):
    services.goals.set_goals(daily_target=2, weekly_target=10, rest_weekdays=[])
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=12), company="Globex")
    services.applications.change_status(application_id=app.id, status="rejected")
    h = await mount_bounceback(width=390, height=844)
    order = [t for t in h.texts() if t in ("About that “no”", "Sent today", "Goals")]
    assert order == ["About that “no”", "Sent today", "Goals"], order
    assert h.find_text("Today is for looking after yourself. Your goals will keep until tomorrow.")
    assert not h.find_text("2 more for today's goal of 2.")
    assert h.find_by_key("goal-today").value == "Today: no goal. Look after yourself first."
    clock.advance(days=1)
    h2 = await mount_bounceback(width=390, height=844)  # the next day: care first, the goal is back
    assert [t for t in h2.texts() if t in ("About that “no”", "Sent today")] == ["About that “no”", "Sent today"]
    assert h2.find_text("2 more for today's goal of 2.")


async def test_actions_you_took_show_as_wins(mount_bounceback, services, clock):
    services.settings.set("practice.starter_seeded", True)
    card = services.practice.deck.create_card(question="Tell me about a time you failed?")
    services.practice.schedule.review_card(card_id=card.id, rating=3)
    app = services.applications.add_application(applied_on=clock.today() - timedelta(days=12), company="Globex")
    services.applications.change_status(application_id=app.id, status="rejected", on=clock.today() - timedelta(days=5))
    services.feedback.mark_asked(feedback_id=services.feedback.start_for_application(application_id=app.id).id)
    h = await mount_bounceback(width=390, height=844)
    assert h.find_text("Practised 1 interview question")
    assert h.find_text("Asked Globex for feedback")
    assert h.find_text("2 this week")
