"""The .ics file per interview, parsed back (fixed clock: Wed 4 March 2026, 09:30, UTC-5)."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar

from models.interview import InterviewUpdate
from services.clock import FixedClock
from services.container import AppServices
from services.interviews.calendar import file_name
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_database
from tests.conftest import LOCAL_TZ

COMPANY = "Zoë’s Café 😀"


def make(services, **fields):
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company=COMPANY, role="Data Analyst")
    return services.interviews.schedule_interview(
        application_id=app.id, day=date(2026, 3, 7), at="14:00", round="technical", duration_minutes=45,
        location="https://meet.example.com/abc-defg", people=[{"name": "José Núñez", "role": "Head of “Data”"}],
        prep_notes="Bring the churn dashboard; ask about the team; \\ no slash trouble", **fields,
    ).interview


def event_of(data: bytes):
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return event


def test_the_file_parses_back_to_the_interview(services):
    interview = make(services)
    made = services.interviews.calendar.ics(interview_id=interview.id)
    event = event_of(made.data)
    assert event.decoded("dtstart") == datetime(2026, 3, 7, 19, 0, tzinfo=UTC)  # 14:00 at UTC-5
    assert event.decoded("dtend") == datetime(2026, 3, 7, 19, 45, tzinfo=UTC)
    assert str(event["summary"]) == f"Technical interview with {COMPANY}"
    assert str(event["location"]) == "https://meet.example.com/abc-defg"
    assert str(event["description"]) == (
        f"Role: Data Analyst at {COMPANY}\nRound: Technical (video call)\nWith: José Núñez (Head of “Data”)\n"
        "Where: https://meet.example.com/abc-defg\n\n"
        "Bring the churn dashboard; ask about the team; \\ no slash trouble"
    )
    assert str(event["uid"]) == f"{interview.uuid}@bounceback.app"
    assert str(event["status"]) == "CONFIRMED"
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(hours=-1)
    assert made.name == "technical-interview-with-zoes-cafe-2026-03-07.ics"


def test_the_text_follows_rfc_5545(services):
    data = services.interviews.calendar.ics(interview_id=make(services).id).data
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "content lines are folded at 75 octets"
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"VERSION:2.0" in lines and b"PRODID:-//Bounceback//Interviews//EN" in lines


def test_an_edit_updates_the_same_event_and_a_cancel_says_so(services, clock):
    interview = make(services)
    first = event_of(services.interviews.calendar.ics(interview_id=interview.id).data)
    clock.advance(minutes=5)
    services.interviews.update_interview(interview_id=interview.id, changes=InterviewUpdate(at=time(15, 30)))
    moved = event_of(services.interviews.calendar.ics(interview_id=interview.id).data)
    assert str(moved["uid"]) == str(first["uid"])
    assert int(moved["sequence"]) > int(first["sequence"])
    assert moved.decoded("dtstart") == datetime(2026, 3, 7, 20, 30, tzinfo=UTC)
    clock.advance(minutes=5)
    services.interviews.cancel_interview(interview_id=interview.id)
    cancelled = event_of(services.interviews.calendar.ics(interview_id=interview.id).data)
    assert str(cancelled["status"]) == "CANCELLED" and cancelled.walk("VALARM") == []
    assert int(cancelled["sequence"]) > int(moved["sequence"])


def test_the_exported_copy_is_private(tmp_path):
    services = AppServices(open_database(tmp_path), FixedClock(datetime(2026, 3, 4, 9, 30, tzinfo=LOCAL_TZ)),
                           notifier=RecordingNotifier())
    try:
        interview = make(services)
        made = services.interviews.calendar.export_ics(interview_id=interview.id)
        assert made.path == tmp_path / "exports" / made.name
        assert made.path.read_bytes() == made.data
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
        assert [p.name for p in made.path.parent.iterdir()] == [made.name], "no temporary file left"
    finally:
        services.db.dispose()


def test_file_names_are_plain_ascii():
    day = datetime(2026, 3, 7, 14, 0)
    assert file_name("Final interview with Ünïcode GmbH", day) == "final-interview-with-unicode-gmbh-2026-03-07.ics"
    assert file_name("面接", day) == "interview-2026-03-07.ics"
