"""Practice stats: today's numbers, retention, card states, reviews per day; right on big decks."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert

from models.practice import PracticeReview
from tests.unit.practice_fixtures import add_cards
from tests.unit.practice_fixtures import practice as practice_fixture

practice = practice_fixture  # the fixture, under the name tests ask for


def test_stats_on_an_empty_deck(practice):
    stats = practice.stats.summary()
    assert (stats.due_today, stats.reviewed_today, stats.retention) == (0, 0, None)
    assert len(stats.reviews_per_day) == 14 and all(n == 0 for _, n in stats.reviews_per_day)


def test_stats_count_reviews_retention_and_states(practice, clock):
    a, b, c = add_cards(practice, 3)
    practice.schedule.review_card(card_id=a, rating=3)
    practice.schedule.review_card(card_id=b, rating=3)
    clock.advance(days=3)
    practice.schedule.review_card(card_id=a, rating=3)  # recalled
    practice.schedule.review_card(card_id=b, rating=1)  # forgotten
    practice.deck.archive_card(card_id=c)
    stats = practice.stats.summary()
    assert stats.reviewed_today == 2
    assert stats.retention == 0.5 and stats.retention_reviews == 2, "first sight of a card is not a recall"
    assert (stats.new, stats.practising, stats.well_known, stats.archived) == (0, 2, 0, 1)
    assert stats.reviews_per_day[-1] == (clock.today(), 2)
    assert stats.reviews_per_day[-4] == (clock.today() - timedelta(days=3), 2)


def test_600_cards_and_50000_reviews(practice, db, clock):
    """A heavy deck, counted right (its speed is measured in bench/services_bench.py).

    Review i (0..49,999) is on card i % 600, rated 1 + i % 4, 10*i minutes before now
    (Wednesday 4 March 2026, 09:30 local): every card was due (state 2), so each counts
    for retention.
    """
    ids = add_cards(practice, 600)
    practice.schedule.set_new_per_day(limit=10)
    now = clock.now()
    rows = [
        {
            "card_id": ids[i % 600],
            "rating": 1 + i % 4,
            "state_before": 2,
            "reviewed_at": now - timedelta(minutes=i * 10),
            "reviewed_on": (now - timedelta(minutes=i * 10)).date(),
            "duration_ms": 30_000,
            "mode": "practice",
        }
        for i in range(50_000)
    ]
    with db.engine.begin() as conn:
        conn.execute(insert(PracticeReview), rows)

    counts = practice.schedule.review_counts(card_ids=ids)
    # 50,000 = 600 * 83 + 200: the first 200 cards have one review more.
    assert counts[ids[0]] == counts[ids[199]] == 84 and counts[ids[200]] == counts[ids[599]] == 83
    assert sum(counts.values()) == 50_000

    stats = practice.stats.summary()
    # The 30-day window starts on 3 February at 00:00, 29 * 1,440 + 570 = 42,330 minutes ago:
    # reviews 0..4,233 (4,234). Rated Again (i % 4 == 0): 0, 4, ..., 4,232, that is 1,059.
    assert stats.retention_reviews == 4_234
    assert stats.retention == 3_175 / 4_234
    # 570 minutes since midnight: reviews 0..57 today; 144 (1,440 / 10) on each earlier day.
    assert stats.reviewed_today == 58
    assert [n for _, n in stats.reviews_per_day] == [144] * 13 + [58]
    # The inserted reviews don't touch the cards: all 600 are still new, 10 of them allowed today.
    assert (stats.new, stats.practising, stats.well_known) == (600, 0, 0)
    assert practice.schedule.due_count() == stats.due_today == 10
