"""Scheduling through the service: FSRS as the package does it, local days, daily new-card limit."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from services.errors import ValidationError
from services.practice.schedule import describe_interval
from tests.conftest import LOCAL_TZ
from tests.unit.practice_fixtures import add_cards
from tests.unit.practice_fixtures import practice as practice_fixture

practice = practice_fixture  # the fixture, under the name tests ask for


def test_scheduling_matches_fsrs_for_the_same_reviews(practice, clock):
    reference = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card = practice.deck.create_card(question="Tell me about yourself.")
    expected = Card(card_id=1, due=clock.now().astimezone(UTC))
    sequence = [(3, 0), (3, 2), (1, 5), (2, 1), (4, 3), (3, 12), (1, 40), (3, 1)]
    for rating, days_later in sequence:
        clock.advance(days=days_later, hours=1)
        when = clock.now().astimezone(UTC)
        expected, _ = reference.review_card(expected, Rating(rating), review_datetime=when)
        got = practice.schedule.review_card(card_id=card.id, rating=rating, duration_ms=1500)
        assert got.due == expected.due
        assert got.stability == pytest.approx(expected.stability)
        assert got.difficulty == pytest.approx(expected.difficulty)
        assert got.state == int(expected.state)
        assert got.last_review == expected.last_review


def test_previews_are_exactly_what_the_rating_does(practice, clock):
    card = practice.deck.create_card(question="Why this role?")
    practice.schedule.review_card(card_id=card.id, rating=3)
    clock.advance(days=3)
    previews = practice.schedule.previews(card_id=card.id)
    assert [p.name for p in previews] == ["Again", "Hard", "Good", "Easy"]
    good = previews[2]
    assert good.button_text.startswith("Good · ") and good.label.endswith(("day", "days"))
    after = practice.schedule.review_card(card_id=card.id, rating=3)
    assert after.due == good.due
    # The button's promise ("Good · N days") is the number of local days until the card is back.
    promised = int(re.fullmatch(r"Good · (\d+) days?", good.button_text).group(1))
    assert practice.schedule.days_until(after.due) == promised
    assert promised == (after.due.astimezone(LOCAL_TZ).date() - clock.today()).days


def test_review_history_is_kept(practice, clock):
    card = practice.deck.create_card(question="A mistake you made?")
    practice.schedule.review_card(card_id=card.id, rating=1, duration_ms=42_000)
    clock.advance(days=1)
    practice.schedule.review_card(card_id=card.id, rating=3)
    reviews = practice.schedule.reviews_of(card_id=card.id)
    assert [(r.rating, r.duration_ms, r.mode) for r in reviews] == [(1, 42_000, "practice"), (3, None, "practice")]
    assert reviews[0].reviewed_at == clock.now().astimezone(UTC) - timedelta(days=1)
    assert reviews[0].reviewed_on == (clock.now() - timedelta(days=1)).date()
    assert reviews[0].state_before == 0 and reviews[1].state_before == 2
    assert practice.schedule.review_counts(card_ids=[card.id, 999]) == {card.id: 2, 999: 0}


def test_bad_rating_is_refused(practice):
    card = practice.deck.create_card(question="q?")
    with pytest.raises(ValidationError):
        practice.schedule.review_card(card_id=card.id, rating=5)
    assert practice.schedule.reviews_of(card_id=card.id) == []


def test_due_today_uses_the_local_day_across_midnight(practice, clock):
    """A card due at 23:30 local time (04:30 UTC the next day) is due today, not tomorrow."""
    clock.set(datetime(2026, 3, 4, 23, 30, tzinfo=LOCAL_TZ))
    card = practice.deck.create_card(question="Late night question?")
    practice.schedule.review_card(card_id=card.id, rating=3)  # due whole days later, at 23:30 local
    due = practice.deck.get_card(card_id=card.id).due
    due_local = due.astimezone(LOCAL_TZ)
    assert (due_local.hour, due_local.minute) == (23, 30)
    assert due.astimezone(UTC).date() > due_local.date(), "in UTC it is already the next day"
    clock.set(datetime.combine(due_local.date() - timedelta(days=1), datetime.max.time(), tzinfo=LOCAL_TZ))
    assert practice.schedule.due_count() == 0, "one second before the due day starts"
    clock.set(datetime.combine(due_local.date(), datetime.min.time(), tzinfo=LOCAL_TZ))
    assert practice.schedule.due_count() == 1, "from local midnight of the due day, hours before the due time"
    assert practice.schedule.due_queue() == [card.id]


def test_new_cards_per_day_limit(practice, clock):
    ids = add_cards(practice, 15)
    assert practice.schedule.new_per_day() == 10
    assert practice.schedule.due_count() == 10
    queue = practice.schedule.due_queue()
    assert queue == ids[:10]
    for card_id in queue[:4]:
        practice.schedule.review_card(card_id=card_id, rating=3)
    assert practice.schedule.due_count() == 6, "reviewed cards leave today's count; no extra new ones join"
    for card_id in queue[4:]:
        practice.schedule.review_card(card_id=card_id, rating=3)
    assert practice.schedule.due_count() == 0
    practice.schedule.set_new_per_day(limit=12)
    assert practice.schedule.due_count() == 2
    clock.advance(days=1)
    assert practice.schedule.due_count() == 5, "a new day: the five left, within the limit"
    practice.schedule.set_new_per_day(limit=0)
    assert practice.schedule.due_count() == 0
    with pytest.raises(ValidationError):
        practice.schedule.set_new_per_day(limit=-1)


def test_archived_cards_are_not_due(practice):
    card = practice.deck.create_card(question="Archived?")
    assert practice.schedule.due_count() == 1
    practice.deck.archive_card(card_id=card.id)
    assert practice.schedule.due_count() == 0


def test_attention_item_when_cards_are_due(practice, clock, services):
    assert services.attention.items() == []
    add_cards(practice, 3)
    items = [i for i in services.attention.items() if i.kind == "practice-due"]
    assert items and items[0].title == "3 practice questions are due" and items[0].route == "/practice"


def test_mock_picks_and_hard_ones_come_back(practice, clock):
    ids = add_cards(practice, 5, category="pressure") + add_cards(practice, 3, category="conflict")
    picked = practice.schedule.pick_mock(count=4, category="conflict", rng=random.Random(1))
    assert len(picked) == 3 and {c.category for c in picked} == {"conflict"}
    assert len(practice.schedule.pick_mock(count=4, rng=random.Random(2))) == 4
    practice.schedule.record_mock_answer(card_id=ids[0], hard=True, note="Lost the thread", duration_ms=90_000)
    practice.schedule.record_mock_answer(card_id=ids[1], hard=False)
    assert [(r.rating, r.mode) for r in practice.schedule.reviews_of(card_id=ids[0])] == [(1, "mock")]
    assert practice.schedule.reviews_of(card_id=ids[1]) == []
    assert "Lost the thread" in practice.deck.get_card(card_id=ids[0]).notes


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(minutes=10), "10 min"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=3), "3 days"),
        (timedelta(days=60), "2 months"),
        (timedelta(days=365 * 2), "2 years"),
    ],
)
def test_describe_interval(delta, text):
    assert describe_interval(delta) == text
