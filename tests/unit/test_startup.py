"""The start-up sequence (startup.py): the page waits for the services; the daily backup waits
for the first screen. Order of events on a real data file, never timing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from services.clock import FixedClock
from services.storage import backup
from services.storage.prepare import prepare_file
from startup import Startup

NOW = datetime(2026, 3, 4, 9, 30)
WATCHDOG_S = 120  # only so a broken sequence fails instead of hanging; never part of an assertion


def _startup(tmp_path, events: list[str], *, take_backup=None, **kwargs) -> Startup:
    prepared = prepare_file(tmp_path / "data", now=NOW)

    def start(page, services):
        events.append("first screen")
        page.append(services)

    def real_backup(path, *, now):
        events.append("backup")
        return backup.daily_backup(path, now=now)

    kwargs.setdefault("after_first_screen_s", 0)
    return Startup(prepared, FixedClock(NOW.replace(tzinfo=UTC)), start=start, take_backup=take_backup or real_backup,
                   tell=lambda notice: events.append(f"told: {notice}"), **kwargs)


def test_the_daily_backup_is_taken_after_the_first_screen_never_before(tmp_path):
    events: list[str] = []
    startup = _startup(tmp_path, events, without_a_window_s=None)  # wait for a window however long
    startup.begin()
    services = startup.services()  # built: a page could be served now
    assert events == [] and backup.list_backups(startup.prepared.path) == [], "no backup on the way to Today"

    page: list = []
    asyncio.run(startup.page(page))
    assert page == [services]
    assert startup.backup_done.wait(WATCHDOG_S)
    assert events == ["first screen", "backup"]
    [taken] = backup.list_backups(startup.prepared.path)
    assert taken.name == "bounceback-20260304-093000-auto.db"
    startup.close()


def test_with_no_window_opened_the_backup_is_still_taken(tmp_path):
    """Someone who starts the app and opens the link much later still gets today's backup."""
    events: list[str] = []
    startup = _startup(tmp_path, events, without_a_window_s=0)
    startup.begin()
    assert startup.backup_done.wait(WATCHDOG_S)
    assert events == ["backup"]
    assert len(backup.list_backups(startup.prepared.path)) == 1
    startup.close()


def test_the_first_page_waits_for_the_services(tmp_path):
    events: list[str] = []
    startup = _startup(tmp_path, events, without_a_window_s=None)
    page: list = []

    async def scenario():
        waiting = asyncio.create_task(startup.page(page))
        for _ in range(5):
            await asyncio.sleep(0)
        assert not waiting.done() and events == [], "nothing rendered before the services exist"
        startup.begin()
        await asyncio.wait_for(waiting, WATCHDOG_S)

    asyncio.run(scenario())
    assert events[0] == "first screen" and page == [startup.services()]
    startup.close()


def test_a_backup_notice_reaches_the_terminal_the_open_window_and_later_ones(tmp_path):
    events: list[str] = []
    message = "Today's automatic backup couldn't be made: the disk is full."
    startup = _startup(tmp_path, events, take_backup=lambda path, *, now: message, without_a_window_s=None)
    startup.begin()
    services = startup.services()
    shown: list[str] = []
    services.db.on_notice(shown.append)  # what an open window does (views/app.py)
    asyncio.run(startup.page([]))
    assert startup.backup_done.wait(WATCHDOG_S)
    assert events == ["first screen", f"told: {message}"]
    assert shown == [message]
    assert services.db.notices == [message], "a window opened later shows it too"
    startup.close()


def test_closing_before_the_first_screen_takes_no_backup(tmp_path):
    events: list[str] = []
    startup = _startup(tmp_path, events, without_a_window_s=None)
    startup.begin()
    startup.services()
    startup.close()
    assert startup._thread is not None
    startup._thread.join(WATCHDOG_S)
    assert not startup._thread.is_alive()
    assert events == [] and backup.list_backups(startup.prepared.path) == []
