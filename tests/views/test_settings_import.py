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
