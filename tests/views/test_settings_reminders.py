"""Reminders in Settings, headless: per-rule switches and times, quiet hours, the test, the phone's permission."""

from __future__ import annotations

import flet as ft
import pytest

from tests.reminder_fakes import FakeSystem

pytestmark = pytest.mark.asyncio


def field(h, key):
    found = h.find_by_key(key)
    assert found is not None, f"no field {key}"
    return found


async def settings(mount_bounceback, width=390):
    h = await mount_bounceback(width=width, height=844, route="/settings")
    await h.go("/settings")
    return h


async def test_time_is_checked_at_the_field_and_saved(mount_bounceback, services):
    h = await settings(mount_bounceback)
    time = field(h, "reminder-apply-time")
    assert time.value == "18:00"
    await h.submit(time, "25:99")
    assert "24-hour" in str(field(h, "reminder-apply-time").error)
    assert services.reminders.time_for("apply") == "18:00", "a bad time never replaces the saved one"
    await h.submit(field(h, "reminder-apply-time"), "7:15")
    assert field(h, "reminder-apply-time").error is None
    assert services.reminders.time_for("apply") == "07:15"


async def test_a_reminder_switched_off_is_saved_and_its_time_greyed(mount_bounceback, services):
    h = await settings(mount_bounceback)
    await h.toggle(field(h, "reminder-mood"), False)
    assert services.reminders.kind_enabled("mood") is False
    assert field(h, "reminder-mood-time").disabled
    assert services.reminders.kind_enabled("apply") is True, "only that one"


async def test_every_label_wraps_on_its_own_line_above_its_time(mount_bounceback, services):
    """The phone layout: a label never shares a line with a time field (Flet's Switch labels don't wrap)."""
    h = await settings(mount_bounceback, width=390)
    for rule in services.reminders.rules:
        switch = field(h, f"reminder-{rule.kind}")
        time = h.find_by_key(f"reminder-{rule.kind}-time")
        row = next(anc[-1] for c, anc in h.walk() if c is switch)
        assert isinstance(row, ft.Row) and not any(isinstance(c, ft.TextField) for c in row.controls)
        assert switch.label.semantics_label == rule.label, "the switch alone carries the label for screen readers"
        if time is not None:
            assert time.label.semantics_label == f"Time for: {rule.label}"


async def test_a_time_inside_quiet_hours_says_so(mount_bounceback, services):
    h = await settings(mount_bounceback)
    await h.submit(field(h, "reminder-mood-time"), "22:15")
    assert h.find_text("In quiet hours, so it stays silent.")
    await h.submit(field(h, "quiet-start"), "23:00")
    assert services.reminders.quiet_hours().start.hour == 23
    assert not h.find_text("In quiet hours, so it stays silent.")


async def test_quiet_hours_refuse_a_bad_time_at_the_field(mount_bounceback, services):
    h = await settings(mount_bounceback)
    await h.submit(field(h, "quiet-end"), "8")
    assert "24-hour" in str(field(h, "quiet-end").error)
    assert f"{services.reminders.quiet_hours().end:%H:%M}" == "08:00"
    await h.toggle(field(h, "quiet-hours"), False)
    assert services.reminders.quiet_hours().on is False


async def test_the_test_notification_names_who_delivered_it(mount_bounceback, services, notifier):
    h = await settings(mount_bounceback)
    await h.click(h.find_button("Send a test notification"))
    assert h.find_text("Sent.") and notifier.sent


async def test_with_no_notification_service_the_test_shows_in_the_app(mount_bounceback, services, notifier):
    notifier.works = False
    shown = []
    services.reminders.scheduler.attach_window(lambda title, body: shown.append(body))
    h = await settings(mount_bounceback)
    await h.click(h.find_button("Send a test notification"))
    assert shown == ["This is how a reminder will look. Gentle, and only when it helps."]
    assert h.find_text("inside Bounceback", exact=False)


async def test_on_a_phone_permission_is_asked_after_a_kind_word(mount_bounceback, services):
    phone = FakeSystem(allowed=False)
    assert await services.reminders.scheduler.attach_system(phone) == "not-asked"
    h = await settings(mount_bounceback)
    await h.settle()
    assert h.find_text("your phone needs your permission first", exact=False)
    await h.toggle(field(h, "reminders-all"), False)
    await h.toggle(field(h, "reminders-all"), True)  # turning reminders on is the moment to ask
    assert h.find_text("Reminders when Bounceback is closed")
    assert phone.asked == 0, "nothing is asked before they choose to continue"
    await h.click(h.find_button("Continue"))
    await h.settle()
    assert phone.asked == 1
    assert h.find_text("even when Bounceback is closed", exact=False)


async def test_a_refusal_is_shown_plainly_with_the_way_to_change_it(mount_bounceback, services):
    phone = FakeSystem(allowed=False, grants_when_asked=False)
    scheduler = services.reminders.scheduler
    await scheduler.attach_system(phone)
    await scheduler.permission(ask=True)
    h = await settings(mount_bounceback)
    await h.settle()
    assert h.find_text("turned off for Bounceback in your phone's settings", exact=False)
    await h.click(h.find_button("Open notification settings"))
    await h.settle()
    assert phone.opened_settings == 1


async def test_rows_hidden_and_shown_again_keep_the_latest_choices(mount_bounceback, services):
    h = await settings(mount_bounceback)
    await h.submit(field(h, "reminder-practice-time"), "13:05")
    await h.toggle(field(h, "reminders-all"), False)
    assert h.find_by_key("reminder-practice-time") is None
    await h.toggle(field(h, "reminders-all"), True)
    assert field(h, "reminder-practice-time").value == "13:05"
