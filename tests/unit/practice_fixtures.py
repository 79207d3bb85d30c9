"""Shared fixtures for the practice unit tests (imported by each test_practice_* file)."""

from __future__ import annotations

import pytest

from services.practice.starter import SEEDED_KEY


@pytest.fixture
def practice(services):
    """The practice service with an empty deck (the starter deck counts as already added)."""
    services.settings.set(SEEDED_KEY, True)
    return services.practice


def add_cards(practice, n: int, **extra) -> list[int]:
    return [practice.deck.create_card(question=f"Question number {i}?", **extra).id for i in range(n)]
