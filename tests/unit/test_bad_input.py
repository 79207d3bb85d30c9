"""Bad input of any kind, through every create, update and search method.

Hypothesis mixes plausible values with wild ones (None, bools, huge ints, NaN,
bytes, lone surrogates, 60 kB text, year 1 and year 9999, datetimes for dates,
lists and dicts). Whatever it sends:
- only our ValidationError or NotFound comes out (never sqlite's OverflowError,
  "LIKE pattern too complex", a TypeError...);
- a refused call leaves the whole database exactly as it was;
- every stored value has its column's type (typeof() in SQL: a bytes company
  would be a BLOB, a datetime in a DATE column would not read back as a day).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.application import ApplicationUpdate
from models.feedback import FeedbackUpdate
from models.practice import PracticeCardUpdate
from services.clock import FixedClock
from services.container import AppServices
from services.errors import NotFound, ValidationError
from services.reminders.notify import RecordingNotifier
from services.storage.db import open_memory_database
from tests.conftest import LOCAL_TZ
from tests.unit.db_state import dump, mistyped

TODAY = date(2026, 3, 4)

NASTY = [
    None, True, False, 0, -1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 1.5, float("nan"), float("inf"),
    "", "   ", "\ud800", "a\x00b", "🚀" * 300, "مرحبا", "'; DROP TABLE application;--", "%_\\",
    "x" * 201, "x" * 20_001, "x" * 50_001, b"bytes", bytearray(b"x"), date(1, 1, 1), date(9999, 12, 31),
    datetime(2026, 3, 4, 10, 0), timedelta(days=1), [], ["a", 1], [b"x"], {"a": 1}, object(),
]
wild = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.one_of(st.text(max_size=10), st.integers(), st.binary(max_size=5)), max_size=5),
)
words = st.text(min_size=1, max_size=60)  # "" comes with the nasty values
days = st.dates(min_value=TODAY - timedelta(days=400), max_value=TODAY + timedelta(days=3))
ids = st.sampled_from([1, 2, 3])


def edge(low: int, high: int):
    """Whole numbers in range first (the simplest example is valid), then the edges just outside."""
    return st.integers(low, high) | st.sampled_from([low - 1, high + 1])


def either(plausible):
    return st.one_of(plausible, st.sampled_from(NASTY), wild)


def fresh() -> AppServices:
    """A database with one of everything, so ids 1..3 mostly exist."""
    services = AppServices(
        open_memory_database(), FixedClock(datetime(2026, 3, 4, 9, 30, tzinfo=LOCAL_TZ)), notifier=RecordingNotifier()
    )
    for company in ("Acme", "Globex", "Initech"):
        services.applications.add_application(applied_on=TODAY - timedelta(days=20), company=company)
    for question in ("Why us?", "A hard day?", "Leading?"):
        services.practice.deck.create_card(question=question)
    for mood in (2, 3, 4):
        services.mood.log_entry(mood=mood, feelings=["hopeful"])
    for company in ("Acme", "Globex", "Initech"):
        record = services.feedback.record_feedback(company=company)
        services.feedback.actions.add_action(feedback_id=record.id, text=f"Ask {company} again")
    return services


def shape(kind, fields: dict):
    """An update shape as a careless caller might hand it over: built without validation."""
    return st.fixed_dictionaries({}, optional={k: either(v) for k, v in fields.items()}).map(
        lambda given: kind.model_construct(_fields_set=set(given), **given)
    )


S = {  # a service path -> its parameters' plausible values (each also gets wild ones)
    "applications.log_application": {"count": edge(1, 50), "source": words},
    "applications.add_application": {
        "applied_on": days, "company": words, "role": words, "source": words, "industry": words,
        "company_size": st.sampled_from(["1-10", "5000+", "huge"]), "link": words, "notes": words,
        "status": st.sampled_from(["applied", "interview", "offer", "rejected", "hired"]),
    },
    "applications.update_application": {
        "application_id": ids,
        "changes": shape(ApplicationUpdate, {"applied_on": days, "company": words, "notes": words,
                                             "company_size": st.sampled_from(["11-50", "big"])}),
    },
    "applications.change_status": {
        "application_id": ids, "status": st.sampled_from(["heard_back", "interview", "rejected", "nope"]),
        "on": days, "company": words,
    },
    "applications.set_reapply_after": {"application_id": ids, "on": days},
    "applications.mark_no_reply": {"before": days},
    "applications.undo_log": {"ids": st.lists(ids, max_size=3)},
    "applications.delete_application": {"application_id": ids},
    "applications.waiting_period": {"company": words, "exclude_id": ids},
    "applications.queries.list_applications": {
        "text": words, "statuses": st.lists(st.sampled_from(["applied", "rejected", "x"]), max_size=3),
        "date_from": days, "date_to": days, "source": words, "offset": st.integers(0, 100),
        "limit": edge(1, 200),
    },
    "wins.add_win": {"title": words, "on": days},
    "goals.set_goals": {"daily_target": edge(1, 50), "weekly_target": edge(1, 350),
                        "rest_weekdays": st.lists(st.integers(-1, 8), max_size=8)},
    "goals.set_show_streak": {"show": st.booleans()},
    "patterns.patterns": {"dimension": st.sampled_from(["source", "industry", "role", "colour"])},
    "mood.log_entry": {
        "mood": edge(1, 5), "feelings": st.lists(words, max_size=4), "intensity": edge(1, 5),
        "note": words, "activities": st.lists(words, max_size=4), "application_id": ids,
        "about_rejection": st.booleans(),
    },
    "mood.edit_entry": {"entry_id": ids, "mood": edge(1, 5), "feelings": st.lists(words, max_size=4),
                        "note": words, "application_id": ids},
    "mood.delete_entry": {"entry_id": ids},
    "mood.entries_on": {"day": days},
    "mood.day_summaries": {"start": days, "end": days},
    "mood.month": {"year": edge(1900, 2100), "month": edge(1, 12)},
    "practice.deck.create_card": {
        "question": words, "category": st.sampled_from(["behavioral", "teamwork", "chess"]),
        "tags": st.lists(words, max_size=4), "situation": words, "result": words, "notes": words,
    },
    "practice.deck.update_card": {
        "card_id": ids,
        "changes": shape(PracticeCardUpdate, {"question": words, "category": st.sampled_from(["failure", "x"]),
                                               "tags": st.lists(words, max_size=3), "notes": words}),
    },
    "practice.deck.archive_card": {"card_id": ids, "archived": st.booleans()},
    "practice.deck.delete_card": {"card_id": ids},
    "practice.deck.list_cards": {"search": words, "category": st.sampled_from(["behavioral", "x"]), "tag": words,
                                 "archived": st.booleans(), "limit": edge(1, 200), "offset": st.integers(0, 9)},
    "practice.deck.duplicates_of": {"question": words, "exclude_id": ids},
    "practice.schedule.review_card": {"card_id": ids, "rating": edge(1, 4),
                                      "duration_ms": st.integers(-5, 10**9), "mode": st.sampled_from(["mock", "x"])},
    "practice.schedule.record_mock_answer": {"card_id": ids, "hard": st.booleans(), "note": words,
                                             "duration_ms": st.integers(0, 10**6)},
    "practice.schedule.set_new_per_day": {"limit": edge(0, 200)},
    "practice.schedule.pick_mock": {"count": st.integers(-1, 5), "category": st.sampled_from(["teamwork", "x"])},
    "feedback.record_feedback": {"company": words, "role": words, "rejected_on": days, "what_they_said": words,
                                 "theme": st.sampled_from(["examples", "vibes"]), "manager_name": words},
    "feedback.update_feedback": {
        "feedback_id": ids,
        "changes": shape(FeedbackUpdate, {"company": words, "contact_email": st.sampled_from(["a@b.c", "nope"]),
                                          "what_they_said": words, "theme": st.sampled_from(["culture", "x"])}),
    },
    "feedback.start_for_application": {"application_id": ids},
    "feedback.mark_asked": {"feedback_id": ids, "on": days},
    "feedback.mark_received": {"feedback_id": ids, "what_they_said": words, "theme": st.sampled_from(["skills", "x"]),
                               "on": days},
    "feedback.set_status": {"feedback_id": ids, "status": st.sampled_from(["asked", "no_reply", "received", "x"])},
    "feedback.set_your_name": {"name": words},
    "feedback.save_request_details": {"feedback_id": ids, "manager_name": words,
                                      "contact_email": st.sampled_from(["p@q.r", "", "x"]), "your_name": words},
    "feedback.send_request": {"application_id": ids, "manager_name": words, "your_name": words},
    "feedback.delete_feedback": {"feedback_id": ids},
    "feedback.queries.list_feedback": {"status": st.sampled_from(["asked", "x"]), "limit": edge(1, 200),
                                       "offset": st.integers(0, 5)},
    "feedback.actions.add_action": {"feedback_id": ids, "text": words},
    "feedback.actions.add_actions": {"feedback_id": ids, "texts": st.lists(words, max_size=4)},
    "feedback.actions.edit_action": {"action_id": ids, "text": words},
    "feedback.actions.set_action_done": {"action_id": ids, "done": st.booleans(), "on": days},
    "feedback.actions.delete_action": {"action_id": ids},
    "feedback.actions.turn_into_practice": {"feedback_id": ids, "questions": st.lists(words, max_size=4)},
    "settings.set_theme_mode": {"mode": st.sampled_from(["dark", "light", "sepia"])},
}


def method_of(services: AppServices, path: str):
    owner = services
    for part in path.split(".")[:-1]:
        owner = getattr(owner, part)
    return getattr(owner, path.rsplit(".", 1)[1])


def call(services: AppServices, method, kwargs: dict) -> None:
    before = dump(services.db)
    try:
        method(**kwargs)
    except (ValidationError, NotFound):
        assert dump(services.db) == before, "a refused call wrote something"
        return
    except TypeError as exc:
        # Only a missing required argument may raise this (the caller's bug, not input).
        assert "required keyword-only argument" in str(exc), exc
        assert dump(services.db) == before
        return
    if dump(services.db) != before:
        assert mistyped(services.db) == []


SETTINGS = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("path", sorted(S))
def test_random_mixes_of_plausible_and_wild_values(path):
    services, params = fresh(), S[path]
    method = method_of(services, path)

    @settings(SETTINGS, max_examples=30)
    @given(st.fixed_dictionaries({}, optional={k: either(v) for k, v in params.items()}))
    def check(kwargs):
        call(services, method, kwargs)

    check()


@pytest.mark.parametrize("path", sorted(S))
def test_every_nasty_value_in_every_parameter(path):
    """Each known-nasty value in each parameter in turn, the others plausible."""
    services, params = fresh(), S[path]
    method = method_of(services, path)

    @settings(SETTINGS, max_examples=1)
    @given(st.fixed_dictionaries(params))
    def sweep(base):
        for name in params:
            for value in NASTY:
                call(services, method, {**base, name: value})

    sweep()


def test_the_cases_found_by_hand_are_refused_kindly(services):
    """The four from the review: a 50 kB search, a rejection in year 1, a 2**63 id, bytes as text."""
    with pytest.raises(ValidationError) as err:
        services.applications.queries.list_applications(text="a" * 50_000)
    assert err.value.errors == {"text": "Search for up to 200 characters."}
    app = services.applications.add_application(applied_on=TODAY, company="Acme")
    with pytest.raises(ValidationError) as err:
        services.applications.change_status(application_id=app.id, status="rejected", on=date(1, 1, 1))
    assert err.value.errors == {"on": "Pick a date between 1900 and 2100."}
    with pytest.raises(NotFound):
        services.applications.get(application_id=99999999999999999999)
    with pytest.raises(ValidationError) as err:
        services.applications.add_application(applied_on=TODAY, company=b"Acme")
    assert err.value.errors == {"company": "Please write this as plain text."}


def test_a_year_one_rejection_saved_before_the_check_no_longer_breaks_bounce_backs(services, db):
    app = services.applications.add_application(applied_on=TODAY, company="Acme")
    with db.engine.begin() as conn:  # as an older version let it be stored
        conn.exec_driver_sql(
            "INSERT INTO status_change (application_id, status, changed_on, created_at) VALUES (?, 'rejected', ?, ?)",
            (app.id, "0001-01-01", datetime(2026, 3, 4, tzinfo=UTC).isoformat()),
        )
    report = services.mood_insights.bounce_backs()
    assert report.total == 1 and report.items[0].days is None
