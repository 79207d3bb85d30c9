"""What interviews put on Today through main's attention contract (fixed clock, UTC-5):
a round today or tomorrow with its prep share, then "How did it go?", then the thank-you note;
each about its round, and set aside for good when dismissed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import LOCAL_TZ

WED, THU, FRI = date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)
KINDS = ("interview-soon", "interview-check-in", "interview-thank-you")


def mine(services):
    return [(i.kind, i.title, i.about, i.due_on) for i in services.attention.items() if i.kind in KINDS]


@pytest.fixture
def round_id(services):
    services.practice.starter.ensure_starter_deck()
    app = services.applications.add_application(applied_on=date(2026, 2, 20), company="Acme")
    return services.interviews.schedule_interview(application_id=app.id, day=FRI, at="14:00", round="technical").interview.id


def test_a_round_two_days_off_is_not_yet_an_item(services, round_id):
    assert mine(services) == []  # Wednesday: the Coming up card has it, "needs attention" doesn't yet


def test_the_day_before_and_the_day_itself_with_the_plan_share(services, clock, round_id):
    clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=LOCAL_TZ))
    [item] = [i for i in services.attention.items() if i.kind == "interview-soon"]
    assert (item.title, item.about, item.due_on, item.route) == (
        "Tomorrow at 14:00: technical interview with Acme", round_id, FRI, f"/interviews/{round_id}")
    assert item.detail == "3 questions from your prep plan for today, whenever suits you."  # DAILY = 3
    clock.set(datetime(2026, 3, 6, 9, 0, tzinfo=LOCAL_TZ))
    [item] = [i for i in services.attention.items() if i.kind == "interview-soon"]
    assert item.title == "Today at 14:00: technical interview with Acme"
    assert item.detail.startswith("A short warm-up")


def test_after_it_how_did_it_go_then_the_note_then_nothing(services, clock, round_id):
    clock.set(datetime(2026, 3, 6, 14, 30, tzinfo=LOCAL_TZ))  # during it: neither coming up nor over
    assert mine(services) == []
    clock.set(datetime(2026, 3, 6, 18, 0, tzinfo=LOCAL_TZ))
    assert mine(services) == [("interview-check-in", "How did your technical interview with Acme go?", round_id, FRI)]
    services.interviews.after.check_in(interview_id=round_id, mood=4)
    assert [k for k, *_ in mine(services)] == ["interview-thank-you"]
    services.interviews.after.thank_you_sent(interview_id=round_id, to="Ana")
    assert mine(services) == []


def test_a_dismissed_item_stays_away_and_a_cancelled_round_brings_none(services, clock, round_id):
    clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=LOCAL_TZ))
    [item] = [i for i in services.attention.items() if i.kind == "interview-soon"]
    assert item.dismissible
    services.attention.dismiss(item)
    assert mine(services) == []
    clock.set(datetime(2026, 3, 6, 18, 0, tzinfo=LOCAL_TZ))
    assert [k for k, *_ in mine(services)] == ["interview-check-in"], "a different item about the same round"
    services.interviews.cancel_interview(interview_id=round_id)
    assert mine(services) == []
