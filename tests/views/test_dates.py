"""Date pickers give the user's local day (the app clock's zone, UTC-5 here), whatever the
server's zone; and one date style across the app."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import flet as ft
import pytest

from services.dates import capitalised, day_text, on_day
from views.common.dates import picked_day

# 23:30 on Tuesday 30 June in UTC-5 is already 1 July in UTC and in Tokyo.
LATE_ON_30_JUNE = datetime(2026, 7, 1, 4, 30, tzinfo=UTC)


@pytest.fixture
def server_in_tokyo(monkeypatch):
    """The machine serving the app is in another zone than the user's clock."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_picked_day_is_the_app_clocks_local_day(clock, server_in_tokyo):
    # The two old readings, each a day off here:
    assert LATE_ON_30_JUNE.date() == date(2026, 7, 1)
    assert LATE_ON_30_JUNE.astimezone().date() == date(2026, 7, 1)
    # Ours reads the day in the clock's zone.
    assert picked_day(LATE_ON_30_JUNE, clock) == date(2026, 6, 30)
    # Midnight of the picked day sent as UTC, as the browser's own wall clock, or as text.
    assert picked_day(datetime(2026, 6, 30, 5, 0, tzinfo=UTC), clock) == date(2026, 6, 30)
    assert picked_day(datetime(2026, 6, 30), clock) == date(2026, 6, 30)
    assert picked_day("2026-06-30T00:00:00.000", clock) == date(2026, 6, 30)
    assert picked_day(date(2026, 6, 30), clock) == date(2026, 6, 30)
    assert picked_day(None, clock) is None


@pytest.mark.asyncio
async def test_application_form_calendar_writes_the_local_day(mount_bounceback, services, server_in_tokyo):
    h = await mount_bounceback(width=390, height=844, route="/applications/new")
    await h.click(h.find_first(lambda c: isinstance(c, ft.IconButton) and getattr(c.icon, "semantics_label", "") == "Pick date applied from a calendar"))
    picker = h.find_all(lambda c: isinstance(c, ft.DatePicker))[-1]
    # Sent as plain dates: no zone for the server to shift them by.
    assert type(picker.value) is date and type(picker.last_date) is date
    assert picker.value == services.clock.today() == date(2026, 3, 4)
    await h.set_value(picker, datetime(2026, 3, 3, 3, 15, tzinfo=UTC))  # 22:15 on 2 March, local
    assert h.find_by_key("field-applied_on").value == "2026-03-02"


@pytest.mark.asyncio
async def test_reapply_calendar_saves_the_local_day(mount_bounceback, services, server_in_tokyo):
    app = services.applications.add_application(applied_on=date(2026, 2, 10), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected", on=date(2026, 3, 2))
    h = await mount_bounceback(width=390, height=844, route=f"/feedback/after-rejection/{app.id}")
    await h.click(h.find_button("Pick a date"))
    picker = h.find_all(lambda c: isinstance(c, ft.DatePicker))[-1]
    assert picker.value == date(2026, 6, 2)  # three months after the no
    await h.set_value(picker, LATE_ON_30_JUNE)
    assert services.applications.get(application_id=app.id).reapply_after == date(2026, 6, 30)


def test_one_date_style():
    today = date(2026, 3, 4)  # a Wednesday
    assert [day_text(date(2026, 3, d), today) for d in (4, 3, 5, 2, 10, 11)] == [
        "today", "yesterday", "tomorrow", "Monday", "Tuesday", "11 Mar 2026",
    ]
    assert day_text(date(2026, 2, 25), today) == "25 Feb 2026"  # a week ago: no weekday name
    assert day_text(date(2025, 12, 2)) == "2 Dec 2025"
    assert [on_day(date(2026, 3, d), today) for d in (4, 6, 20)] == ["today", "on Friday", "on 20 Mar 2026"]
    assert capitalised(day_text(date(2026, 3, 4), today)) == "Today"
