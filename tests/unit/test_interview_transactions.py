"""One user action = one transaction, for the interview actions that write more than one
thing: a later step is made to fail and the whole database must be as it was."""

from __future__ import annotations

from datetime import date

import pytest

from services.applications.service import ApplicationService
from services.applications.wins import WinService
from services.interviews import after as after_module
from services.mood.service import MoodService
from tests.unit.test_transactions import Boom, boom, fails_whole

SAT = date(2026, 3, 7)


@pytest.fixture
def app_id(services):
    return services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme").id


def test_scheduling_the_first_round_with_its_status_move(services, db, app_id, monkeypatch):
    monkeypatch.setattr(ApplicationService, "_record_status", boom)  # after the interview row is flushed
    fails_whole(db, lambda: services.interviews.schedule_interview(application_id=app_id, day=SAT, at="10:00"))
    monkeypatch.undo()
    result = services.interviews.schedule_interview(application_id=app_id, day=SAT, at="10:00")
    assert result.moved_to_interview


@pytest.fixture
def interview_id(services, app_id):
    return services.interviews.schedule_interview(application_id=app_id, day=date(2026, 3, 3), at="10:00",
                                                  past_ok=True).interview.id


def test_the_check_in_with_its_mood_entry(services, db, interview_id, monkeypatch):
    monkeypatch.setattr(MoodService, "_write_words", boom)  # after the mood entry is flushed
    fails_whole(db, lambda: services.interviews.after.check_in(interview_id=interview_id, mood=4, feelings=["calm"]))


def test_a_question_turned_into_a_card(services, db, interview_id, monkeypatch):
    question = services.interviews.after.add_question(interview_id=interview_id, text="Why us?")
    real = after_module.id_of
    monkeypatch.setattr(after_module, "id_of", lambda row: boom() if row.__class__.__name__ == "PracticeCard" else real(row))
    fails_whole(db, lambda: services.interviews.after.question_to_card(question_id=question.id))


def test_the_thank_you_note_and_its_win(services, db, interview_id, monkeypatch):
    monkeypatch.setattr(WinService, "record_in", boom)  # after the note is marked sent
    fails_whole(db, lambda: services.interviews.after.thank_you_sent(interview_id=interview_id, to="Ana"))


def test_an_outcome_with_its_status_move(services, db, interview_id, monkeypatch):
    monkeypatch.setattr(ApplicationService, "_record_status", boom)
    fails_whole(db, lambda: services.interviews.after.set_outcome(interview_id=interview_id, outcome="offer"))
    assert Boom
