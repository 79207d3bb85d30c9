"""Settings › Import, headless: pick a file, match moods, preview, import, summary."""

from __future__ import annotations

import flet as ft
import pytest

from services.container import AppServices
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_database

pytestmark = pytest.mark.asyncio

DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-03-02,March 2,Monday,8:30 PM,good,walk | friends,,"Call went well, I think"\n'
    "2026-03-01,March 1,Sunday,7:05 AM,stormy,,,\n"
)


@pytest.fixture
def file_services(tmp_path, clock):
    db = open_database(tmp_path / "data")
    yield AppServices(db, clock, notifier=RecordingNotifier())
    db.dispose()


def picker_of(h) -> ft.FilePicker:
    return next(s for s in h.page._services._services if isinstance(s, ft.FilePicker))


async def test_daylio_with_an_unknown_mood_goes_through_matching(mount, file_services, tmp_path):
    from views.app import start

    services = file_services
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    h = await mount(lambda page: start(page, services, reminders=False, safety_net=False), width=390, height=844)
    await h.go("/settings")
    await h.click(h.find_button("Import…"))
    assert h.find_text("What you can bring in")
    await h.dispatch(picker_of(h), "result", {"files": [{"id": 0, "name": "daylio.csv", "size": path.stat().st_size, "path": str(path)}]})
    # The person's own mood name must be placed before going on; Daylio's "good" is matched already.
    assert h.find_by_key("mood-stormy").label == "“stormy”, 1 entry"
    assert h.find_by_key("mood-good").value == "4"  # Daylio's own names are matched already
    assert h.find_button("Continue").disabled
    await h.set_value(h.find_by_key("mood-stormy"), "2", event="select")
    assert not h.find_button("Continue").disabled
    await h.click(h.find_button("Continue"))
    assert h.find_text("What will come in")
    assert h.find_text("2 mood entries to add")
    assert services.mood.recent_entries(limit=10) == []  # a preview writes nothing
    await h.click(h.find_button("Import"))
    assert h.find_text("All in")
    assert h.find_text("2 mood entries added")
    entries = services.mood.recent_entries(limit=10)
    assert [(e.day.isoformat(), e.mood, tuple(sorted(e.activities)), e.note) for e in entries] == [
        ("2026-03-02", 4, ("friends", "walk"), "Call went well, I think"),
        ("2026-03-01", 2, (), ""),
    ]
    assert any("before-import" in p.name for p in (services.db.path.parent / "backups").iterdir())


async def _open_import(mount, services, width=1280, height=800):
    from views.app import start

    h = await mount(lambda page: start(page, services, reminders=False, safety_net=False), width=width, height=height)
    await h.go("/settings")
    await h.click(h.find_button("Import…"))
    return h


async def test_a_file_that_cant_be_imported_says_why_at_the_picker(mount, file_services, tmp_path):
    services = file_services
    path = tmp_path / "sheet.csv"
    path.write_bytes("Company,Role,Date applied\nCafé,Chef,2026-02-02\n".encode("cp1252"))
    h = await _open_import(mount, services)
    await h.dispatch(picker_of(h), "result", {"files": [{"id": 0, "name": "sheet.csv", "size": 40, "path": str(path)}]})
    assert h.find_text("This file can't be imported as it is")
    assert h.find_text("Line 2: this file isn't saved as UTF-8 text", exact=False)
    assert h.find_text("Nothing was written: your data is as it was.")
    assert h.find_button("Choose a file…")  # pick another straight away


async def test_in_the_browser_the_file_is_uploaded_read_once_and_deleted(mount, file_services, tmp_path):
    services = file_services
    h = await _open_import(mount, services, width=390, height=844)
    picker = picker_of(h)
    await h.dispatch(picker, "result", {"files": [{"id": 3, "name": "My Deck.txt", "size": 60}]})
    ((_, name, args),) = [i for i in h.invocations if i[1] == "upload"]
    (upload,) = args["files"]
    assert upload.id == 3 and upload.name == "My Deck.txt"
    stored = services.db.path.parent / "uploads" / upload.upload_url.rsplit("/", 1)[-1]
    stored.parent.mkdir(exist_ok=True)
    stored.write_text("#separator:tab\nWhy this team?\tThe mission\n", encoding="utf-8")  # what Flet's endpoint writes
    await h.dispatch(picker, "upload", {"file_name": "My Deck.txt", "progress": 1.0})
    assert h.find_text("My Deck.txt: an Anki deck")  # the name the person picked, not the upload's
    assert h.find_text("1 practice question to add")
    assert not stored.exists(), "the uploaded copy is deleted once read"


async def test_too_big_for_the_browser_is_refused_before_sending(mount, file_services):
    h = await _open_import(mount, file_services)
    await h.dispatch(picker_of(h), "result", {"files": [{"id": 0, "name": "huge.csv", "size": 200 * 1024 * 1024}]})
    assert h.find_text("That file is 200 MB", exact=False)
    assert not [i for i in h.invocations if i[1] == "upload"]


async def test_a_spreadsheet_goes_through_column_matching(mount, file_services, tmp_path):
    services = file_services
    path = tmp_path / "tracker.csv"
    path.write_text("Org,Position,When,Stage\nAcme,Analyst,2026-02-01,Offer stage\nGlobex,PM,2026-02-03,Saved\n",
                    encoding="utf-8")
    h = await _open_import(mount, services, width=390, height=844)
    await h.dispatch(picker_of(h), "result", {"files": [{"id": 0, "name": "tracker.csv", "size": 99, "path": str(path)}]})
    assert h.find_text("Which column is which")
    assert h.find_button("Continue").disabled  # no column for the date applied yet
    await h.set_value(h.find_by_key("column-applied_on"), "When", event="select")
    await h.set_value(h.find_by_key("column-company"), "Org", event="select")
    await h.set_value(h.find_by_key("status-Offer stage"), "offer", event="select")
    await h.set_value(h.find_by_key("status-Saved"), "skip", event="select")
    await h.click(h.find_button("Continue"))
    assert h.find_text("1 application to add")
    assert h.find_text("1 application to leave out: not applied yet")
    await h.click(h.find_button("Import"))
    assert h.find_text("1 application added")
    (app,) = services.applications.queries.list_applications(text=None, statuses=None, date_from=None, date_to=None, source=None).items
    assert (app.company, app.role, str(app.applied_on), app.status) == ("Acme", "Analyst", "2026-02-01", "offer")
