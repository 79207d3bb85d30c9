"""Settings > Your data: back up, export, the list of kept backups, and restore (on a real file)."""

import re
import sqlite3
from datetime import date, datetime, timedelta

import flet as ft
import pytest

from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage import backup
from services.storage.db import open_database
from services.storage.migrations import latest_version

pytestmark = pytest.mark.asyncio


@pytest.fixture
def file_services(tmp_path, clock):
    db = open_database(tmp_path)
    yield AppServices(db, clock, notifier=RecordingNotifier())
    db.dispose()


def companies(services):
    page = services.applications.queries.list_applications(text=None, statuses=None, date_from=None, date_to=None, source=None)
    return {a.company for a in page.items}


async def open_settings(mount, services):
    from views.app import start

    h = await mount(lambda page: start(page, services, reminders=False, safety_net=False, day_watch=False), width=1280, height=800)
    await h.go("/settings")
    return h


async def confirm_restore(h, row_key):
    row = h.find_by_key(row_key)
    await h.click(next(b for b in h.find_buttons("Restore") if _inside(b, row)))
    dialog = next(d for d in h.find_by_type(ft.AlertDialog))
    assert "keep a copy" in str(dialog.content.value)
    await h.click(next(b for b in h.find_buttons("Restore") if isinstance(b, ft.FilledButton)))


def _inside(control, ancestor) -> bool:
    while control is not None:
        if control is ancestor:
            return True
        control = control.parent
    return False


async def test_backup_export_and_restore(mount, file_services, clock):
    services = file_services
    services.applications.add_application(applied_on=date(2026, 3, 1), company="Kept Co")
    h = await open_settings(mount, services)

    await h.click(h.find_button("Back up now"))
    assert h.find_text("Backed up as", exact=False)
    # Listed with its date, why it was taken, its size and what it holds.
    assert h.find_text("Wed 4 Mar 2026, 09:30 · taken by you")
    cards = services.practice.deck.card_count()  # the starter deck
    assert h.find_text(re.compile(rf"^\d+ KB · 1 application, 0 moods, {cards} cards, 0 feedback$"))

    await h.click(h.find_button("Export my data"))
    assert h.find_text("Exported", exact=False)
    assert list((services.db.path.parent / "exports").glob("*.json"))

    # A change after the backup, then restore the backup: the change is gone, the old row is back.
    services.applications.add_application(applied_on=date(2026, 3, 2), company="Added Later")
    clock.advance(minutes=5)
    [made] = backup.list_backups(services.db.path)
    await confirm_restore(h, made.name)
    assert h.find_text("Restored the backup from Wed 4 Mar 2026, 09:30", exact=False)
    assert companies(services) == {"Kept Co"}
    assert h.find_text("Wed 4 Mar 2026, 09:35 · before a restore")
    before = next(p for p in backup.list_backups(services.db.path) if "before-restore" in p.name)
    conn = sqlite3.connect(before)
    assert {r[0] for r in conn.execute("SELECT company FROM application")} == {"Kept Co", "Added Later"}
    conn.close()


async def test_every_kept_backup_is_listed(mount, file_services):
    services = file_services
    start = datetime(2026, 2, 1, 8, 0)
    for day in range(12):  # 12 daily backups: the keep rule leaves 7 days + older weeks
        backup.backup_file(services.db.path, now=start + timedelta(days=day))
    kept = backup.list_backups(services.db.path)
    assert len(kept) > 5
    h = await open_settings(mount, services)
    assert h.find_text(f"Kept backups ({len(kept)})")
    for path in kept:
        assert h.find_by_key(path.name), f"{path.name} is listed"


async def test_a_backup_from_a_newer_app_is_refused_with_a_reason(mount, file_services, clock):
    services = file_services
    services.applications.add_application(applied_on=date(2026, 3, 1), company="Now Co")
    made = backup.backup_file(services.db.path, now=datetime(2026, 3, 3, 8, 0))
    conn = sqlite3.connect(made)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    h = await open_settings(mount, services)
    await confirm_restore(h, made.name)
    assert h.find_text(re.compile("made by a newer version of Bounceback. Please update the app"), exact=False)
    assert companies(services) == {"Now Co"}
    assert not any("before-restore" in p.name for p in backup.list_backups(services.db.path))
