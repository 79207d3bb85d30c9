"""Scheduling interview rounds: the status move, the stored moment, bad input, time zones,
editing, cancelling, deleting with Undo (fixed clock: Wed 4 March 2026, 09:30, UTC-5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from models.interview import InterviewUpdate
from services.clock import FixedClock
from services.container import AppServices
from services.errors import NotFound, ValidationError
from services.interviews import PAST_QUESTION, PastInterview, read_time
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_memory_database
from tests.unit.db_state import dump

WED = date(2026, 3, 4)
SAT = date(2026, 3, 7)


def acme(services, **fields):
    return services.applications.add_application(
        applied_on=WED - timedelta(days=10), company=fields.pop("company", "Acme"), role="Data Analyst", **fields
    )


def schedule(services, app, day=SAT, at="14:00", **fields):
    return services.interviews.schedule_interview(application_id=app.id, day=day, at=at, **fields)


def stored_start(db, interview_id: int) -> str:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT starts_at FROM interview WHERE id = ?", (interview_id,)).scalar()


def test_the_first_round_moves_the_application_to_interview_and_keeps_the_history(services):
    app = acme(services)
    services.applications.change_status(application_id=app.id, status="heard_back", on=WED - timedelta(days=2))
    first = schedule(services, app, round="technical")
    assert first.moved_to_interview and first.overlaps == []
    history = [(e.status, e.on) for e in services.applications.timeline(application_id=app.id)]
    assert history == [("applied", date(2026, 2, 22)), ("heard_back", date(2026, 3, 2)), ("interview", WED)]
    second = schedule(services, app, day=SAT + timedelta(days=4), round="final")
    assert not second.moved_to_interview
    assert len(services.applications.timeline(application_id=app.id)) == 3
    assert [w.title for w in services.wins.recent_wins()] == ["Interview with Acme", "Heard back from Acme"]


def test_a_round_logged_after_a_no_leaves_the_no_in_place(services):
    app = acme(services)
    services.applications.change_status(application_id=app.id, status="rejected", on=WED - timedelta(days=1))
    schedule(services, app, day=WED - timedelta(days=3), past_ok=True)
    assert services.applications.get(application_id=app.id).status == "rejected"


def test_the_company_asked_for_fills_in_a_quick_logged_application(services):
    [app_id] = services.applications.log_application()
    result = services.interviews.schedule_interview(application_id=app_id, day=SAT, at="9am", company=" Initech ")
    assert services.applications.get(application_id=app_id).company == "Initech"
    assert result.interview.title == "Interview with Initech"


def test_the_start_is_one_moment_stored_in_utc(services, db):
    app = acme(services)
    result = schedule(services, app, at="14:00")
    assert stored_start(db, result.interview.id) == "2026-03-07 19:00:00.000000"  # 14:00 at UTC-5
    assert result.interview.starts == datetime(2026, 3, 7, 14, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert result.interview.ends.time() == time(15, 0)


def test_a_round_in_the_past_asks_once_then_saves(services, db):
    app = acme(services)
    before = dump(db)
    with pytest.raises(PastInterview) as asked:
        schedule(services, app, day=WED, at="08:00")
    assert asked.value.errors == {"day": PAST_QUESTION}
    assert dump(db) == before, "asking writes nothing"
    result = schedule(services, app, day=WED - timedelta(days=2), at="08:00", past_ok=True)
    assert result.moved_to_interview
    # The status change is dated the day of the round, not today.
    assert services.applications.timeline(application_id=app.id)[-1].on == date(2026, 3, 2)


def test_a_round_before_the_application_is_refused(services):
    app = acme(services)
    with pytest.raises(ValidationError) as err:
        schedule(services, app, day=date(2026, 2, 1), past_ok=True)
    assert err.value.errors == {"day": "That's before you applied (22 Feb 2026)."}


def test_overlapping_rounds_are_allowed_and_noted(services):
    a, b = acme(services), acme(services, company="Globex")
    first = schedule(services, a, at="10:00", duration_minutes=60)
    overlapping = schedule(services, b, at="10:30", duration_minutes=30)
    assert [i.id for i in overlapping.overlaps] == [first.interview.id]
    assert [i.id for i in services.interviews.overlaps(interview_id=first.interview.id)] == [overlapping.interview.id]
    back_to_back = schedule(services, b, at="11:00")
    assert back_to_back.overlaps == []


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (0, "An interview needs at least 5 minutes."),
        (4, "An interview needs at least 5 minutes."),
        (24 * 60, "That's longer than 12 hours. For a take-home task, put the time you plan to spend on it."),
    ],
)
def test_durations_outside_five_minutes_to_twelve_hours_are_refused(services, db, minutes, message):
    app = acme(services)
    before = dump(db)
    with pytest.raises(ValidationError) as err:
        schedule(services, app, duration_minutes=minutes)
    assert err.value.errors == {"duration_minutes": message}
    assert dump(db) == before


def test_the_shortest_and_longest_durations_are_fine(services):
    app = acme(services)
    assert schedule(services, app, duration_minutes=5).interview.duration_minutes == 5
    assert schedule(services, app, at="16:00", duration_minutes=720).interview.ends.time() == time(4, 0)


def test_an_empty_name_is_refused_at_its_own_row(services, db):
    app = acme(services)
    before = dump(db)
    with pytest.raises(ValidationError) as err:
        schedule(services, app, people=[{"name": "Ana", "role": "Recruiter"}, {"name": "  ", "role": "Lead"}])
    assert err.value.errors == {"people.1.name": "Add their name, or remove this row."}
    assert dump(db) == before
    kept = schedule(services, app, people=[{"name": " Zoë\tÑúñez ", "role": " Head of Data "}])
    assert kept.interview.people == (("Zoë Ñúñez", "Head of Data"),)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("14:30", time(14, 30)), ("9.05", time(9, 5)), ("2:30 pm", time(14, 30)), ("12 am", time(0, 0)),
     ("12pm", time(12, 0)), ("7", time(7, 0)), ("09h15", time(9, 15))],
)
def test_typed_times(typed, expected):
    assert read_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "7:60", "", "noon", "13 pm", "0 am", "1:5", None, 14])
def test_unreadable_times_are_refused_at_the_time_field(typed):
    with pytest.raises(ValidationError) as err:
        read_time(typed)
    assert list(err.value.errors) == ["at"]


def test_a_time_zone_change_keeps_the_moment_and_says_so(services, clock):
    app = acme(services)
    interview_id = schedule(services, app, at="14:00").interview.id
    assert services.interviews.get(interview_id=interview_id).zone_note is None
    clock.set(clock.now().astimezone(timezone(timedelta(hours=1))))  # flew to Berlin
    moved = services.interviews.get(interview_id=interview_id)
    assert moved.starts.astimezone(UTC) == datetime(2026, 3, 7, 19, 0, tzinfo=UTC)
    assert (moved.starts.hour, moved.starts.minute) == (20, 0)
    assert moved.zone_note == (
        "You set this for 14:00 (UTC−05:00). This device is now on UTC+01:00, so that's 20:00 here."
    )


def test_a_round_after_the_clocks_change_is_at_the_time_typed():
    london = ZoneInfo("Europe/London")
    clock = FixedClock(datetime(2026, 3, 25, 9, 0, tzinfo=london))  # GMT (UTC+0)
    services = AppServices(open_memory_database(), clock, notifier=RecordingNotifier())
    app = services.applications.add_application(applied_on=date(2026, 3, 20), company="Acme")
    result = services.interviews.schedule_interview(application_id=app.id, day=date(2026, 3, 30), at="10:00")
    # British Summer Time began on 29 March: 10:00 BST is 09:00 UTC.
    assert stored_start(services.db, result.interview.id) == "2026-03-30 09:00:00.000000"
    assert result.interview.starts.hour == 10 and result.interview.zone_note is None


def test_editing_moves_the_round_and_asks_again_only_for_a_past_time(services, db):
    app = acme(services)
    interview_id = schedule(services, app).interview.id
    moved = services.interviews.update_interview(
        interview_id=interview_id, changes=InterviewUpdate(day=SAT + timedelta(days=1), at=time(9, 30), round="panel")
    )
    assert (moved.interview.starts.date(), moved.interview.round) == (date(2026, 3, 8), "panel")
    assert stored_start(db, interview_id) == "2026-03-08 14:30:00.000000"
    with pytest.raises(PastInterview):
        services.interviews.update_interview(interview_id=interview_id, changes=InterviewUpdate(day=WED - timedelta(days=1)))
    assert stored_start(db, interview_id) == "2026-03-08 14:30:00.000000"
    past = services.interviews.update_interview(
        interview_id=interview_id, changes=InterviewUpdate(day=WED - timedelta(days=1)), past_ok=True
    )
    assert past.interview.starts.date() == date(2026, 3, 3)
    # Notes on a round that has passed don't ask.
    noted = services.interviews.update_interview(interview_id=interview_id, changes=InterviewUpdate(after_notes="Went well"))
    assert noted.interview.after_notes == "Went well"
    with pytest.raises(ValidationError) as err:
        services.interviews.update_interview(interview_id=interview_id, changes=InterviewUpdate(duration_minutes=0))
    assert list(err.value.errors) == ["duration_minutes"]


def test_cancelling_takes_a_round_out_of_what_is_coming_and_reinstating_brings_it_back(services):
    app = acme(services)
    interview_id = schedule(services, app).interview.id
    services.interviews.cancel_interview(interview_id=interview_id)
    assert services.interviews.get(interview_id=interview_id).cancelled_on == WED
    assert services.interviews.upcoming() == []
    assert services.interviews.plans.plan(interview_id=interview_id) is None
    assert services.interviews.rounds_between(start=WED, end=SAT) == []
    assert services.applications.get(application_id=app.id).status == "interview"  # the invitation was real
    services.interviews.reinstate_interview(interview_id=interview_id)
    assert [i.id for i in services.interviews.upcoming()] == [interview_id]


def test_deleting_a_round_and_undo(services, db):
    app = acme(services)
    interview_id = schedule(services, app, day=WED - timedelta(days=1), past_ok=True).interview.id
    services.interviews.after.add_question(interview_id=interview_id, text="Why us?")
    before = dump(db)
    snapshot = services.interviews.delete_interview(interview_id=interview_id)
    with pytest.raises(NotFound):
        services.interviews.get(interview_id=interview_id)
    assert dump(db)["interview_question"] == []
    services.interviews.restore_interview(snapshot=snapshot)
    assert dump(db) == before


def test_deleting_an_application_takes_its_rounds_and_undo_puts_everything_back(services, db):
    """The application's Undo snapshot follows foreign keys: rounds, their questions, the
    check-in's link and the card made from a question all come back."""
    app = acme(services)
    past = schedule(services, app, day=WED - timedelta(days=1), past_ok=True).interview.id
    schedule(services, app, round="final")
    services.interviews.after.check_in(interview_id=past, mood=4, feelings=["relieved"])
    question = services.interviews.after.add_question(interview_id=past, text="Tell me about a dashboard you built")
    services.interviews.after.question_to_card(question_id=question.id)
    services.interviews.after.thank_you_sent(interview_id=past, to="Ana", topic="their data platform")
    assert services.interviews.count_for_application(application_id=app.id) == 2
    before = dump(db)
    snapshot = services.applications.delete_application(application_id=app.id)
    after = dump(db)
    assert after["interview"] == [] and after["interview_question"] == []
    assert len(after["practice_card"]) == len(before["practice_card"]), "the card stays in the deck"
    services.applications.restore_application(snapshot=snapshot)
    assert dump(db) == before


def test_scheduling_needs_an_application_that_is_there(services):
    with pytest.raises(NotFound):
        services.interviews.schedule_interview(application_id=999, day=SAT, at="10:00")
