"""One user action = one transaction: when any step after the first write fails,
nothing of the action remains (the whole database is compared before and after).

Each test makes a later step of a multi-write action raise, the way a full disk or a
bug would, and checks the first step's write is gone too.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.feedback import FeedbackUpdate
from services.applications.service import ApplicationService
from services.errors import ValidationError
from services.feedback.actions import FeedbackActions
from services.feedback.service import YOUR_NAME_KEY, FeedbackService
from services.practice import schedule as schedule_module
from services.settings import SettingsService
from tests.unit.db_state import dump


class Boom(RuntimeError):
    pass


def boom(*_args, **_kwargs):
    raise Boom("a later step failed")


def fails_whole(db, action) -> None:
    before = dump(db)
    with pytest.raises((Boom, ValidationError)):
        action()
    assert dump(db) == before, "nothing of the action remains"


def test_status_change_with_company(services, db, monkeypatch):
    """The status dialog fills in a missing company and moves the status: one call."""
    [app_id] = services.applications.log_application()
    monkeypatch.setattr(ApplicationService, "_record_status", boom)  # after the company is set
    fails_whole(db, lambda: services.applications.change_status(application_id=app_id, status="interview", company="Acme"))
    monkeypatch.undo()
    # A bad date is refused before anything, company included.
    fails_whole(db, lambda: services.applications.change_status(
        application_id=app_id, status="interview", company="Acme", on=services.clock.today() + timedelta(days=1)))
    # And when it works, both land.
    app = services.applications.change_status(application_id=app_id, status="interview", company="Acme")
    assert (app.company, app.status) == ("Acme", "interview")
    assert [w.title for w in services.wins.recent_wins()] == ["Interview with Acme"]


def test_a_blank_company_for_a_status_that_needs_one_is_refused(services, db):
    [app_id] = services.applications.log_application()
    fails_whole(db, lambda: services.applications.change_status(application_id=app_id, status="offer", company="  "))


def test_add_application_with_a_status(services, db, monkeypatch):
    """The application, its status change, the small win and closing old waiting periods."""
    monkeypatch.setattr(ApplicationService, "_close_waiting_periods", boom)
    fails_whole(db, lambda: services.applications.add_application(
        applied_on=services.clock.today(), company="Acme", status="interview"))


def test_mark_no_reply_moves_all_or_none(services, db, monkeypatch):
    old = services.clock.today() - timedelta(days=40)
    for company in ("A", "B", "C"):
        services.applications.add_application(applied_on=old, company=company)
    real = ApplicationService._record_status
    calls = []

    def second_fails(self, s, app, status, on):
        calls.append(app.id)
        if len(calls) == 2:
            raise Boom("disk full")
        real(self, s, app, status, on)

    monkeypatch.setattr(ApplicationService, "_record_status", second_fails)
    fails_whole(db, lambda: services.applications.mark_no_reply(before=services.clock.today()))
    assert len(calls) == 2


def test_turn_into_practice_is_all_cards_or_none(services, db, monkeypatch):
    record = services.feedback.record_feedback(company="Acme", theme="examples")
    # An invalid second card used to leave the first one saved.
    fails_whole(db, lambda: services.feedback.actions.turn_into_practice(
        feedback_id=record.id, questions=["Tell me about a result you're proud of.", "x" * 600]))
    # A failure after the cards are added (the action item) takes the cards with it.
    monkeypatch.setattr(FeedbackActions, "_add_in", boom)
    fails_whole(db, lambda: services.feedback.actions.turn_into_practice(
        feedback_id=record.id, questions=["One?", "Two?"]))
    monkeypatch.undo()
    ids = services.feedback.actions.turn_into_practice(feedback_id=record.id, questions=["One?", "Two?"])
    assert len(ids) == 2 and services.feedback.actions.practice_card_ids(feedback_id=record.id) == ids
    assert [a.text for a in services.feedback.actions.for_record(feedback_id=record.id)] == [
        "Practise the questions made from this feedback"
    ]


def test_a_mock_answer_keeps_note_and_review_together(services, db, monkeypatch):
    card = services.practice.deck.create_card(question="Why this team?")
    monkeypatch.setattr(schedule_module.SCHEDULER, "review_card", boom)  # after the note is set
    fails_whole(db, lambda: services.practice.schedule.record_mock_answer(card_id=card.id, hard=True, note="Rambled"))
    monkeypatch.undo()
    services.practice.schedule.record_mock_answer(card_id=card.id, hard=True, note="Rambled")
    assert "Rambled" in services.practice.deck.get_card(card_id=card.id).notes
    assert [r.mode for r in services.practice.schedule.reviews_of(card_id=card.id)] == ["mock"]


def test_a_review_and_the_action_it_ticks_off_land_together(services, db):
    record = services.feedback.record_feedback(company="Acme")
    [card_id] = services.feedback.actions.turn_into_practice(feedback_id=record.id, questions=["Why us?"])
    services.practice.schedule.after_review.append(boom)  # runs after the tick-off hook
    fails_whole(db, lambda: services.practice.schedule.review_card(card_id=card_id, rating=3))
    services.practice.schedule.after_review.remove(boom)
    services.practice.schedule.review_card(card_id=card_id, rating=3)
    [item] = services.feedback.actions.for_record(feedback_id=record.id)
    assert item.done and item.done_on == services.clock.today()


def test_sending_a_request_saves_names_and_marks_asked_together(services, db, monkeypatch):
    app = services.applications.add_application(applied_on=services.clock.today(), company="Acme", status="rejected")
    monkeypatch.setattr(FeedbackService, "_asked", boom)  # after the record is started and the names set
    fails_whole(db, lambda: services.feedback.send_request(
        application_id=app.id, manager_name="José", contact_email="jose@acme.example", your_name="Sam"))
    assert services.feedback.for_application(application_id=app.id) is None
    monkeypatch.undo()
    sent = services.feedback.send_request(application_id=app.id, manager_name="José", your_name="Sam")
    assert (sent.status, sent.manager_name, services.feedback.your_name()) == ("asked", "José", "Sam")


def test_request_details_and_your_name_save_together(services, db, monkeypatch):
    record = services.feedback.record_feedback(company="Acme")
    monkeypatch.setattr(SettingsService, "put", boom)  # your name goes last
    fails_whole(db, lambda: services.feedback.save_request_details(
        feedback_id=record.id, manager_name="Priya", contact_email="priya@acme.example", your_name="Sam"))
    assert services.settings.get(YOUR_NAME_KEY) is None
    monkeypatch.undo()
    # A bad email is refused before anything is written, your name included.
    fails_whole(db, lambda: services.feedback.save_request_details(
        feedback_id=record.id, manager_name="Priya", contact_email="nope", your_name="Sam"))


def test_the_starter_deck_and_its_seeded_flag_land_together(services, db, monkeypatch):
    monkeypatch.setattr(SettingsService, "put", boom)
    fails_whole(db, services.practice.starter.ensure_starter_deck)


def test_editing_a_mood_entry_replaces_its_words_whole(services, db, monkeypatch):
    entry = services.mood.log_entry(mood=2, feelings=["hurt"], activities=["walk"], note="first")
    from services.mood.service import MoodService

    monkeypatch.setattr(MoodService, "_write_words", boom)  # after the old words are deleted
    fails_whole(db, lambda: services.mood.edit_entry(entry_id=entry.id, mood=4, feelings=["calm"], note="later"))
    assert services.mood.get_entry(entry_id=entry.id).feelings == ("hurt",)


def test_adding_several_actions_is_all_or_none(services, db):
    record = services.feedback.record_feedback(company="Acme")
    services.feedback.actions.add_actions(feedback_id=record.id, texts=[f"Step {i}" for i in range(28)])
    # Two more fit, three don't: none of the three is added.
    fails_whole(db, lambda: services.feedback.actions.add_actions(feedback_id=record.id, texts=["a", "b", "c"]))
    # One bad text refuses the lot.
    fails_whole(db, lambda: services.feedback.actions.add_actions(feedback_id=record.id, texts=["ok", " "]))


def test_an_update_checks_everything_before_writing(services, db):
    record = services.feedback.record_feedback(company="Acme", what_they_said="More examples, please.")
    fails_whole(db, lambda: services.feedback.update_feedback(
        feedback_id=record.id, changes=FeedbackUpdate(what_they_said="", reflection="kept?")))
