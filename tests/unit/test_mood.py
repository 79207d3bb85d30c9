"""Mood entries: logging, editing, deleting, per-day summaries and the word lists."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from services.errors import NotFound, ValidationError
from services.mood.service import NOTE_LIMIT, DaySummary
from services.mood.words import BUILTIN_ACTIVITIES, BUILTIN_FEELINGS, FEELING_GROUPS
from tests.conftest import LOCAL_TZ


def at(clock, day: date, hour: int = 12) -> None:
    clock.set(datetime(day.year, day.month, day.day, hour, 0, tzinfo=LOCAL_TZ))


def add_application(services, *, applied_on: date, status: str = "applied", company: str = "Acme") -> int:
    with services.db.engine.begin() as conn:
        result = conn.execute(
            text(
                "INSERT INTO application (company, role, applied_on, status, status_on, created_at, updated_at) "
                "VALUES (:c, 'Designer', :d, :s, :d, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),
            {"c": company, "d": applied_on.isoformat(), "s": status},
        )
        return result.lastrowid


def test_vocabulary_has_the_words_the_product_promises():
    must = {
        "disappointed",
        "hurt",
        "frustrated",
        "doubtful",
        "anxious",
        "spiteful",
        "numb",
        "embarrassed",
        "relieved",
        "calm",
        "hopeful",
        "motivated",
        "proud",
        "grateful",
    }
    assert must <= set(BUILTIN_FEELINGS)
    assert len(set(BUILTIN_FEELINGS)) == len(BUILTIN_FEELINGS) >= 30
    assert len(FEELING_GROUPS) == 4  # pleasant/unpleasant x high/low energy
    assert {"journaling", "walk", "cycling", "exercise", "talked to a friend", "rest", "hobby", "time outside"} <= set(
        BUILTIN_ACTIVITIES
    )


def test_quick_entry_needs_only_a_mood(services, clock):
    entry = services.mood.log_entry(mood=4)
    assert entry.id and entry.mood == 4 and entry.day == date(2026, 3, 4)
    assert entry.feelings == () and entry.note == "" and entry.intensity is None
    assert services.mood.entries_on(day=date(2026, 3, 4)) == [entry]


def test_local_day_not_utc_day(services, clock):
    # 22:30 in UTC-5 is already the next day in UTC: the entry still belongs to today.
    clock.set(datetime(2026, 3, 4, 22, 30, tzinfo=LOCAL_TZ))
    entry = services.mood.log_entry(mood=3)
    assert entry.day == date(2026, 3, 4)
    assert services.mood.get_entry(entry_id=entry.id).logged_at.astimezone(LOCAL_TZ).hour == 22


def test_full_entry_keeps_everything_and_learns_new_words(services):
    entry = services.mood.log_entry(
        mood=2,
        feelings=["Disappointed", "  gutted  ", "disappointed"],
        intensity=4,
        note="Heard back from Acme. Not this time.",
        activities=["walk", "Baked bread"],
    )
    again = services.mood.get_entry(entry_id=entry.id)
    assert set(again.feelings) == {"disappointed", "gutted"}
    assert set(again.activities) == {"walk", "baked bread"}
    assert again.intensity == 4 and again.note.startswith("Heard back")
    words = services.mood.vocabulary()
    assert words.own_feelings == ("gutted",)
    assert words.own_activities == ("baked bread",)
    assert "gutted" in words.all_feelings and "walk" in words.all_activities


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"mood": 0}, "mood"),
        ({"mood": 6}, "mood"),
        ({"mood": None}, "mood"),
        ({"mood": True}, "mood"),
        ({"mood": 3, "intensity": 9}, "intensity"),
        ({"mood": 3, "note": "x" * (NOTE_LIMIT + 1)}, "note"),
        ({"mood": 3, "feelings": ["x" * 201]}, "feelings"),
        ({"mood": 3, "application_id": 999}, "application_id"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(services, kwargs, field):
    with pytest.raises(ValidationError) as err:
        services.mood.log_entry(**{"feelings": ["brand new word"], **kwargs})
    assert field in err.value.errors
    assert services.mood.entries_on(day=date(2026, 3, 4)) == []
    assert services.mood.vocabulary().own_feelings == ()


def test_note_at_the_limit_is_fine(services):
    assert len(services.mood.log_entry(mood=3, note="y" * NOTE_LIMIT).note) == NOTE_LIMIT


def test_edit_replaces_contents_but_keeps_the_day(services, clock):
    entry = services.mood.log_entry(mood=2, feelings=["hurt"], activities=["rest"])
    clock.advance(days=2)
    edited = services.mood.edit_entry(entry_id=entry.id, mood=3, feelings=["calm"], note="Better now")
    assert edited.day == date(2026, 3, 4)
    again = services.mood.get_entry(entry_id=entry.id)
    assert (again.mood, again.feelings, again.activities, again.note) == (3, ("calm",), (), "Better now")


def test_delete_removes_the_entry_and_its_words(services):
    entry = services.mood.log_entry(mood=2, feelings=["hurt"], activities=["walk"])
    services.mood.delete_entry(entry_id=entry.id)
    with pytest.raises(NotFound):
        services.mood.get_entry(entry_id=entry.id)
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM mood_entry_feeling").scalar() == 0
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM mood_entry_activity").scalar() == 0


def test_day_summary_is_the_average_of_the_days_entries(services, clock):
    at(clock, date(2026, 3, 2), 9)
    services.mood.log_entry(mood=2)
    at(clock, date(2026, 3, 2), 20)
    services.mood.log_entry(mood=5)
    at(clock, date(2026, 3, 3))
    services.mood.log_entry(mood=3)
    summaries = services.mood.day_summaries(start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert summaries == [DaySummary(date(2026, 3, 2), 3.5, 2), DaySummary(date(2026, 3, 3), 3.0, 1)]
    assert summaries[0].mood == 4  # 3.5 rounds half-up to a face
    assert services.mood.summary_for(day=date(2026, 3, 3)).count == 1
    assert services.mood.summary_for(day=date(2026, 3, 9)) is None


def test_month_reads_only_that_month(services, clock):
    for d in (date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1)):
        at(clock, d)
        services.mood.log_entry(mood=4)
    assert sorted(services.mood.month(year=2026, month=3)) == [date(2026, 3, 1), date(2026, 3, 31)]
    assert list(services.mood.month(year=2026, month=2)) == [date(2026, 2, 28)]


def test_entry_links_to_an_application_and_survives_its_deletion(services):
    app_id = add_application(services, applied_on=date(2026, 3, 1), status="rejected")
    entry = services.mood.log_entry(mood=2, application_id=app_id, about_rejection=True)
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM application WHERE id = {app_id}")
    again = services.mood.get_entry(entry_id=entry.id)
    assert again.application_id is None and again.about_rejection  # SET NULL keeps the entry


def test_recent_entries_newest_first(services, clock):
    first = services.mood.log_entry(mood=1)
    clock.advance(hours=1)
    second = services.mood.log_entry(mood=5)
    assert [e.id for e in services.mood.recent_entries(limit=5)] == [second.id, first.id]
