"""Small wins for actions the person controls, recorded inside the action's own transaction."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.applications import WinKind
from tests.unit.practice_fixtures import add_cards
from tests.unit.practice_fixtures import practice as practice_fixture

practice = practice_fixture


def titles(services) -> list[tuple[str, str]]:
    return [(w.kind, w.title) for w in services.wins.recent_wins(limit=20)]


def test_practising_is_one_win_a_day_counting_the_questions(services, practice, clock):
    a, b = add_cards(practice, 2)
    practice.schedule.review_card(card_id=a, rating=1)
    assert titles(services) == [("practised", "Practised 1 interview question")]
    practice.schedule.review_card(card_id=a, rating=3)  # the same question again
    practice.schedule.review_card(card_id=b, rating=2)
    assert titles(services) == [("practised", "Practised 2 interview questions")]
    clock.advance(days=1)
    practice.schedule.review_card(card_id=b, rating=3)
    wins = services.wins.recent_wins()
    assert [(w.won_on, w.title) for w in wins] == [
        (clock.today(), "Practised 1 interview question"),
        (clock.today() - timedelta(days=1), "Practised 2 interview questions"),
    ]
    assert services.wins.count_this_week() == 2


def test_asking_for_feedback_is_a_win_once(services, clock):
    app = services.applications.add_application(applied_on=date(2026, 2, 10), company="Acme")
    services.applications.change_status(application_id=app.id, status="rejected", on=date(2026, 3, 2))
    record = services.feedback.start_for_application(application_id=app.id)
    assert titles(services) == []  # a no is not a win
    services.feedback.mark_asked(feedback_id=record.id)
    assert titles(services) == [("asked_feedback", "Asked Acme for feedback")]
    services.feedback.mark_asked(feedback_id=record.id)  # a second copy or a follow-up
    services.feedback.set_status(feedback_id=record.id, status="no_reply")
    services.feedback.mark_asked(feedback_id=record.id)
    assert titles(services) == [("asked_feedback", "Asked Acme for feedback")]
    assert services.wins.recent_wins()[0].application_id == app.id


def test_outcome_wins_still_come_once_per_application(services, clock):
    app = services.applications.add_application(applied_on=date(2026, 2, 10), company="Globex")
    services.applications.change_status(application_id=app.id, status="interview", on=date(2026, 2, 20))
    services.applications.change_status(application_id=app.id, status="heard_back", on=date(2026, 2, 21))
    services.applications.change_status(application_id=app.id, status="interview", on=date(2026, 2, 25))
    assert sorted(titles(services)) == [("heard_back", "Heard back from Globex"), ("interview", "Interview with Globex")]


def test_record_in_joins_the_callers_transaction(services, db, clock):
    app = services.applications.add_application(applied_on=date(2026, 2, 10), company="Initech")
    with db.session() as s:
        services.wins.record_in(s, kind=WinKind.THANK_YOU, title="Sent Initech a thank-you", application_id=app.id,
                                once_per_day=True)
        s.rollback()  # the caller's action failed: no win either
    assert titles(services) == []
    with db.session() as s:
        services.wins.record_in(s, kind=WinKind.THANK_YOU, title="Sent Initech a thank-you", application_id=app.id,
                                once_per_day=True)
        s.commit()
    clock.advance(days=7)  # a second round, a second note: a second win
    with db.session() as s:
        services.wins.record_in(s, kind=WinKind.THANK_YOU, title="Sent Initech a thank-you", application_id=app.id,
                                once_per_day=True)
        s.commit()
    assert [t for _, t in titles(services)] == ["Sent Initech a thank-you"] * 2
    with pytest.raises(ValueError), db.session() as s:
        services.wins.record_in(s, kind=WinKind.MANUAL, title="typed by hand")


def test_a_failing_win_takes_the_review_with_it(services, practice, monkeypatch):
    (card,) = add_cards(practice, 1)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.wins, "record_in", broken)
    with pytest.raises(RuntimeError):
        practice.schedule.review_card(card_id=card, rating=3)
    assert practice.schedule.reviews_of(card_id=card) == []
    assert practice.deck.get_card(card_id=card).last_review is None
