"""Settings > Your data: back up, export, and restore a backup (on a real file)."""

from datetime import date

import flet as ft
import pytest

from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_database

pytestmark = pytest.mark.asyncio


@pytest.fixture
def file_services(tmp_path, clock):
    db = open_database(tmp_path)
    yield AppServices(db, clock, notifier=RecordingNotifier())
    db.dispose()


async def test_backup_export_and_restore(mount, file_services, clock):
    from views.app import start

    services = file_services
    services.applications.add_application(applied_on=date(2026, 3, 1), company="Kept Co")
    h = await mount(lambda page: start(page, services, reminders=False, safety_net=False, day_watch=False), width=1280, height=800)
    await h.go("/settings")

    await h.click(h.find_button("Back up now"))
    assert h.find_text("Backed up as", exact=False)

    await h.click(h.find_button("Export my data"))
    assert h.find_text("Exported", exact=False)
    assert list((services.db.path.parent / "exports").glob("*.json"))

    # A change after the backup, then restore the backup: the change is gone, the old row is back.
    services.applications.add_application(applied_on=date(2026, 3, 2), company="Added Later")
    clock.advance(minutes=5)
    await h.click(h.find_buttons("Restore")[0])
    dialog = next(d for d in h.find_by_type(ft.AlertDialog))
    assert "keep a copy" in str(dialog.content.value)
    await h.click(next(b for b in h.find_buttons("Restore") if isinstance(b, ft.FilledButton)))
    assert h.find_text("Restored from", exact=False)
    companies = {a.company for a in services.applications.queries.list_applications(text=None, statuses=None, date_from=None, date_to=None, source=None).items}
    assert companies == {"Kept Co"}
    assert any("before-restore" in p.name for p in (services.db.path.parent / "backups").iterdir())
