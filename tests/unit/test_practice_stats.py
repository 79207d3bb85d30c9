"""Practice stats: today's numbers, retention, card states, reviews per day; fast on big decks."""

from __future__ import annotations

import time
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


def test_600_cards_and_50000_reviews_stay_fast(practice, db, clock):
    ids = add_cards(practice, 600)
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
    start = time.perf_counter()
    practice.schedule.due_count()
    due_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    stats = practice.stats.summary()
    stats_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    counts = practice.schedule.review_counts(card_ids=ids)
    counts_ms = (time.perf_counter() - start) * 1000
    print(f"due_count {due_ms:.1f} ms, stats {stats_ms:.1f} ms, review_counts(600) {counts_ms:.1f} ms")
    assert sum(counts.values()) == 50_000
    assert stats.retention is not None
    # Generous bounds: the machine is shared; typical numbers are printed above.
    assert due_ms < 200 and stats_ms < 500 and counts_ms < 500
