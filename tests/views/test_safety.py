"""The safety net says what really happened: a busy file, a full disk, or (only then) "something went wrong"."""

import re
import sqlite3

import flet as ft
import pytest

from services.container import AppServices
from services.errors import StorageError
from services.reminders.notify import RecordingNotifier
from services.storage import db as db_module
from services.storage.failures import SAVE
from views.safety import GENERIC

pytestmark = pytest.mark.asyncio

PLUS = re.compile(r"^\+1 application")


async def mount_with_net(mount, services):
    from views.app import start

    return await mount(lambda page: start(page, services, reminders=False, safety_net=True), width=390, height=844)


def shown_notice(h) -> str:
    dialog = next(d for d in h.find_by_type(ft.AlertDialog) if d.open)
    assert dialog.title.value == "That didn't save"
    return dialog.content.value


async def test_a_really_locked_file_gets_the_busy_message(mount, tmp_path, clock, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    db = db_module.open_database(tmp_path)
    services = AppServices(db, clock, notifier=RecordingNotifier())
    h = await mount_with_net(mount, services)
    blocker = sqlite3.connect(db.path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        await h.click(h.find_button(PLUS, exact=False))
    finally:
        blocker.rollback()
        blocker.close()
    assert shown_notice(h) == SAVE["busy"]
    assert services.goals.progress().today == 0, "nothing half-saved"
    db.dispose()


@pytest.mark.parametrize("kind", ["full", "read_only", "io"])
async def test_each_storage_failure_has_its_own_words(mount, services, monkeypatch, kind):
    def fails(**kwargs):
        raise StorageError("from the test", kind=kind, friendly=SAVE[kind])

    monkeypatch.setattr(services.applications, "log_application", fails)
    h = await mount_with_net(mount, services)
    await h.click(h.find_button(PLUS, exact=False))
    assert shown_notice(h) == SAVE[kind]
    assert "Is another copy" not in SAVE[kind]


async def test_a_bug_is_not_blamed_on_the_disk(mount, services, monkeypatch):
    def bug(**kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(services.applications, "log_application", bug)
    h = await mount_with_net(mount, services)
    await h.click(h.find_button(PLUS, exact=False))
    assert shown_notice(h) == GENERIC
